"""The people every test can name: a handläggare, an avdelningschef, a direktör, a registrator
and a nämndsekreterare in utbildningsförvaltningen; a handläggare in Södermalm (the outsider);
KS's remissamordnare and a KS läsare. The chain up to an attested utlåtande is in kedja.py."""

import os

import pytest

from nämnder.models import Nämnd
from nämnder.roller import Roll
from tests.factories import AnvändareFactory, NämndFactory
from tests.idp.fixtures import gruppkopplingar, oidc_idp, saml_idp  # noqa: F401 (fixtures)
from tests.vanta import Uppgifter

pytest_plugins = ["tests.kedja", "tests.extern"]

PARTIER = [
    ("S", "Socialdemokraterna"), ("M", "Moderaterna"), ("L", "Liberalerna"),
    ("C", "Centerpartiet"), ("KD", "Kristdemokraterna"), ("V", "Vänsterpartiet"),
    ("MP", "Miljöpartiet"), ("SD", "Sverigedemokraterna"),
]  # fmt: skip


@pytest.fixture(autouse=True)
def _snabb_lösenordshash(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _partier(request):
    """The parties the migration enters (nämnder.Parti, yttranden 0009). A transactional test
    (a Celery worker, the browser) empties every table when it ends, so they are put back for
    each test that uses the database, as a migrated installation has them."""
    for fixtur in ("transactional_db", "db"):
        if fixtur in request.fixturenames:
            request.getfixturevalue(fixtur)
            break
    else:
        return
    from nämnder.models import Parti

    if not Parti.objects.exists():
        Parti.objects.bulk_create(
            Parti(förkortning=förkortning, namn=namn, ordning=nr)
            for nr, (förkortning, namn) in enumerate(PARTIER, start=1)
        )


@pytest.fixture
def ks(db):
    return NämndFactory(
        namn="Kommunstyrelsen",
        kortnamn="KS",
        diarieprefix="KS",
        typ=Nämnd.Typ.KOMMUNSTYRELSE,
        förvaltning="Stadsledningskontoret",
    )


@pytest.fixture
def un(db):
    return NämndFactory(
        namn="Utbildningsnämnden",
        kortnamn="Utbildning",
        diarieprefix="UN",
        förvaltning="Utbildningsförvaltningen",
        besöksadress="Hantverkargatan 2F",
        box="Box 22049",
        postnummer="104 22",
        växel="08-508 33 000",
        epost="registrator.utbildning@edu.stockholm.se",
    )


@pytest.fixture
def sod(db):
    return NämndFactory(
        namn="Södermalms stadsdelsnämnd",
        kortnamn="Södermalm",
        diarieprefix="SOD",
        typ=Nämnd.Typ.STADSDELSNÄMND,
        förvaltning="Södermalms stadsdelsförvaltning",
    )


def _person(username, förnamn, efternamn, befattning, nämnd, roll):
    return AnvändareFactory(
        username=username,
        first_name=förnamn,
        last_name=efternamn,
        befattning=befattning,
        roller=[(nämnd, roll)],
    )


@pytest.fixture
def handläggare(un):
    return _person("joakim", "Joakim", "Länninge", "Utredare", un, Roll.HANDLÄGGARE)


@pytest.fixture
def avdelningschef(un):
    return _person("ulrika", "Ulrika", "Klemets", "Avdelningschef", un, Roll.AVDELNINGSCHEF)


@pytest.fixture
def direktör(un):
    return _person("lena", "Lena", "Holmdahl", "Utbildningsdirektör", un, Roll.DIREKTÖR)


@pytest.fixture
def registrator(un):
    return _person("maja", "Maja", "Öberg", "Registrator", un, Roll.REGISTRATOR)


@pytest.fixture
def nämndsekreterare(un):
    return _person("erik", "Erik", "Håkansson", "Nämndsekreterare", un, Roll.NÄMNDSEKRETERARE)


@pytest.fixture
def outsider(sod):
    """A handläggare in Södermalm: must never see or change utbildningsförvaltningen's work."""
    return _person("josefin", "Josefin", "Lokvist", "Utredare", sod, Roll.HANDLÄGGARE)


@pytest.fixture
def ks_samordnare(ks):
    return _person("karin", "Karin", "Sjöberg", "Remissamordnare", ks, Roll.REMISSAMORDNARE)


@pytest.fixture
def ks_läsare(ks):
    return _person("asa", "Åsa", "Bergström", "Kommunalråd", ks, Roll.LÄSARE)


@pytest.fixture(scope="session", autouse=True)
def _inga_kvarglömda_anslutningar(django_db_setup, django_db_blocker):
    """Before the test database is dropped, end the sessions still open on it. A thread that
    used the ORM and ended (a live server's request, a worker) can leave its connection open
    until the garbage collector finds it (CONN_MAX_AGE keeps it otherwise), and PostgreSQL
    will not drop a database someone is connected to: the run ended with "is being accessed by
    other users" and left the database behind."""
    yield
    from django.db import connection, connections

    with django_db_blocker.unblock():
        connections.close_all()
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as markör:
            markör.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        connection.close()


@pytest.fixture(scope="session", autouse=True)
def _egen_celerykö():
    """Each test process queues its Celery tasks on a queue of its own, emptied at the start:
    a task queued on commit by one process's tests never runs in another process's worker,
    against the wrong database."""
    from remiss.celery import app

    if app.conf.task_always_eager:
        yield None
        return
    kö = f"remiss-test-{os.environ.get('PYTEST_XDIST_WORKER', 'ensam')}"
    app.conf.task_default_queue = kö
    with app.connection_for_write() as anslutning:
        anslutning.default_channel.queue_purge(kö)
    yield kö


@pytest.fixture(scope="session")
def _celeryarbetare(_egen_celerykö, django_db_setup):
    from celery.contrib.testing.worker import start_worker

    from remiss.celery import app

    assert not app.conf.task_always_eager, "Testerna kräver en riktig Redis-kö (REDIS_URL)."
    with start_worker(
        app, pool="solo", queues=[_egen_celerykö], perform_ping_check=False, loglevel="WARNING"
    ):
        yield app


@pytest.fixture
def uppgifter():
    """Counts the Celery messages published during the test and those the worker has run:
    ``uppgifter.vänta_tills_alla_körda()`` before asserting that something did not happen."""
    räknare = Uppgifter()
    räknare.anslut()
    yield räknare
    räknare.koppla_från()


@pytest.fixture
def celeryarbetare(transactional_db, _celeryarbetare):
    """A real Celery worker (a thread of this process) on the real Redis broker, never eager.
    The worker has its own database connection, so tests using it work on committed data."""
    return _celeryarbetare
