"""The kommun's formats as data: its logo (checked by content), date style and parties, edited in
the admin; the logo and the favicon served; one kommun per installation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nämnder.logotyp import känn_igen
from nämnder.models import Kommun, Parti
from tests.factories import AnvändareFactory
from tests.kommunhjalp import SVG_LOGOTYP, png_logotyp
from yttranden.forms.beslut import UttalandeForm

DAG = datetime.date(2023, 10, 26)


@pytest.fixture
def admin(db):
    return AnvändareFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def kommun(db):
    kommun = Kommun(namn="Exempelby kommun")
    kommun.sätt_logotyp(png_logotyp())
    kommun.save()
    return kommun


# --- the logo is recognised by its content -----------------------------------------------------


def test_a_png_and_an_svg_are_recognised_by_their_content():
    kommun = Kommun(namn="Exempelby kommun")
    kommun.sätt_logotyp(png_logotyp())
    assert kommun.logotyp_typ == "image/png" and len(kommun.logotyp_sha256) == 64
    kommun.sätt_logotyp(SVG_LOGOTYP)
    assert kommun.logotyp_typ == "image/svg+xml"


@pytest.mark.parametrize(
    ("innehåll", "fel"),
    [
        (b"", "Filen är tom."),
        (b"%PDF-1.7 inte en bild", "Logotypen ska vara en PNG- eller SVG-bild."),
        (png_logotyp()[:40], "Filen ser ut som en PNG-bild men går inte att läsa."),
        (b"<html><body>hej</body></html>", "Filen är ingen SVG-bild."),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><rect", "SVG-filen är inte giltig XML."),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
            "SVG-filen får inte innehålla DOCTYPE eller entiteter.",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "SVG-filen får inte innehålla skript eller inbäddat innehåll.",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "SVG-filen får inte innehålla skript eller inbäddat innehåll.",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            b'<image xlink:href="https://example.com/sparning.png"/></svg>',
            "SVG-filen får inte hämta något utanför sig själv.",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(http://x.se/a.css);'
            b"</style></svg>",
            "SVG-filen får inte hämta något utanför sig själv.",
        ),
        (b"\x89PNG\r\n\x1a\n" + b"0" * (600 * 1024), "Logotypen får vara högst 512 kB."),
    ],
)
def test_anything_but_a_clean_png_or_svg_is_refused_in_swedish(innehåll, fel):
    with pytest.raises(ValidationError) as undantag:
        känn_igen(innehåll)
    assert undantag.value.messages == [fel]


# --- dates as the kommun writes them ------------------------------------------------------------


def test_documents_write_dates_in_the_kommuns_style():
    assert Kommun(datumstil=Kommun.Datumstil.ISO).datum(DAG) == "2023-10-26"
    assert Kommun(datumstil=Kommun.Datumstil.TEXT).datum(DAG) == "26 oktober 2023"
    assert Kommun(datumstil=Kommun.Datumstil.TEXT).datum(datetime.date(2024, 3, 1)) == (
        "1 mars 2024"
    )
    assert Kommun().datum(None) == ""


def test_without_a_kommun_entered_the_documents_have_iso_dates_and_no_logo(db):
    kommun = Kommun.aktuell()
    assert kommun.pk is None and kommun.datum(DAG) == "2023-10-26" and not kommun.har_logotyp


# --- the logo and the favicon served -----------------------------------------------------------


def test_the_logo_is_served_to_anyone_under_its_checksum_and_cannot_act(client, kommun):
    svar = client.get(kommun.logotyp_url)
    assert svar.status_code == 200 and svar["Content-Type"] == "image/png"
    assert svar.content == png_logotyp()
    assert "sandbox" in svar["Content-Security-Policy"]
    assert svar["X-Content-Type-Options"] == "nosniff"


def test_an_old_or_unknown_logo_address_is_not_found(client, kommun):
    assert client.get(reverse("nämnder:logotyp", args=["0" * 64])).status_code == 404
    gammal = kommun.logotyp_url
    kommun.sätt_logotyp(SVG_LOGOTYP)
    kommun.save()
    assert client.get(gammal).status_code == 404
    assert client.get(kommun.logotyp_url).status_code == 200


def test_the_favicon_is_a_real_icon_for_anyone(client, db):
    svar = client.get("/favicon.ico")
    assert svar.status_code == 200 and svar["Content-Type"] == "image/x-icon"
    assert svar.content[:4] == b"\x00\x00\x01\x00"  # an ICO file's header


# --- edited in the admin -----------------------------------------------------------------------


def _ändra(client, kommun, **fält):
    data = {"namn": kommun.namn, "datumstil": kommun.datumstil, **fält}
    return client.post(reverse("admin:nämnder_kommun_change", args=[kommun.pk]), data)


def test_the_admin_changes_name_date_style_and_logo(client, admin, kommun):
    client.force_login(admin)
    ny = SimpleUploadedFile("logotyp.svg", SVG_LOGOTYP, content_type="application/octet-stream")
    svar = _ändra(client, kommun, namn="Nya Exempelby", datumstil="text", ny_logotyp=ny)
    assert svar.status_code == 302
    kommun.refresh_from_db()
    assert (kommun.namn, kommun.datumstil, kommun.logotyp_typ) == (
        "Nya Exempelby",
        "text",
        "image/svg+xml",
    )
    assert bytes(kommun.logotyp) == SVG_LOGOTYP


def test_a_file_that_is_no_image_is_refused_whatever_its_name_and_nothing_changes(
    client, admin, kommun
):
    client.force_login(admin)
    före = bytes(kommun.logotyp)
    falsk = SimpleUploadedFile("logotyp.png", b"MZ\x90\x00 ett program", content_type="image/png")
    svar = _ändra(client, kommun, namn="Nytt namn", ny_logotyp=falsk)
    assert svar.status_code == 200
    assert "Logotypen ska vara en PNG- eller SVG-bild." in svar.text
    assert 'value="Nytt namn"' in svar.text  # what was typed is kept
    kommun.refresh_from_db()
    assert kommun.namn == "Exempelby kommun" and bytes(kommun.logotyp) == före


def test_an_empty_file_is_refused_and_does_not_remove_the_logo(client, admin, kommun):
    client.force_login(admin)
    tom = SimpleUploadedFile("logotyp.png", b"", content_type="image/png")
    svar = _ändra(client, kommun, ny_logotyp=tom)
    assert svar.status_code == 200
    kommun.refresh_from_db()
    assert kommun.har_logotyp


def test_the_admin_removes_the_logo(client, admin, kommun):
    client.force_login(admin)
    assert _ändra(client, kommun, ta_bort_logotyp="on").status_code == 302
    kommun.refresh_from_db()
    assert not kommun.har_logotyp and kommun.logotyp_url == ""


def test_there_is_one_kommun_per_installation(client, admin, kommun):
    client.force_login(admin)
    assert client.get(reverse("admin:nämnder_kommun_add")).status_code == 403
    with pytest.raises(ValidationError, match="redan en kommun"):
        Kommun(namn="Annan kommun").full_clean()


def test_only_staff_reach_the_kommun_in_the_admin(client, kommun, db):
    ändra = reverse("admin:nämnder_kommun_change", args=[kommun.pk])
    assert client.get(ändra).status_code == 302  # to the admin's login
    client.force_login(AnvändareFactory(username="vanlig"))
    assert client.get(ändra).status_code == 302
    kommun.refresh_from_db()
    assert kommun.namn == "Exempelby kommun"


# --- parties -----------------------------------------------------------------------------------


def test_a_local_party_added_in_the_admin_can_make_a_statement(client, admin):
    client.force_login(admin)
    svar = client.post(
        reverse("admin:nämnder_parti_add"),
        {"förkortning": "SPI", "namn": "Sjukvårdspartiet", "ordning": 9, "aktivt": "on"},
    )
    assert svar.status_code == 302
    assert ("SPI", "Sjukvårdspartiet (SPI)") in UttalandeForm().fields["partier"].choices


def test_a_party_abbreviation_is_unique_whatever_the_case(client, admin):
    client.force_login(admin)
    svar = client.post(
        reverse("admin:nämnder_parti_add"),
        {"förkortning": "mp", "namn": "Miljöpartiet igen", "ordning": 1, "aktivt": "on"},
    )
    assert svar.status_code == 200
    assert "Det finns redan ett parti med den förkortningen." in svar.text


def test_a_retired_party_is_no_longer_offered(db):
    Parti.objects.filter(förkortning="SD").update(aktivt=False)
    val = [kod for kod, _namn in UttalandeForm().fields["partier"].choices]
    assert "SD" not in val and "S" in val
