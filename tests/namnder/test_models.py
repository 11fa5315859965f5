import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from nämnder.models import Nämnd, Sammanträde
from nämnder.permissions import alla_roller, har_roll, hämta_för_användare, nämnder_för, roller
from nämnder.roller import Roll, ge_roll
from tests.factories import AnvändareFactory, NämndFactory, SammanträdeFactory


def test_a_person_holds_a_role_only_in_the_nämnd_that_gave_it(handläggare, un, sod):
    assert roller(handläggare, un) == {Roll.HANDLÄGGARE}
    assert roller(handläggare, sod) == frozenset()
    assert not har_roll(handläggare, sod, Roll.HANDLÄGGARE)


def test_a_handläggare_of_utbildningsnämnden_cannot_act_for_södermalm(handläggare, sod):
    with pytest.raises(PermissionDenied):
        hämta_för_användare(handläggare, Nämnd.objects.all(), åtgärd="följa_kalender", pk=sod.pk)


def test_another_nämnds_objects_are_not_even_confirmed_to_exist(handläggare, sod):
    möte = SammanträdeFactory(nämnd=sod)
    with pytest.raises(Http404):
        hämta_för_användare(handläggare, Sammanträde.objects.all(), pk=möte.pk)


def test_a_member_without_the_role_is_refused(registrator, un):
    möte = SammanträdeFactory(nämnd=un)
    assert hämta_för_användare(registrator, Sammanträde.objects.all(), pk=möte.pk) == möte
    with pytest.raises(PermissionDenied):
        hämta_för_användare(registrator, Sammanträde.objects.all(), åtgärd="ändra", pk=möte.pk)


def test_a_role_can_be_revoked(handläggare, un):
    un.återkalla_roll(handläggare, Roll.HANDLÄGGARE)
    handläggare.__dict__.pop("_roller_per_nämnd", None)
    assert roller(handläggare, un) == frozenset()


def test_a_superuser_holds_no_role_unless_given_one(un):
    admin = AnvändareFactory(is_superuser=True, is_staff=True)
    assert roller(admin, un) == frozenset()
    assert list(nämnder_för(admin)) == []


def test_roles_given_to_a_group_count_for_its_members(un):
    from django.contrib.auth.models import Group
    from guardian.shortcuts import assign_perm

    grupp = Group.objects.create(name="Registratorer UN")
    person = AnvändareFactory()
    person.groups.add(grupp)
    assign_perm(Roll.REGISTRATOR.perm, grupp, un)
    assert roller(person, un) == {Roll.REGISTRATOR}
    assert alla_roller(person) == [(un, Roll.REGISTRATOR)]


def test_all_roles_of_a_person_come_in_one_query(django_assert_num_queries, un, sod, ks):
    from django.contrib.auth.models import Group
    from guardian.shortcuts import assign_perm

    person = AnvändareFactory(
        roller=[(un, Roll.HANDLÄGGARE), (un, Roll.REGISTRATOR), (sod, Roll.DIREKTÖR)]
    )
    grupp = Group.objects.create(name="Läsare i KS och UN")
    person.groups.add(grupp)
    assign_perm(Roll.LÄSARE.perm, grupp, ks)
    assign_perm(Roll.REGISTRATOR.perm, grupp, un)  # also held directly: counted once
    with django_assert_num_queries(1):
        par = alla_roller(person)
    assert par == [
        (ks, Roll.LÄSARE),
        (sod, Roll.DIREKTÖR),
        (un, Roll.HANDLÄGGARE),
        (un, Roll.REGISTRATOR),
    ]
    with django_assert_num_queries(0):
        assert roller(person, un) == {Roll.HANDLÄGGARE, Roll.REGISTRATOR}
        assert roller(person, ks) == {Roll.LÄSARE}


def test_ks_roles_exist_only_in_kommunstyrelsen(un, ks):
    person = AnvändareFactory()
    with pytest.raises(ValidationError, match="bara i kommunstyrelsen"):
        ge_roll(person, un, Roll.REMISSAMORDNARE, av=None, källa="test")
    ge_roll(person, ks, Roll.REMISSAMORDNARE, av=None, källa="test")
    assert roller(person, ks) == {Roll.REMISSAMORDNARE}


def test_a_duplicate_diarieprefix_is_refused_in_swedish(un):
    dubblett = Nämnd(
        namn="Annan nämnd",
        kortnamn="Annan",
        diarieprefix="UN",
        typ=Nämnd.Typ.FACKNÄMND,
        förvaltning="Annan förvaltning",
    )
    with pytest.raises(ValidationError) as fel:
        dubblett.full_clean()
    assert "Nämnd med detta Diarieprefix finns redan" in str(fel.value)


def test_a_duplicate_name_is_refused_whatever_its_case(un):
    dubblett = Nämnd(
        namn="utbildningsnämnden",
        kortnamn="UN2",
        diarieprefix="UNX",
        typ=Nämnd.Typ.FACKNÄMND,
        förvaltning="X",
    )
    with pytest.raises(ValidationError, match="Det finns redan en nämnd med det namnet"):
        dubblett.full_clean()


def test_a_diarieprefix_is_upper_case_letters_and_may_hold_åäö(db):
    nämnd = NämndFactory.build(diarieprefix=" älv ")
    nämnd.full_clean()
    assert nämnd.diarieprefix == "ÄLV"
    nämnd.diarieprefix = "S0D"
    with pytest.raises(ValidationError, match="versaler"):
        nämnd.full_clean()


def test_two_meetings_of_one_nämnd_on_the_same_day_are_refused(un):
    möte = SammanträdeFactory(nämnd=un)
    dubblett = Sammanträde(nämnd=un, datum=möte.datum)
    with pytest.raises(ValidationError, match="redan ett sammanträde den dagen"):
        dubblett.full_clean()


@pytest.mark.parametrize(
    ("förnamn", "efternamn", "väntat"),
    [("Joakim", "Länninge", "Joakim Länninge"), ("", "Länninge", "Länninge"), ("", "", "jl")],
)
def test_a_person_read_as_values_is_named_as_the_person_is(förnamn, efternamn, väntat):
    from nämnder.models import Användare

    person = Användare(username="jl", first_name=förnamn, last_name=efternamn)
    assert str(person) == väntat
    assert Användare.visningsnamn(förnamn, efternamn, "jl") == väntat
    assert Användare.visningsnamn(None, None, None) == ""  # no handläggare on the row
