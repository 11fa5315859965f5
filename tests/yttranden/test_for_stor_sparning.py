"""A paste larger than the request limit: the editor's autosave gets a Swedish JSON answer that
names the limit (and stops there), a plain form post gets a Swedish page; Django's English
"Bad Request (400)" never reaches anyone, and what was saved before is still there."""

from django.urls import reverse

from tests.yttranden.test_vyer import _autospara, _formdata


def test_an_autosave_over_the_limit_gets_a_swedish_answer_naming_the_limit(
    client, utlåtande, handläggare, settings
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 20_000
    settings.REMISS_MAX_FORMULAR_MB = 5
    client.force_login(handläggare)
    assert _autospara(client, utlåtande, Sammanfattning="<p>Kort.</p>").status_code == 200

    svar = _autospara(client, utlåtande, Sammanfattning="<p>" + "Word " * 10_000 + "</p>")

    assert svar.status_code == 413 and svar["Content-Type"] == "application/json"
    assert "högst 5 MB åt gången" in svar.json()["fel"]
    assert "Bad Request" not in svar.text
    utlåtande.refresh_from_db()
    assert utlåtande.sektioner.get(rubrik="Sammanfattning").html == "<p>Kort.</p>"


def test_a_plain_post_over_the_limit_gets_a_swedish_page(client, utlåtande, handläggare, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 20_000
    client.force_login(handläggare)
    data = _formdata(utlåtande, Sammanfattning="<p>" + "Word " * 10_000 + "</p>")
    svar = client.post(reverse("yttranden:spara", args=[utlåtande.pk]), data)
    assert svar.status_code == 413
    assert (
        "Det du skickade kunde inte tas emot" in svar.text
        and "Inget av det har sparats" in svar.text
    )
    assert "Bad Request" not in svar.text


def test_the_limit_is_set_deliberately_well_above_a_long_utlåtande():
    from django.conf import settings

    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == settings.REMISS_MAX_FORMULAR_MB * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE >= 10 * 200 * 1024
