"""Roles from the kommun's groups: set at each login (given and taken), each change in the
history with its source; a person whose groups give nothing is not created."""

import pytest

from nämnder.inloggning.grupper import Intyg, Nekad, person_från_intyg
from nämnder.models import Rollhändelse
from nämnder.permissions import alla_roller
from nämnder.roller import Roll, ge_roll, ta_roll
from tests.factories import AnvändareFactory


def _intyg(*grupper, **fält):
    return Intyg(
        metod="SAML",
        utfärdare="https://idp.stockholm.se",
        subjekt="19800101-anna",
        användarnamn="anna",
        förnamn="Anna",
        efternamn="Lindqvist",
        grupper=frozenset(grupper),
        **fält,
    )


def test_a_first_login_creates_the_person_with_the_roles_of_her_groups(gruppkopplingar):
    anna = person_från_intyg(_intyg("UN-Handlaggare", "KS-Lasare", "Okänd-grupp"))
    assert anna.username == "anna" and anna.get_full_name() == "Anna Lindqvist"
    assert {r for _, r in alla_roller(anna)} == {Roll.HANDLÄGGARE, Roll.LÄSARE}
    assert Rollhändelse.objects.filter(användare=anna, typ="given").count() == 2


def test_a_role_given_by_hand_is_taken_when_the_groups_do_not_give_it(gruppkopplingar, un):
    anna = person_från_intyg(_intyg("UN-Handlaggare"))
    admin = AnvändareFactory(username="admin", is_superuser=True)
    ge_roll(anna, un, Roll.REGISTRATOR, av=admin, källa="admin")
    person_från_intyg(_intyg("UN-Handlaggare"))
    assert [r for _, r in alla_roller(anna)] == [Roll.HANDLÄGGARE]
    tagen = Rollhändelse.objects.get(typ="tagen")
    assert tagen.roll == Roll.REGISTRATOR and "SAML" in tagen.källa


def test_a_known_person_whose_groups_now_give_nothing_loses_every_role(gruppkopplingar):
    anna = person_från_intyg(_intyg("UN-Handlaggare"))
    assert person_från_intyg(_intyg("Alla-medarbetare")) is None
    assert alla_roller(type(anna).objects.get(pk=anna.pk)) == []
    assert Rollhändelse.objects.filter(typ="tagen").count() == 1


def test_a_person_turned_off_in_remiss_is_refused(gruppkopplingar):
    anna = person_från_intyg(_intyg("UN-Handlaggare"))
    anna.is_active = False
    anna.save()
    with pytest.raises(Nekad, match="avstängt"):
        person_från_intyg(_intyg("UN-Handlaggare"))


def test_a_new_person_whose_user_name_is_taken_gets_one_of_her_own(gruppkopplingar):
    AnvändareFactory(username="anna")
    ny = person_från_intyg(_intyg("UN-Handlaggare"))
    assert ny.username == "anna-2"


def test_giving_a_role_twice_changes_nothing_the_second_time(handläggare, un):
    assert ge_roll(handläggare, un, Roll.DIREKTÖR, av=None, källa="test") is True
    assert ge_roll(handläggare, un, Roll.DIREKTÖR, av=None, källa="test") is False
    assert ta_roll(handläggare, un, Roll.DIREKTÖR, av=None, källa="test") is True
    assert ta_roll(handläggare, un, Roll.DIREKTÖR, av=None, källa="test") is False
    assert Rollhändelse.objects.filter(källa="test").count() == 2


def test_the_role_history_cannot_be_changed(handläggare, un):
    ge_roll(handläggare, un, Roll.DIREKTÖR, av=None, källa="test")
    rad = Rollhändelse.objects.get(källa="test")
    with pytest.raises(Exception, match="kan inte"):
        rad.save()
    with pytest.raises(Exception, match="kan inte"):
        rad.delete()
