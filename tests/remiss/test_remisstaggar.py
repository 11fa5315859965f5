"""The list pages' cheap helpers write exactly what Django's own date filter and url tag write."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from remiss.templatetags.remisstaggar import adress, dag, dag_och_tid

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def django_date(värde, format):
    return Template("{{ v|date:f }}").render(Context({"v": värde, "f": format}))


@pytest.mark.parametrize(
    "värde",
    [
        datetime.date(2026, 3, 1),
        # 23:30 UTC is already the next day in Stockholm.
        datetime.datetime(2026, 3, 31, 23, 30, tzinfo=datetime.UTC),
        datetime.datetime(2026, 7, 1, 0, 15, tzinfo=STOCKHOLM),
        None,
        "",
    ],
)
def test_dag_writes_what_the_date_filter_writes(värde):
    with timezone.override(STOCKHOLM):
        assert dag(värde) == django_date(värde, "Y-m-d")
        assert dag_och_tid(värde) == (
            django_date(värde, "Y-m-d H:i") if isinstance(värde, datetime.datetime) else ""
        )


def test_dag_of_a_late_evening_in_utc_is_the_next_day_in_stockholm():
    with timezone.override(STOCKHOLM):
        kväll = datetime.datetime(2026, 3, 31, 23, 30, tzinfo=datetime.UTC)
        assert dag(kväll) == "2026-04-01"
        assert dag_och_tid(kväll) == "2026-04-01 01:30"


@pytest.mark.parametrize("namn", ["remisser:detalj", "instanser:detalj"])
@pytest.mark.parametrize("pk", [1, 42, 987654321, 10**12])
def test_adress_is_the_reversed_url(namn, pk):
    assert adress(namn, pk) == reverse(namn, args=[pk])


def test_adress_follows_the_url_configuration_in_use(settings):
    assert adress("instanser:detalj", 7) == reverse("instanser:detalj", args=[7])
    settings.ROOT_URLCONF = "tests.benchmarks.urls"
    assert adress("instanser:detalj", 7) == reverse("instanser:detalj", args=[7])
