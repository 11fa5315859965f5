"""The paginator that reads the back half of a list from its end gives exactly the pages
Django's own paginator gives, whatever the length, page size and orphans."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nämnder.models import Nämnd
from remiss.sidor import Sidvisare, antal, olika_värden_och, ytterst
from tests.factories import NämndFactory


@pytest.mark.parametrize(
    ("antal", "per_sida", "föräldralösa"), [(7, 3, 0), (9, 3, 0), (8, 3, 2), (1, 3, 0)]
)
def test_every_page_read_from_the_end_is_the_page_read_from_the_start(
    db, antal, per_sida, föräldralösa
):
    for nr in range(antal):
        NämndFactory(namn=f"Nämnd {nr:02}", diarieprefix=f"N{nr:02}")
    nämnder = Nämnd.objects.order_by("namn", "pk")
    vanlig = Paginator(nämnder, per_sida, orphans=föräldralösa)
    bakifrån = Sidvisare(nämnder, per_sida, orphans=föräldralösa)
    assert bakifrån.num_pages == vanlig.num_pages
    for nummer in vanlig.page_range:
        assert list(bakifrån.page(nummer)) == list(vanlig.page(nummer)), nummer


def test_the_last_page_is_read_in_reverse_without_skipping_rows(db):
    for nr in range(10):
        NämndFactory(namn=f"Nämnd {nr:02}", diarieprefix=f"N{nr:02}")
    with CaptureQueriesContext(connection) as frågor:
        sida = Sidvisare(Nämnd.objects.order_by("namn", "pk"), 3).page(4)
    assert [n.namn for n in sida] == ["Nämnd 09"]
    sista = frågor.captured_queries[-1]["sql"]
    assert "DESC" in sista and "OFFSET" not in sista


def test_the_distinct_values_of_a_column_come_sorted_and_follow_the_filter(db):
    for nr, postort in enumerate(["Öst", "Väst", "Väst", "Norr", "", "Syd"]):
        NämndFactory(
            namn=f"Nämnd {nr:02}", diarieprefix=f"N{nr:02}", kortnamn=f"K{nr}", postort=postort
        )
    alla = Nämnd.objects.all()

    def databasens_ordning(nämnder):  # the collation's order, as the index has it
        return list(
            nämnder.exclude(postort="")
            .order_by("postort")
            .values_list("postort", flat=True)
            .distinct()
        )

    def olika_värden(nämnder, fält):
        return olika_värden_och(nämnder, fält)[0]

    assert olika_värden(alla, "postort") == databasens_ordning(alla)
    assert set(olika_värden(alla, "postort")) == {"Öst", "Väst", "Norr", "Syd"}
    utan_norr = alla.exclude(postort="Norr")
    assert olika_värden(utan_norr, "postort") == databasens_ordning(utan_norr)
    assert "Norr" not in olika_värden(utan_norr, "postort")
    assert olika_värden(alla.none(), "postort") == []


def test_the_distinct_values_come_with_a_count_and_first_and_last_in_one_query(db):
    for nr, postort in enumerate(["Öst", "Väst", "Väst", ""]):
        NämndFactory(namn=f"Nämnd {nr:02}", diarieprefix=f"N{nr:02}", postort=postort)
    alla = Nämnd.objects.all()
    with CaptureQueriesContext(connection) as frågor:
        värden, enstaka = olika_värden_och(
            alla,
            "postort",
            antal=antal(alla.filter(postort="Väst")),
            första=ytterst("namn"),
            sista=ytterst("namn", sista=True),
        )
    assert len(frågor) == 1
    assert set(värden) == {"Öst", "Väst"}
    assert enstaka == {"antal": 2, "första": "Nämnd 00", "sista": "Nämnd 03"}
    # The first and last are those of the rows given, filtered as they are.
    _värden, enstaka = olika_värden_och(
        alla.exclude(namn="Nämnd 00"), "postort", första=ytterst("namn")
    )
    assert enstaka == {"första": "Nämnd 01"}
    värden, enstaka = olika_värden_och(
        alla.none(),
        "postort",
        antal=antal(alla.none()),
        första=ytterst("namn"),
    )
    assert (värden, enstaka) == ([], {"antal": 0, "första": None})
