"""History cannot be changed: not through the models, not through raw SQL (a trigger refuses
it in PostgreSQL), and every role given or taken and every login to the administration is in it."""

import contextlib
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction

from nämnder.models import Admininloggning, Rollhändelse
from nämnder.roller import Roll, ge_roll, ta_roll
from remiss.models import Remisshändelse
from tests.factories import AnvändareFactory, NämndFactory
from yttranden.models import Utlåtandehändelse

pytestmark = pytest.mark.django_db


@pytest.fixture
def un():
    return NämndFactory(namn="Utbildningsnämnden", diarieprefix="UN")


@pytest.fixture
def admin_anna():
    return AnvändareFactory(username="anna.admin", is_staff=True, is_superuser=True)


def _rad_i(tabell):
    with connection.cursor() as c:
        c.execute(f'SELECT id FROM "{tabell}" ORDER BY id LIMIT 1')
        return c.fetchone()[0]


@contextlib.contextmanager
def _vägrad():
    with pytest.raises(DatabaseError, match="Historiken kan inte ändras"), transaction.atomic():
        yield


def test_a_raw_sql_update_of_a_role_grant_is_refused_by_the_database(un, admin_anna):
    bertil = AnvändareFactory(username="un.bertil")
    ge_roll(bertil, un, Roll.HANDLÄGGARE, av=admin_anna, källa="test")
    pk = _rad_i("nämnder_rollhändelse")
    ändra = 'UPDATE "nämnder_rollhändelse" SET roll = %s WHERE id = %s'
    with _vägrad(), connection.cursor() as c:
        c.execute(ändra, ["direktor", pk])
    with _vägrad(), connection.cursor() as c:
        c.execute('DELETE FROM "nämnder_rollhändelse" WHERE id = %s', [pk])
    assert Rollhändelse.objects.get(pk=pk).roll == Roll.HANDLÄGGARE


@pytest.mark.parametrize(
    "tabell",
    [
        "remiss_remisshändelse",
        "yttranden_utlåtandehändelse",
        "nämnder_rollhändelse",
        "nämnder_admininloggning",
    ],
)
def test_every_history_table_has_the_trigger(tabell):
    with connection.cursor() as c:
        c.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
            [f'"{tabell}"'],
        )
        assert [rad[0] for rad in c.fetchall()] == [f"{tabell}_oforanderlig"]


def test_every_history_model_is_in_a_protected_table():
    modeller = (Remisshändelse, Utlåtandehändelse, Rollhändelse, Admininloggning)
    tabeller = {m._meta.db_table for m in modeller}
    with connection.cursor() as c:
        c.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname LIKE '%%_oforanderlig'"
        )
        assert tabeller <= {rad[0] for rad in c.fetchall()}


def test_giving_a_role_writes_history_once_and_says_whether_anything_changed(un, admin_anna):
    bertil = AnvändareFactory(username="un.bertil")
    assert ge_roll(bertil, un, Roll.HANDLÄGGARE, av=admin_anna, källa="administrationen")
    assert not ge_roll(bertil, un, Roll.HANDLÄGGARE, av=admin_anna, källa="administrationen")
    assert bertil.has_perm(Roll.HANDLÄGGARE.perm, un)
    rad = Rollhändelse.objects.get(användare=bertil)
    assert (rad.typ, rad.användare, rad.nämnd, rad.roll, rad.utförd_av, rad.källa) == (
        Rollhändelse.Typ.GIVEN,
        bertil,
        un,
        "handlaggare",
        admin_anna,
        "administrationen",
    )


def test_taking_a_role_writes_history_and_a_role_not_held_writes_nothing(un):
    bertil = AnvändareFactory(username="un.bertil")
    ge_roll(bertil, un, Roll.DIREKTÖR, av=None, källa="IdP-grupp UN-direktorer")
    assert ta_roll(bertil, un, Roll.DIREKTÖR, av=None, källa="IdP-grupp UN-direktorer")
    assert not ta_roll(bertil, un, Roll.DIREKTÖR, av=None, källa="IdP-grupp UN-direktorer")
    bertil = type(bertil).objects.get(pk=bertil.pk)
    assert not bertil.has_perm(Roll.DIREKTÖR.perm, un)
    assert list(
        Rollhändelse.objects.filter(användare=bertil).values_list("typ", "utförd_av", "källa")
    ) == [
        ("given", None, "IdP-grupp UN-direktorer"),
        ("tagen", None, "IdP-grupp UN-direktorer"),
    ]


def test_a_ks_role_outside_ks_is_refused_and_leaves_no_history(un):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        ge_roll(AnvändareFactory(username="un.cecilia"), un, Roll.LÄSARE, av=None, källa="test")
    assert not Rollhändelse.objects.filter(användare__username="un.cecilia").exists()


def _användarformulär(person, roller, **extra):
    """The admin's change form for ``person`` with the role rows ``roller`` ([(pk, nämnd,
    permission, ta_bort)])."""
    data = {
        "username": person.username,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
        "nämnduserobjectpermission_set-TOTAL_FORMS": str(len(roller)),
        "nämnduserobjectpermission_set-INITIAL_FORMS": str(sum(1 for pk, *_ in roller if pk)),
        "externa_identiteter-TOTAL_FORMS": "0",
        "externa_identiteter-INITIAL_FORMS": "0",
        **extra,
    }
    for i, (pk, nämnd, permission, ta_bort) in enumerate(roller):
        prefix = f"nämnduserobjectpermission_set-{i}"
        data[f"{prefix}-id"] = str(pk or "")
        data[f"{prefix}-user"] = str(person.pk)
        data[f"{prefix}-content_object"] = str(nämnd.pk)
        data[f"{prefix}-permission"] = str(permission.pk)
        if ta_bort:
            data[f"{prefix}-DELETE"] = "on"
    return data


def test_the_admin_gives_and_takes_roles_through_ge_roll_and_ta_roll(client, un, admin_anna):
    from django.contrib.auth.models import Permission
    from django.urls import reverse

    from nämnder.models import NämndUserObjectPermission

    bertil = AnvändareFactory(username="un.bertil")
    handläggare = Permission.objects.get(codename="handlaggare")
    client.force_login(admin_anna)
    url = reverse("admin:nämnder_användare_change", args=[bertil.pk])

    svar = client.post(url, _användarformulär(bertil, [(None, un, handläggare, False)]))
    assert svar.status_code == 302
    rad = NämndUserObjectPermission.objects.get(user=bertil)
    svar = client.post(url, _användarformulär(bertil, [(rad.pk, un, handläggare, True)]))
    assert svar.status_code == 302
    assert not NämndUserObjectPermission.objects.filter(user=bertil).exists()
    assert list(
        Rollhändelse.objects.filter(användare=bertil).values_list(
            "typ", "roll", "utförd_av", "källa"
        )
    ) == [
        ("given", "handlaggare", admin_anna.pk, "administrationen"),
        ("tagen", "handlaggare", admin_anna.pk, "administrationen"),
    ]


def test_a_login_to_the_admin_is_written_to_the_history(client, admin_anna):
    from django.urls import reverse

    svar = client.post(
        reverse("admin:login"), {"username": "anna.admin", "password": "rätt-lösenord"}
    )
    assert svar.status_code == 302
    assert Admininloggning.objects.get().utförd_av == admin_anna


def test_a_failed_login_to_the_admin_writes_nothing(client, admin_anna):
    from django.urls import reverse

    svar = client.post(reverse("admin:login"), {"username": "anna.admin", "password": "fel"})
    assert svar.status_code == 200
    assert not Admininloggning.objects.exists()


def test_the_demos_backdating_may_move_the_time_of_a_history_row_and_nothing_else(un):
    """seed_demo dates its story's history (nämnder.historikskydd.dateras_om); even then
    the text, the person and the kind stay as written."""
    import datetime

    from nämnder import historikskydd

    bertil = AnvändareFactory(username="un.bertil")
    ge_roll(bertil, un, Roll.HANDLÄGGARE, av=None, källa="test")
    rad = Rollhändelse.objects.get(användare=bertil)
    förr = datetime.datetime(2023, 9, 1, 8, tzinfo=datetime.UTC)
    with historikskydd.dateras_om():
        Rollhändelse.objects.filter(pk=rad.pk).update(tidpunkt=förr)
    assert Rollhändelse.objects.get(pk=rad.pk).tidpunkt == förr
    with _vägrad(), historikskydd.dateras_om():
        Rollhändelse.objects.filter(pk=rad.pk).update(källa="ändrad")
    with _vägrad(), historikskydd.dateras_om():
        Rollhändelse.objects.filter(pk=rad.pk).delete()


def test_every_role_is_given_through_ge_roll_so_it_is_in_the_history():
    """The demo, the tests' factories and the benchmarks too: guardian's grant
    (``Nämnd.tilldela_roll``) is called by ``ge_roll`` alone."""
    rot = Path(__file__).resolve().parent.parent
    utanför = [
        str(fil.relative_to(rot))
        for mapp in ("nämnder", "remiss", "yttranden", "tests")
        for fil in (rot / mapp).rglob("*.py")
        if ".tilldela_roll(" in fil.read_text(encoding="utf-8") and fil != Path(__file__).resolve()
    ]
    assert utanför == ["nämnder/roller.py"]


def test_a_role_given_by_a_test_factory_is_in_the_history(handläggare, un):
    rad = Rollhändelse.objects.get(användare=handläggare)
    assert (rad.typ, rad.nämnd, rad.roll, rad.utförd_av, rad.källa) == (
        Rollhändelse.Typ.GIVEN,
        un,
        "handlaggare",
        None,
        "testdata",
    )
