"""The contract, run by Schemathesis against the running API (``live_server``) for a client of
each role: every operation of the served schema is called with generated requests, and no answer
is a 500, and every answer – status, content type, headers, body – is one the schema promises.

Path ids are half the time real ones (the remiss, its instans, the attested utlåtande, the
ärende), so the operations are reached behind the gateway too, not only as 404s."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from nämnder.models import ApiKlient
from nämnder.roller import Roll
from tests.factories import SammanträdeFactory
from yttranden.models import Ärende

pytestmark = pytest.mark.django_db(transaction=True)

KONTROLLER = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXEMPEL = 3  # per operation and role: four roles × ~20 operations stay well under a minute

ROLLER = {
    "samordnare": ("ks", Roll.REMISSAMORDNARE),
    "registrator": ("un", Roll.REGISTRATOR),
    "handläggare": ("un", Roll.HANDLÄGGARE),
    "nämndsekreterare": ("un", Roll.NÄMNDSEKRETERARE),
}


@pytest.fixture
def värld(attesterat, nämndsekreterare, settings, tmp_path):
    from tests.yttranden.pdfdokumenthjalp import använd_demosigill
    from yttranden.pdf import sigill as sigillmodul

    settings.MEDIA_ROOT = tmp_path
    använd_demosigill(settings)  # a generated PDF is then really verified, not refused (503)
    sigillmodul.ladda_sigill.cache_clear()
    möte = SammanträdeFactory(nämnd=attesterat.instans.nämnd, datum=attesterat.datum)
    ärende = Ärende.lägg_på_dagordning(attesterat, möte, 10, av=nämndsekreterare)
    instans = attesterat.instans
    return {
        "remisser": instans.remiss_id,
        "remissinstanser": instans.pk,
        "tjansteutlatanden": attesterat.pk,
        "arenden": ärende.pk,
    }


def _riktigt_id(sökväg, värld):
    delar = sökväg.strip("/").split("/")
    return värld.get(delar[2]) if len(delar) > 2 else None


@pytest.mark.parametrize("roll", ROLLER)
def test_every_operation_keeps_the_schemas_promises_for_each_role(
    live_server, värld, request, roll
):
    nämnd, rollen = ROLLER[roll]
    _klient, token = ApiKlient.skapa(
        f"Kontrakt {roll}", av=None, omfång=[(request.getfixturevalue(nämnd), rollen)]
    )
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/")
    rubriker = {"Authorization": f"Bearer {token}"}
    operationer = [resultat.ok() for resultat in schema.get_all_operations()]
    assert len(operationer) >= 20

    for operation in operationer:
        _pröva(operation, live_server.url, rubriker, _riktigt_id(operation.path, värld))


def _pröva(operation, bas, rubriker, pk):
    @given(fall=operation.as_strategy(), riktigt=st.booleans())
    @settings(
        max_examples=EXEMPEL, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def anropa(fall, riktigt):
        if riktigt and pk and "id" in (fall.path_parameters or {}):
            fall.path_parameters["id"] = pk
        fall.call_and_validate(base_url=bas, headers=rubriker, checks=KONTROLLER)

    anropa()
