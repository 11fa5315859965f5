"""Step-up for attest with a local password: Lena Holmdahl, direktör, whose login is older than
the limit (or of unknown age, or too weak) is sent to log in again and attests after; the
attest keeps how, when and at which level she had logged in, and the document shows it."""

import dataclasses
import io

import pytest
from django.urls import reverse
from pyhanko.pdf_utils.reader import PdfFileReader

from tests.inloggning.hjalp import logga_in_nyss
from tests.yttranden.pdfhjalp import demosigill
from tests.yttranden.seedtext import utbildningsnämndens_utlåtande
from yttranden.dokument import Attest as DokumentAttest
from yttranden.models import Attest, Tjänsteutlåtande
from yttranden.pdf.framstallning import skapa_signerad_pdf

LOA2 = "http://id.elegnamnden.se/loa/1.0/loa2"
LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"


def _attestera(client, utlåtande):
    return client.post(reverse("yttranden:attestera", args=[utlåtande.pk]))


def _inte_attesterat(utlåtande):
    utlåtande.refresh_from_db()
    return utlåtande.status == Tjänsteutlåtande.Status.GODKÄND and not utlåtande.attester.filter(
        typ=Attest.Typ.ATTEST
    )


@pytest.mark.parametrize("minuter", [16, 240])
def test_a_login_older_than_the_limit_sends_lena_to_log_in_again(
    client, godkänt, direktör, minuter
):
    logga_in_nyss(client, direktör, minuter_sedan=minuter)
    svar = _attestera(client, godkänt)
    detalj = reverse("yttranden:detalj", args=[godkänt.pk])
    assert svar.status_code == 302
    assert svar.url.startswith(reverse("login")) and "stegupp=1" in svar.url
    assert detalj.replace("/", "%2F") in svar.url
    assert _inte_attesterat(godkänt)
    sida = client.get(svar.url)
    assert sida.status_code == 200 and "Bekräfta att det är du" in sida.text
    assert "de senaste 15 minuterna" in sida.text


def test_a_session_without_a_recorded_login_must_log_in_again(client, godkänt, direktör):
    client.force_login(direktör)
    assert _attestera(client, godkänt).status_code == 302
    assert _inte_attesterat(godkänt)


def test_after_logging_in_again_lena_attests_and_the_attest_keeps_how(client, godkänt, direktör):
    logga_in_nyss(client, direktör, minuter_sedan=60)
    svar = _attestera(client, godkänt)
    inloggning = client.post(
        svar.url, {"username": "lena", "password": "rätt-lösenord", "next": svar.url}
    )
    assert inloggning.status_code == 302

    svar = client.post(reverse("yttranden:attestera", args=[godkänt.pk]), follow=True)

    assert "Utlåtandet är attesterat" in svar.text
    attest = godkänt.attester.get(typ=Attest.Typ.ATTEST)
    assert attest.autentiseringsmetod == "lösenord" and attest.autentiserad is not None
    assert attest.inloggning.startswith("lösenord 20")
    assert "Inloggning: lösenord" in svar.text


def test_a_login_below_the_level_must_be_redone_at_the_level(client, godkänt, direktör, settings):
    settings.REMISS_ATTEST_NIVAER = [LOA3]
    logga_in_nyss(client, direktör, metod="SAML", nivå=LOA2)
    svar = _attestera(client, godkänt)
    assert svar.status_code == 302 and "stegupp=1" in svar.url
    assert _inte_attesterat(godkänt)

    logga_in_nyss(client, direktör, metod="SAML", nivå=LOA3)
    assert _attestera(client, godkänt).status_code == 302
    attest = godkänt.attester.get(typ=Attest.Typ.ATTEST)
    assert (attest.autentiseringsmetod, attest.autentiseringsnivå) == ("SAML", LOA3)


def test_a_level_is_not_asked_for_when_the_idp_reports_none(client, godkänt, direktör, settings):
    settings.REMISS_ATTEST_NIVAER = [LOA3]
    logga_in_nyss(client, direktör, metod="OIDC")
    _attestera(client, godkänt)
    assert godkänt.attester.filter(typ=Attest.Typ.ATTEST).exists()


def test_the_other_direktör_and_the_outsider_still_get_403_and_404(
    client, godkänt, outsider, avdelningschef
):
    logga_in_nyss(client, avdelningschef, minuter_sedan=60)
    assert _attestera(client, godkänt).status_code == 403
    logga_in_nyss(client, outsider, minuter_sedan=60)
    assert _attestera(client, godkänt).status_code == 404
    assert _inte_attesterat(godkänt)


def test_the_document_and_the_seal_name_how_the_direktör_logged_in():
    dokument = utbildningsnämndens_utlåtande()
    inloggning = f"OIDC 2023-10-17 09:12, nivå {LOA3}"
    attest = dataclasses.replace(dokument.attester[-1], inloggning=inloggning)
    assert isinstance(attest, DokumentAttest)
    dokument = dataclasses.replace(dokument, attester=[attest])

    pdf = skapa_signerad_pdf(dokument, identitet="test", sigill=demosigill())

    (signatur,) = PdfFileReader(io.BytesIO(pdf.innehåll)).embedded_regular_signatures
    assert signatur.sig_object["/Reason"] == (
        f"Attesterat 2023-10-17 av Lena Holmdahl, Utbildningsdirektör (inloggning: {inloggning})"
    )
