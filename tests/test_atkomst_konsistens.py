"""One access policy, one answer: for every person and every kind of object in every state,
seen on its page ⇔ in that person's lists ⇔ found by search ⇔ downloadable. Any disagreement
between the gateway, the list querysets, the search index's tokens and the downloads fails.

The world: a KS draft with a handling; a remiss answered by utbildningsnämnden (sent to KS, so
an allmän handling) and still unanswered by Södermalm; and one remiss per utlåtande state in
utbildningsnämnden (utkast, granskning, godkänt, attesterat, replaced by a new version, decided
but not sent); a closed remiss."""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from nämnder.atkomst import kan_se, synliga
from nämnder.models import Nämnd, Sammanträde
from nämnder.permissions import roller
from nämnder.roller import Roll
from remiss.models import Handling, Remiss, Remissinstans, Sökpost
from remiss.sok.fraga import _matchande
from tests.factories import AnvändareFactory, RemissFactory, SammanträdeFactory
from tests.kedja import skriv_klart
from tests.remiss.test_handlingar import PDF
from tests.yttranden.pdfdokumenthjalp import låtsas_klar
from yttranden.models import (
    Beslut,
    Pdfdokument,
    Svar,
    Tjänsteutlåtande,
    Uttalande,
    Ärende,
)

PERSONER = [
    "handläggare",
    "avdelningschef",
    "direktör",
    "registrator",
    "nämndsekreterare",
    "outsider",
    "ks_samordnare",
    "ks_läsare",
    "utan_roll",
]


@pytest.fixture(autouse=True)
def _lagring(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def utan_roll(db):
    return AnvändareFactory(username="utan.roll")


def _remiss(ks, samordnare, nr, mottagare, skicka=True):
    remiss = RemissFactory(
        nämnd=ks,
        diarienummer=f"KS 2031/{nr}",
        skapad_av=samordnare,
        remissdatum=datetime.date(2031, 9, 1),
        sista_svarsdatum=datetime.date(2031, 10, 27),
        mottagare=mottagare,
    )
    if skicka:
        remiss.skicka(av=samordnare)
    return remiss


def _utlåtande(remiss, nämnd, registrator, handläggare):
    instans = remiss.instanser.get(nämnd=nämnd)
    instans.registrera(f"{nämnd.diarieprefix} 2031/{remiss.pk}", av=registrator)
    instans.tilldela(handläggare, av=registrator)
    utlåtande = Tjänsteutlåtande.påbörja(instans, av=handläggare)
    skriv_klart(utlåtande, handläggare)
    return utlåtande


@pytest.fixture
def värld(
    ks,
    un,
    sod,
    ks_samordnare,
    handläggare,
    avdelningschef,
    direktör,
    registrator,
    nämndsekreterare,
):
    def fram_till(steg, nr):
        remiss = _remiss(ks, ks_samordnare, nr, [un])
        u = _utlåtande(remiss, un, registrator, handläggare)
        if steg == "utkast":
            return u
        u.skicka_till_granskning(av=handläggare)
        if steg == "granskning":
            return u
        u.godkänn(av=avdelningschef)
        if steg == "godkänt":
            return u
        u.attestera(av=direktör)
        return u

    möte = SammanträdeFactory(nämnd=un, datum=timezone.localdate())  # a beslut follows it

    def besluta(u, skicka):
        sekr = nämndsekreterare
        ärende = Ärende.lägg_på_dagordning(u, möte, Ärende.nästa_nummer(möte), av=sekr)
        beslut = Beslut.registrera(ärende, "1. Godkänns.", av=sekr, justeras_omedelbart=True)
        reservation = Uttalande.Typ.RESERVATION
        Uttalande.lägg_till(beslut, reservation, ["M"], "Bo Berg (M)", "Vi reserverar.", av=sekr)
        if skicka:
            Svar.skicka(beslut, av=nämndsekreterare)
        return ärende

    utkast = _remiss(ks, ks_samordnare, 1, [un], skicka=False)
    utkast.bifoga(SimpleUploadedFile("utkast.pdf", PDF), "application/pdf", av=ks_samordnare)
    besvarad = _remiss(ks, ks_samordnare, 2, [un, sod])
    besvarad.bifoga(SimpleUploadedFile("remiss.pdf", PDF), "application/pdf", av=ks_samordnare)
    u = _utlåtande(besvarad, un, registrator, handläggare)
    u.skicka_till_granskning(av=handläggare)
    u.godkänn(av=avdelningschef)
    u.attestera(av=direktör)
    besluta(u, skicka=True)
    fram_till("utkast", 3)
    fram_till("granskning", 4)
    fram_till("godkänt", 5)
    fram_till("attesterat", 6)
    återöppnad = fram_till("attesterat", 7)
    återöppnad.återöppna("Fel siffra i bakgrunden.", av=direktör)
    besluta(fram_till("attesterat", 8), skicka=False)
    _remiss(ks, ks_samordnare, 9, [un]).avsluta(av=ks_samordnare)
    for dokument in Pdfdokument.objects.all():
        låtsas_klar(dokument)
    Pdfdokument.för_sammanställning(besvarad, av=ks_samordnare)
    låtsas_klar(Pdfdokument.objects.get(typ=Pdfdokument.Typ.SAMMANSTÄLLNING))


def _sida(obj):
    """The page (or download) that shows ``obj``, or None for kinds read on another's page."""
    if isinstance(obj, Remiss):
        return reverse("remisser:detalj", args=[obj.pk])
    if isinstance(obj, Handling):
        return reverse("ks:handling", args=[obj.remiss_id, obj.pk])
    if isinstance(obj, Remissinstans):
        return reverse("instanser:detalj", args=[obj.pk])
    if isinstance(obj, Tjänsteutlåtande):
        return reverse("yttranden:detalj", args=[obj.pk])
    if isinstance(obj, Ärende):
        return reverse("beslut:ärende", args=[obj.pk])
    if isinstance(obj, Pdfdokument):
        return reverse("pdf:ladda_ned", args=[obj.pk])
    if isinstance(obj, Sammanträde):
        return reverse("beslut:sammanträde", args=[obj.pk])
    if isinstance(obj, Nämnd):
        return reverse("nämnder:detalj", args=[obj.pk])
    return None


def _läge(obj):
    status = getattr(obj, "status", None) or getattr(obj, "typ", "")
    return f"{type(obj).__name__} {obj.pk} ({status})"


MODELLER = [
    Remiss,
    Handling,
    Remissinstans,
    Tjänsteutlåtande,
    Ärende,
    Beslut,
    Uttalande,
    Svar,
    Pdfdokument,
    Sammanträde,
    Nämnd,
]


@pytest.mark.parametrize("person", PERSONER)
def test_page_lists_search_and_downloads_agree_for_every_object(client, värld, person, request):
    user = request.getfixturevalue(person)
    client.force_login(user)
    poster = {(p.innehållstyp_id, p.objekt_id): p for p in Sökpost.objects.synliga_för(user)}
    indexerade = set(Sökpost.objects.values_list("innehållstyp_id", "objekt_id"))
    fel, sedda = [], set()
    for modell in MODELLER:
        typ = ContentType.objects.get_for_model(modell).pk
        listade = set(synliga(user, modell.objects.all()).values_list("pk", flat=True))
        for obj in modell.objects.all():
            ser = kan_se(user, obj)
            sedda.add((modell.__name__, ser))
            if (obj.pk in listade) != ser:
                fel.append(f"{_läge(obj)}: sidan {ser}, listan {not ser}")
            if (typ, obj.pk) in indexerade and ((typ, obj.pk) in poster) != ser:
                fel.append(f"{_läge(obj)}: sidan {ser}, sökningen {not ser}")
            if (url := _sida(obj)) is not None:
                kod = client.get(url).status_code
                if (kod == 200) != ser or (not ser and kod != 404):
                    fel.append(f"{_läge(obj)}: sidan {ser}, {url} gav {kod}")
    for instans in Remissinstans.objects.filter(status=Remissinstans.Status.BESVARAD):
        svaret = Ärende.objects.get(utlåtande__instans=instans)
        kod = client.get(reverse("pdf:svarspaket", args=[instans.pk])).status_code
        if (kod == 200) != kan_se(user, svaret):
            fel.append(f"svarspaket {instans.pk}: ärendet {kan_se(user, svaret)}, gav {kod}")
    assert not fel, "\n".join(fel)
    # Not vacuous: every person sees something and, but KS's remissamordnare, misses something.
    assert any(ser for _modell, ser in sedda)
    if person != "ks_samordnare":
        assert any(not ser for _modell, ser in sedda)


def test_a_sent_answer_is_read_by_everyone_with_a_role_and_drafts_stay_in_the_nämnd(
    värld, outsider, ks_läsare, utan_roll
):
    """The lead's decision (README, Behörigheter): sent to KS, an answer is an allmän handling."""
    besvarat = Tjänsteutlåtande.objects.get(instans__status=Remissinstans.Status.BESVARAD)
    utkast = Tjänsteutlåtande.objects.filter(status=Tjänsteutlåtande.Status.UTKAST)
    assert kan_se(outsider, besvarat)
    assert kan_se(outsider, Uttalande.objects.get(beslut__ärende__utlåtande=besvarat))
    assert kan_se(outsider, Pdfdokument.objects.get(typ="tjansteutlatande", utlåtande=besvarat))
    assert not kan_se(utan_roll, besvarat)
    assert not any(kan_se(outsider, u) for u in utkast)
    assert not any(kan_se(ks_läsare, u) for u in utkast)
    beslutat_ej_skickat = Ärende.objects.exclude(utlåtande=besvarat).get()
    assert not kan_se(outsider, beslutat_ej_skickat)
    assert not kan_se(ks_läsare, beslutat_ej_skickat)


def test_a_ks_läsare_sees_neither_a_draft_remiss_nor_its_handling(värld, ks_läsare, ks_samordnare):
    utkast = Remiss.objects.get(status=Remiss.Status.UTKAST)
    handling = utkast.handlingar.get()
    assert not kan_se(ks_läsare, utkast) and not kan_se(ks_läsare, handling)
    assert kan_se(ks_samordnare, utkast) and kan_se(ks_samordnare, handling)


def test_a_role_held_through_a_group_counts_everywhere(värld, un):
    from django.contrib.auth.models import Group
    from guardian.shortcuts import assign_perm

    grupp = Group.objects.create(name="UN handläggare")
    assign_perm(Roll.HANDLÄGGARE.perm, grupp, un)
    gunnar = AnvändareFactory(username="gunnar")
    gunnar.groups.add(grupp)
    utkast = Tjänsteutlåtande.objects.filter(status=Tjänsteutlåtande.Status.UTKAST).first()
    assert kan_se(gunnar, utkast)
    assert synliga(gunnar, Tjänsteutlåtande.objects.filter(pk=utkast.pk)).exists()
    assert Sökpost.objects.synliga_för(gunnar).filter(objekt_id=utkast.pk).exists()


# The pages an object is opened on, by URL name: a link found in a list's or the search's HTML
# is resolved to the object it shows.
SIDOR = {
    "remisser:detalj": Remiss,
    "instanser:detalj": Remissinstans,
    "yttranden:detalj": Tjänsteutlåtande,
    "beslut:ärende": Ärende,
}
LISTSIDOR = [
    ("instanser:lista", {"visa": "alla"}),
    ("instanser:inkorg", {"visa": "alla"}),
    ("remisser:översikt", {}),
    ("yttranden:mina_utkast", {}),
    ("yttranden:att_granska", {}),
    ("yttranden:att_attestera", {}),
    ("start", {}),
]


def _länkar(html):
    """The objects the page links to, as (model, pk)."""
    funna = set()
    for href in re.findall(r'href="([^"#?]+)', html):
        try:
            träff = resolve(href)
        except Resolver404:
            continue
        if (modell := SIDOR.get(träff.view_name)) is not None:
            funna.add((modell, träff.kwargs["pk"]))
    return funna


def _sökträffar(client, fråga):
    """Every result link over every page of the search page's answer to ``fråga``."""
    funna, sida = set(), 1
    while True:
        svar = client.get(reverse("sok:sök"), {"q": fråga, "sida": sida})
        assert svar.status_code == 200
        nya = _länkar(svar.text) - funna
        if not nya:
            return funna
        funna |= nya
        sida += 1


def _sökningens_fel(client, user, fråga):
    """The search page's matches for ``fråga``, and what it gets wrong: a match shown that the
    person may not open, or one they may open that is not shown. Each post with ``fråga`` as its
    diarienummer must be among the matches: the question is asked of that object, not of a word
    they all share."""
    matchande, _q = _matchande(Sökpost.objects.all(), fråga)
    assert {p.pk for p in Sökpost.objects.filter(diarienummer=fråga)} <= {p.pk for p in matchande}
    väntade = set()
    for post in matchande:
        if kan_se(user, post.objekt):
            träff = resolve(post.url.split("#")[0].split("?")[0])
            if träff.view_name in SIDOR:
                väntade.add((SIDOR[träff.view_name], träff.kwargs["pk"]))
    funna = _sökträffar(client, fråga)
    return funna, [
        f"sökningen efter {fråga!r} visar {modell.__name__} {pk}, som personen inte ska hitta"
        for modell, pk in sorted(funna - väntade, key=str)
    ] + [
        f"sökningen efter {fråga!r} visar inte {modell.__name__} {pk}, som personen kan öppna"
        for modell, pk in sorted(väntade - funna, key=str)
    ]


@pytest.mark.parametrize("person", PERSONER)
def test_the_list_pages_and_the_search_page_show_exactly_what_the_person_may_open(
    client, värld, person, request
):
    """Through the HTTP ways in, as the person meets them: every object a list page or the search
    page links to opens for them (listed ⇒ visible); "Våra remisser" lists every case of the
    person's own nämnder they may open, and the search page every match they may open (visible ⇒
    listed)."""
    user = request.getfixturevalue(person)
    client.force_login(user)
    fel = []
    listade = set()
    for namn, parametrar in LISTSIDOR:
        svar = client.get(reverse(namn), parametrar)
        if svar.status_code == 403:
            continue  # not this person's list (an inbox is for registrators)
        assert svar.status_code == 200, namn
        for modell, pk in _länkar(svar.text):
            listade.add((modell, pk))
            if not kan_se(user, modell.objects.get(pk=pk)):
                fel.append(f"{namn} länkar till {modell.__name__} {pk}, som inte öppnas")

    # Våra remisser: the cases of the nämnder the person works in, all of those they may open.
    sida = client.get(reverse("instanser:lista"), {"visa": "alla"}).text
    på_sidan = {pk for modell, pk in _länkar(sida) if modell is Remissinstans}
    egna = {
        i.pk
        for i in Remissinstans.objects.select_related("nämnd")
        if kan_se(user, i) and roller(user, i.nämnd)
    }
    if på_sidan != egna:
        fel.append(f"Våra remisser visar {sorted(på_sidan)}, väntat {sorted(egna)}")

    # The search page, asked for each indexed object's own diarienummer: it finds the object
    # exactly when the person may open it, and every other match likewise.
    funna = set()
    for fråga in sorted({post.diarienummer for post in Sökpost.objects.all()}):
        träffar, fel_här = _sökningens_fel(client, user, fråga)
        fel, funna = fel + fel_här, funna | träffar
    assert not fel, "\n".join(fel)
    # Not vacuous: the search finds something for everyone with a role.
    if person != "utan_roll":
        assert funna and listade
