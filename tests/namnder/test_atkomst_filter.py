"""The access policy's filters as SQL: a branch that can match nothing for the person is left
out (no join for it), and "always" adds no condition. The rows are the same; what changes is
what the database plans and reads for every list and count (issue 17)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from remiss.atkomst import instanser_att, instanser_för, remisser_för
from remiss.models import Remissinstans
from tests.factories import AnvändareFactory, RemissFactory


@pytest.fixture
def skickad(ks, un, sod, ks_samordnare):
    """A remiss from KS sent to utbildningsnämnden and Södermalm."""
    remiss = RemissFactory(nämnd=ks, skapad_av=ks_samordnare, mottagare=[un, sod])
    remiss.skicka(av=ks_samordnare, dag=remiss.remissdatum)
    return remiss


def _sql(queryset):
    with CaptureQueriesContext(connection) as frågor:
        list(queryset)
    return " ".join(f["sql"] for f in frågor.captured_queries)


def test_a_registrator_without_a_ks_role_gets_the_inbox_without_a_join_to_the_remisser(
    registrator, skickad, un
):
    instanser = instanser_att(registrator, "registrera")
    assert list(instanser) == list(Remissinstans.objects.filter(nämnd=un))
    # KS's roles reach an instans through its remiss (remiss__nämnd_id); she has none.
    count_sql = _sql(instanser.values("pk"))
    assert '"remiss_remiss"' not in count_sql
    assert "IS NOT NULL" not in count_sql


def test_a_person_without_any_role_is_given_nothing_without_asking_the_database(
    skickad, django_assert_num_queries
):
    utan_roll = AnvändareFactory(username="utan_roll")
    instanser, remisser = instanser_för(utan_roll), remisser_för(utan_roll)
    with django_assert_num_queries(0):
        assert list(instanser) == []
        assert list(remisser) == []


def test_a_ks_läsare_still_sees_what_ks_sent_and_every_recipients_instans(ks_läsare, skickad):
    assert list(remisser_för(ks_läsare)) == [skickad]
    assert set(instanser_för(ks_läsare)) == set(skickad.instanser.all())
