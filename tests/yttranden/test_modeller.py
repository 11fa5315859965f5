import datetime

import pytest
from django.core.exceptions import ValidationError

from remiss.models import Remissinstans
from tests.kedja import skriv_klart, texter
from yttranden.models import (
    Attest,
    AvvisadSparning,
    Bilaga,
    Mall,
    Mallavsnitt,
    Sektion,
    Sparkrock,
    Tjänsteutlåtande,
    Utlåtandehändelse,
    Version,
)

S = Tjänsteutlåtande.Status


def test_a_new_utlåtande_starts_from_the_standard_mall_with_the_fixed_wording(utlåtande):
    rubriker = [s.rubrik for s in utlåtande.sektioner.all()]
    assert rubriker == [
        "Förvaltningens förslag till beslut",
        "Sammanfattning",
        "Bakgrund",
        "Ärendet",
        "Ärendets beredning",
        "Förvaltningens synpunkter och förslag",
        "Konsekvenser för barns rättigheter samt jämställdhetsanalys",
        "Förslag till beslut",
    ]
    förslag = utlåtande.sektioner.get(ordning=1).html
    assert (
        "Utbildningsnämnden godkänner förvaltningens tjänsteutlåtande och överlämnar det till "
        "kommunstyrelsen som svar på remissen." in förslag
    )
    assert "Beslutet justeras omedelbart." in förslag
    bakgrund = utlåtande.sektioner.get(rubrik="Bakgrund").html
    assert "till utbildningsnämnden för yttrande senast 2031-10-27" in bakgrund


def test_starting_puts_the_instans_under_beredning_and_picks_the_only_reviewer(
    utlåtande, instans, avdelningschef, direktör
):
    instans.refresh_from_db()
    assert instans.status == Remissinstans.Status.UNDER_BEREDNING
    assert utlåtande.granskare == avdelningschef and utlåtande.attestant == direktör
    assert utlåtande.versionsnummer == 1 and utlåtande.versioner.count() == 1
    assert utlåtande.händelser.get().typ == Utlåtandehändelse.Typ.PÅBÖRJAT


def test_starting_twice_returns_the_same_utlåtande(utlåtande, instans, handläggare):
    assert Tjänsteutlåtande.påbörja(instans, av=handläggare) == utlåtande
    assert Tjänsteutlåtande.objects.count() == 1


def test_a_förvaltning_may_keep_its_own_mall(instans, un, handläggare):
    mall = Mall.objects.create(namn="Utbildningsförvaltningens mall", nämnd=un)
    Mallavsnitt.objects.create(mall=mall, ordning=1, rubrik="Underlag för beslut")
    Mallavsnitt.objects.create(mall=mall, ordning=2, rubrik="Remissen", obligatoriskt=False)
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    assert [s.rubrik for s in utlåtande.sektioner.all()] == ["Underlag för beslut", "Remissen"]


def test_the_standard_mall_is_recreated_if_missing(db):
    Mall.objects.all().delete()
    assert Mall.objects.standard().avsnitt.count() == 8


def test_saving_keeps_every_version_with_who_and_what(utlåtande, handläggare):
    version = utlåtande.spara(
        texter(utlåtande, Sammanfattning="<p>Kort om saken.</p>"), 1, av=handläggare
    )
    assert version.nummer == 2 and version.sparad_av == handläggare
    assert version.ändrade_avsnitt == ["Sammanfattning"]
    assert utlåtande.sektioner.get(rubrik="Sammanfattning").html == "<p>Kort om saken.</p>"
    assert utlåtande.spara(texter(utlåtande), 2, av=handläggare) is None  # nothing changed
    assert [v.nummer for v in utlåtande.versioner.all()] == [2, 1]


@pytest.mark.parametrize(
    ("inklistrat", "kvar"),
    [
        ("<p>Hej<script>alert(1)</script></p>", "<p>Hej</p>"),
        ('<p onclick="stjäl()" style="color:red">Hej</p>', "<p>Hej</p>"),
        ('<p>Hej</p><iframe src="https://ond.example"></iframe>', "<p>Hej</p>"),
        ('<p><img src="data:image/png;base64,AAAA">Hej</p>', "<p>Hej</p>"),
        (
            '<p><a href="data:text/html,x">länk</a></p>',
            '<p><a rel="noopener noreferrer">länk</a></p>',
        ),
        (
            '<p><a href="javascript:alert(1)">länk</a></p>',
            '<p><a rel="noopener noreferrer">länk</a></p>',
        ),
        ("<style>p{}</style><p>Hej</p>", "<p>Hej</p>"),
        (
            '<p><a href="https://start.stockholm/" target="_blank">Stockholm</a></p>',
            '<p><a href="https://start.stockholm/" rel="noopener noreferrer">Stockholm</a></p>',
        ),
        (
            "<h3>Rubrik</h3><ul><li><p><strong>Fet</strong> och <em>kursiv</em></p></li></ul>"
            "<blockquote><p>Citat</p></blockquote>",
            "<h3>Rubrik</h3><ul><li><p><strong>Fet</strong> och <em>kursiv</em></p></li></ul>"
            "<blockquote><p>Citat</p></blockquote>",
        ),
        ('<p class="MsoNormal"><span style="mso-bidi-font:x">Word</span></p>', "<p>Word</p>"),
    ],
)
def test_pasted_html_is_stripped_to_what_the_editor_offers(
    utlåtande, handläggare, inklistrat, kvar
):
    utlåtande.spara(texter(utlåtande, Sammanfattning=inklistrat), 1, av=handläggare)
    assert utlåtande.sektioner.get(rubrik="Sammanfattning").html == kvar


def test_text_written_by_another_path_is_sanitised_on_render(utlåtande):
    Sektion.objects.filter(utlåtande=utlåtande, ordning=2).update(
        html="<p>Hej</p><script>alert(1)</script>"
    )
    dokument = utlåtande.som_dokument()
    assert dokument.sektioner[1].html == "<p>Hej</p>"


def test_a_stale_save_is_refused_and_both_texts_are_kept(utlåtande, handläggare):
    utlåtande.instans.medhandläggare.add(handläggare)
    utlåtande.spara(texter(utlåtande, Sammanfattning="<p>Först.</p>"), 1, av=handläggare)
    with pytest.raises(Sparkrock) as krock:
        utlåtande.spara(
            texter(utlåtande, Sammanfattning="<p>Sen, från version 1.</p>"), 1, av=handläggare
        )
    assert "Någon annan har sparat utlåtandet (version 2" in str(krock.value)
    assert utlåtande.sektioner.get(rubrik="Sammanfattning").html == "<p>Först.</p>"
    avvisad = AvvisadSparning.objects.get()
    assert avvisad.grundad_på == 1
    assert "<p>Sen, från version 1.</p>" in [s["html"] for s in avvisad.sektioner]
    assert utlåtande.versioner.count() == 2


def test_an_empty_mandatory_section_blocks_sending_and_is_named(utlåtande, handläggare):
    with pytest.raises(ValidationError) as fel:
        utlåtande.skicka_till_granskning(av=handläggare)
    assert "Avsnittet ”Sammanfattning” är tomt." in " ".join(fel.value.messages)
    assert "Avsnittet ”Ärendet” är tomt." in " ".join(fel.value.messages)
    utlåtande.refresh_from_db()
    assert utlåtande.status == S.UTKAST


def test_sending_twice_sends_once(utlåtande, handläggare):
    skriv_klart(utlåtande, handläggare)
    utlåtande.skicka_till_granskning(av=handläggare)
    with pytest.raises(ValidationError, match="redan skickat"):
        utlåtande.skicka_till_granskning(av=handläggare)
    assert utlåtande.händelser.filter(typ=Utlåtandehändelse.Typ.SKICKAT).count() == 1


def test_text_cannot_change_while_under_review(granskas, handläggare):
    with pytest.raises(ValidationError, match="skickat till granskning"):
        granskas.spara(texter(granskas, Sammanfattning="<p>Smygändring</p>"), 2, av=handläggare)


def test_returning_needs_a_reason_and_goes_back_to_utkast(granskas, avdelningschef):
    with pytest.raises(ValidationError, match="Skriv varför"):
        granskas.återremittera("  ", av=avdelningschef)
    sektion = granskas.sektioner.get(rubrik="Sammanfattning")
    granskas.kommentera("För lång.", avdelningschef, sektion=sektion)
    granskas.återremittera("Korta sammanfattningen.", av=avdelningschef)
    assert granskas.status == S.UTKAST
    assert sektion.kommentarer.get().text == "För lång."
    assert granskas.händelser.last().text == "Korta sammanfattningen."


def test_approval_records_name_title_and_date(godkänt, avdelningschef):
    attest = godkänt.attester.get()
    assert (attest.typ, attest.namn, attest.befattning) == (
        Attest.Typ.GODKÄNNANDE,
        "Ulrika Klemets",
        "Avdelningschef",
    )
    assert attest.datum == datetime.date.today()
    assert godkänt.status == S.GODKÄND


def test_attest_freezes_the_content_and_stores_its_sha256(attesterat, instans):
    attest = attesterat.attester.get(typ=Attest.Typ.ATTEST)
    assert attest.namn == "Lena Holmdahl" and attest.befattning == "Utbildningsdirektör"
    assert len(attest.sha256) == 64 and attest.sha256 == attesterat.kontrollsumma()
    instans.refresh_from_db()
    assert instans.status == Remissinstans.Status.ATTESTERAD
    dokument = attesterat.som_dokument()
    assert not dokument.utkast
    # Like the seeds, the document's "Attesterat av" lists the direktör's attest.
    assert [(a.namn, a.befattning) for a in dokument.attester] == [
        ("Lena Holmdahl", "Utbildningsdirektör")
    ]
    assert [p.namn for p in dokument.undertecknare] == ["Lena Holmdahl", "Ulrika Klemets"]


def test_the_checksum_is_canonical_and_covers_headings_texts_and_bilagor(utlåtande, handläggare):
    före = utlåtande.kontrollsumma()
    assert före == utlåtande.kontrollsumma()
    utlåtande.lägg_till_bilaga("Prioriterade samverkansområden.")
    assert utlåtande.kontrollsumma() != före


def test_attesting_twice_attests_once(godkänt, direktör):
    godkänt.attestera(av=direktör)
    with pytest.raises(ValidationError, match="redan attesterat"):
        godkänt.attestera(av=direktör)
    assert godkänt.attester.filter(typ=Attest.Typ.ATTEST).count() == 1


def test_after_attest_no_path_changes_the_content(attesterat, handläggare):
    sektion = attesterat.sektioner.first()
    sektion.html = "<p>Ändrad i efterhand</p>"
    with pytest.raises(ValidationError, match="attesterat"):
        sektion.save()
    with pytest.raises(ValidationError, match="attesterat"):
        Sektion.objects.filter(utlåtande=attesterat).update(html="<p>x</p>")
    with pytest.raises(ValidationError, match="attesterat"):
        sektion.delete()
    with pytest.raises(ValidationError, match="attesterat"):
        Sektion.objects.create(utlåtande=attesterat, rubrik="Nytt", html="<p>x</p>")
    with pytest.raises(ValidationError, match="attesterat"):
        attesterat.lägg_till_bilaga("Smygbilaga")
    with pytest.raises(ValidationError, match="attesterat"):
        attesterat.spara(texter(attesterat), attesterat.versionsnummer, av=handläggare)
    attesterat.datum = datetime.date(2020, 1, 1)
    with pytest.raises(ValidationError, match="attesterat"):
        attesterat.save()
    with pytest.raises(ValidationError):
        attesterat.delete()
    version = attesterat.versioner.first()
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        Version.objects.filter(utlåtande=attesterat).update(innehåll={})
    with pytest.raises(ValidationError):
        Version.objects.create(utlåtande=attesterat, nummer=99, sparad_av=handläggare, innehåll={})
    attesterat.refresh_from_db()
    assert attesterat.kontrollsumma() == attesterat.attester.get(typ=Attest.Typ.ATTEST).sha256
    assert attesterat.sektioner.first().html != "<p>Ändrad i efterhand</p>"
    assert not Bilaga.objects.exists()


def test_reopening_voids_the_attest_and_starts_the_next_version(attesterat, direktör, instans):
    with pytest.raises(ValidationError, match="Skriv varför"):
        attesterat.återöppna("", av=direktör)
    nytt = attesterat.återöppna("Fel siffra i bakgrunden.", av=direktör)
    attesterat.refresh_from_db()
    assert attesterat.status == S.ERSATT
    assert all(a.upphävd and a.upphävd_av == direktör for a in attesterat.attester.all())
    assert attesterat.attester.get(typ=Attest.Typ.ATTEST).upphävd_motivering == (
        "Fel siffra i bakgrunden."
    )
    assert (nytt.version, nytt.status, nytt.återöppnat_från) == (2, S.UTKAST, attesterat)
    assert [s.html for s in nytt.sektioner.all()] == [s.html for s in attesterat.sektioner.all()]
    assert nytt.händelser.get().typ == Utlåtandehändelse.Typ.NY_VERSION
    assert attesterat.händelser.last().typ == Utlåtandehändelse.Typ.ÅTERÖPPNAT
    instans.refresh_from_db()
    assert instans.status == Remissinstans.Status.UNDER_BEREDNING
    assert Tjänsteutlåtande.objects.gällande().get(instans=instans) == nytt
    # The replaced version stays exactly as attested.
    with pytest.raises(ValidationError):
        attesterat.sektioner.first().save()


def test_the_direktör_may_send_an_approved_utlåtande_back(godkänt, direktör):
    godkänt.återremittera("Stäm av med juristerna.", av=direktör)
    assert godkänt.status == S.UTKAST
    assert godkänt.attester.get().upphävd is not None


def test_transitions_are_listed_once_and_enforced(utlåtande, direktör):
    with pytest.raises(ValidationError, match="kan inte bli Attesterat"):
        utlåtande.attestera(av=direktör)
    with pytest.raises(ValidationError, match="kan inte bli Godkänt"):
        utlåtande.godkänn(av=direktör)


def test_an_unassigned_instans_gets_no_utlåtande(remiss, un, handläggare):
    instans = remiss.instanser.get(nämnd=un)
    with pytest.raises(ValidationError, match="tilldelad en handläggare"):
        Tjänsteutlåtande.påbörja(instans, av=handläggare)
    assert not Tjänsteutlåtande.objects.exists()


def test_a_document_written_elsewhere_is_imported_as_one_version(utlåtande, handläggare):
    utlåtande.importera(
        [("Förslag till beslut", "<p>Ja.</p>"), ("Remissen", "<p>Om remissen.</p>")],
        av=handläggare,
        bilagor=["Bilaga ett"],
    )
    assert [s.rubrik for s in utlåtande.sektioner.all()] == ["Förslag till beslut", "Remissen"]
    assert [b.titel for b in utlåtande.bilagor.all()] == ["Bilaga ett"]
    assert utlåtande.versioner.first().nummer == 2
