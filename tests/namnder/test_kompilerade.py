"""Querysets compiled once per shape and run again with new values (nämnder/kompilerade.py):
the same rows and objects as the ORM gives, one query, no second compilation, and a builder
that would make the reused SQL wrong is refused rather than trusted (issue 17)."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext

from nämnder.atkomst import roller as roller_för
from nämnder.atkomst import synliga
from nämnder.kompilerade import FelaktigByggare, Kompilerad
from nämnder.sqlbland import Bland
from remiss.models import Remiss, Remissinstans
from tests.factories import RemissFactory


@pytest.fixture
def remisser(ks, un, sod, ks_samordnare):
    """Two remisser from KS, each sent to utbildningsnämnden and Södermalm."""
    skickade = []
    for titel in ("Översiktsplan", "Trafikstrategi"):
        remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod], titel=titel)
        remiss.skicka(av=ks_samordnare, dag=remiss.remissdatum)
        skickade.append(remiss)
    return skickade


def _remiss_med_försenade(pk, idag):
    return (
        Remiss.objects.select_related("nämnd", "kontaktperson")
        .med_har_förslag()
        .med_antal_försenade(idag)
        .filter(pk=pk)
    )


def _kompileringar(funktion):
    """How many queries ``funktion()`` compiles through the ORM."""
    antal, original = 0, SQLCompiler.as_sql

    def räknande(self, *args, **kwargs):
        nonlocal antal
        antal += 1
        return original(self, *args, **kwargs)

    SQLCompiler.as_sql = räknande
    try:
        resultat = funktion()
    finally:
        SQLCompiler.as_sql = original
    return resultat, antal


def test_a_model_with_related_objects_and_annotations_is_what_the_orm_gives(
    remisser, django_assert_num_queries
):
    hämta = Kompilerad(_remiss_med_försenade)
    idag = datetime.date.today()
    hämta.första(pk=remisser[0].pk, idag=idag)  # the shape is built on the first call
    for remiss in remisser:
        väntad = _remiss_med_försenade(remiss.pk, idag).get()
        with django_assert_num_queries(1):
            (fått,), kompileringar = _kompileringar(lambda r=remiss: hämta(pk=r.pk, idag=idag))
        assert kompileringar == 0
        assert fått == väntad and fått.titel == väntad.titel
        assert fått.nämnd == väntad.nämnd  # select_related: no query above
        assert (fått.har_förslag, fått.antal_försenade) == (False, 0)


def test_today_is_a_value_so_tomorrow_counts_what_is_late_then(remisser):
    hämta = Kompilerad(_remiss_med_försenade)
    remiss = remisser[0]
    idag = datetime.date.today()
    assert hämta.första(pk=remiss.pk, idag=idag).antal_försenade == 0
    efter = remiss.sista_svarsdatum + datetime.timedelta(days=1)
    assert hämta.första(pk=remiss.pk, idag=efter).antal_försenade == 2
    assert len(hämta._mallar) == 1


def test_values_and_the_access_policy_in_the_form(remisser, registrator, ks_läsare, un):
    def instanser(roller, remiss):
        return (
            synliga(roller, Remissinstans.objects.filter(remiss_id=remiss))
            .values("pk", "nämnd__namn", "status")
            .order_by("nämnd__namn")
        )

    lista = Kompilerad(instanser)
    for person in (registrator, ks_läsare):
        roller = roller_för(person)
        for remiss in remisser:
            väntade = list(instanser(roller, remiss.pk))
            assert lista(roller, remiss=remiss.pk) == väntade
    assert [r["nämnd__namn"] for r in lista(roller_för(registrator), remiss=remisser[0].pk)] == [
        un.namn
    ]
    assert len(lista._mallar) == 2  # one shape per set of roles


def test_a_value_the_builder_changes_is_refused(remisser):
    def titel_som(text):
        return Remiss.objects.filter(titel__icontains=text)

    with pytest.raises(FelaktigByggare):
        Kompilerad(titel_som)(text="plan")


def test_today_inside_the_builder_is_refused_rather_than_kept_until_tomorrow(remisser):
    def försenade(pk):
        return Remiss.objects.med_antal_försenade().filter(pk=pk)

    with pytest.raises(FelaktigByggare, match="datumet"):
        Kompilerad(försenade)(pk=remisser[0].pk)


def test_a_value_that_changes_the_sql_or_is_not_used_is_refused(remisser):
    with pytest.raises(FelaktigByggare, match="används inte"):
        Kompilerad(lambda pk: Remiss.objects.all())(pk=remisser[0].pk)
    # pk__in gives a parameter per value, which the list's stand-ins change.
    with pytest.raises(FelaktigByggare):
        Kompilerad(lambda pks: Remiss.objects.filter(pk__in=pks))(pks=[r.pk for r in remisser])
    with pytest.raises(TypeError):  # a list of whole numbers or of text, nothing else
        Kompilerad(lambda pks: Remiss.objects.filter(Bland("pk", pks)))(pks=[1, "Plan"])
    with pytest.raises(TypeError):
        Kompilerad(lambda öppen: Remiss.objects.filter(pk=1))(öppen=True)


def test_a_list_of_pks_is_one_array_parameter_whatever_its_length(
    remisser, django_assert_num_queries
):
    """The overview's late instanser per remiss (remiss.models.remiss.försenade_per_remiss):
    one compiled statement for a page of one remiss or of fifty."""

    def per_remiss(pks, idag):
        return (
            Remissinstans.objects.försenade(idag)
            .filter(Bland("remiss", pks))
            .order_by("remiss")
            .values_list("remiss", "nämnd__namn")
        )

    lista = Kompilerad(per_remiss)
    efter = remisser[0].sista_svarsdatum + datetime.timedelta(days=1)
    lista(pks=[remisser[0].pk], idag=efter)  # the shape is built on the first call
    for pks in ([remisser[0].pk], [r.pk for r in remisser], [remisser[1].pk, -5, 10**9]):
        väntade = list(per_remiss(pks, efter))
        with django_assert_num_queries(1):
            fått, kompileringar = _kompileringar(lambda p=pks: lista(pks=p, idag=efter))
        assert fått == väntade and len(fått) == 2 * len(set(pks) & {r.pk for r in remisser})
        assert kompileringar == 0
    assert len(lista._mallar) == 1
    assert lista(pks=[remisser[0].pk], idag=datetime.date.today()) == []
    titlar = Kompilerad(lambda titlar: Remiss.objects.filter(Bland("titel", titlar)).order_by("pk"))
    assert titlar(titlar=["Trafikstrategi", "Saknas"]) == [remisser[1]]
    assert titlar(titlar=["Översiktsplan", "Trafikstrategi"]) == remisser


def test_a_related_manager_is_refused_its_instance_would_be_kept(remisser):
    with pytest.raises(FelaktigByggare, match="relation"):
        Kompilerad(lambda pk: remisser[0].instanser.filter(pk=pk))(pk=1)


def test_a_filter_that_matches_nothing_gives_nothing_without_a_query(
    remisser, django_assert_num_queries
):
    tom = Kompilerad(lambda pk: Remiss.objects.filter(pk__in=[]).filter(pk=pk))
    with django_assert_num_queries(0):
        assert tom(pk=remisser[0].pk) == []


def test_a_later_filter_cannot_reach_the_reused_compiler(remisser):
    """The result is a list: no queryset carrying the prepared compiler is handed out."""
    hämta = Kompilerad(lambda pk: Remiss.objects.filter(pk=pk))
    assert isinstance(hämta(pk=remisser[0].pk), list)
    with CaptureQueriesContext(connection) as frågor:
        assert [r.pk for r in hämta(pk=remisser[1].pk)] == [remisser[1].pk]
    assert str(remisser[1].pk) in frågor.captured_queries[0]["sql"]


def test_the_least_recently_used_shape_is_dropped(remisser):
    hämta = Kompilerad(lambda flagga, pk: Remiss.objects.filter(pk=pk), storlek=2)
    for flagga in ("a", "b", "a", "c"):
        hämta(flagga, pk=remisser[0].pk)
    assert [nyckel[1] for nyckel in hämta._mallar] == [("a",), ("c",)]


def test_another_thread_runs_the_shape_on_its_own_connection(remisser):
    """As the live server's threads do: the shape built in one, run in another."""
    hämta = Kompilerad(lambda pk: Remiss.objects.filter(pk=pk))
    assert len(hämta(pk=remisser[0].pk)) == 1
    fått = []

    def i_tråden():
        try:
            fått.append(hämta(pk=-1))  # its connection does not see this test's rows
        finally:
            connections.close_all()

    tråd = threading.Thread(target=i_tråden)
    tråd.start()
    tråd.join()
    assert fått == [[]]
