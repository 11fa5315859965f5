"""Every URL of every urls.py has a row in an access table (this one, KS's in
tests/remiss/test_ks_tillgang.py, the IdP's in tests/inloggning/test_tillgang.py or the API's
in tests/api/test_tillgang.py): a new URL
without one fails ``test_every_url_has_a_row_in_an_access_table``.

For every row: an anonymous visitor is sent to log in (or the URL is public by design), and a
handläggare in Södermalm (the outsider) asking with a valid CSRF token about utbildningsnämndens
objects is refused – 404 where the object is not even to be confirmed, 403 where it is public
– and nothing in the database changed."""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from remiss.models import Remiss, Remissinstans
from tests.factories import SammanträdeFactory
from tests.remiss.test_ks_tillgang import URLER as KS_URLER
from tests.test_atkomst_konsistens import _lagring, _remiss, _utlåtande  # noqa: F401
from yttranden.models import Beslut, Pdfdokument, Tjänsteutlåtande, Uttalande, Ärende

LOGIN, OFFENTLIG = "login", "offentlig"


@pytest.fixture
def värld(
    ks, un, sod, ks_samordnare, handläggare, avdelningschef, direktör, registrator, nämndsekreterare
):
    """Utbildningsnämndens work in progress: a remiss with an utlåtande utkast, and one whose
    attested utlåtande is decided on an ärende but not yet sent to KS."""
    _utlåtande(_remiss(ks, ks_samordnare, 3, [un]), un, registrator, handläggare)
    u = _utlåtande(_remiss(ks, ks_samordnare, 6, [un]), un, registrator, handläggare)
    u.skicka_till_granskning(av=handläggare)
    u.godkänn(av=avdelningschef)
    u.attestera(av=direktör)
    möte = SammanträdeFactory(nämnd=un, datum=timezone.localdate())  # a beslut follows it
    ärende = Ärende.lägg_på_dagordning(u, möte, 1, av=nämndsekreterare)
    beslut = Beslut.registrera(
        ärende, "1. Godkänns.", av=nämndsekreterare, justeras_omedelbart=True
    )
    Uttalande.lägg_till(
        beslut,
        Uttalande.Typ.SÄRSKILT_UTTALANDE,
        ["L"],
        "Anna Andersson (L)",
        "Vi betonar.",
        av=nämndsekreterare,
    )


def _mål(namn):
    """Utbildningsnämndens objects the rows act on (from the värld fixture)."""
    remiss = Remiss.objects.get(diarienummer="KS 2031/3")  # sent to UN only, utlåtande utkast
    instans = remiss.instanser.get()
    return {
        "remiss": remiss.pk,
        "instans": instans.pk,
        "utlåtande": Tjänsteutlåtande.objects.get(instans=instans).pk,
        "möte": Ärende.objects.first().sammanträde_id,
        "nämnd": instans.nämnd_id,
        "ärende": Ärende.objects.exclude(utlåtande__instans__status=Remissinstans.Status.BESVARAD)
        .get()
        .pk,
        "uttalande": Uttalande.objects.get().pk,
        "pdf": Pdfdokument.objects.get(
            typ=Pdfdokument.Typ.TJÄNSTEUTLÅTANDE,
            utlåtande__instans__remiss__diarienummer="KS 2031/6",
        ).pk,
    }[namn]


# (URL name, args (names for _mål, or literals), method, outsider gets, anonymous gets)
RADER = [
    ("start", [], "get", 200, LOGIN),
    ("login", [], "get", 302, OFFENTLIG),  # already signed in: sent on
    ("logout", [], "post", 302, OFFENTLIG),
    ("admininloggning", [], "get", 200, OFFENTLIG),  # the admin's form, saying "no access"
    ("nämnder:lista", [], "get", 200, LOGIN),
    ("nämnder:detalj", ["nämnd"], "get", 200, LOGIN),  # who the nämnder are is public
    ("nämnder:nytt_sammanträde", ["nämnd"], "post", 403, LOGIN),
    ("nämnder:importera_sammanträdesplan", ["nämnd"], "post", 403, LOGIN),
    ("nämnder:ta_bort_sammanträde", ["nämnd", "möte"], "post", 403, LOGIN),
    ("remisser:översikt", [], "get", 403, LOGIN),
    ("remisser:detalj", ["remiss"], "get", 404, LOGIN),
    ("remisser:export", ["remiss", "csv"], "get", 404, LOGIN),
    ("remisser:per_förslag", ["remiss"], "get", 404, LOGIN),
    ("remisser:per_förslag_export", ["remiss", "xlsx"], "get", 404, LOGIN),
    ("ks:handling", ["remiss", 1], "get", 404, LOGIN),
    ("instanser:lista", [], "get", 200, LOGIN),
    ("instanser:inkorg", [], "get", 403, LOGIN),
    ("instanser:detalj", ["instans"], "get", 404, LOGIN),
    ("instanser:registrera", ["instans"], "post", 404, LOGIN),
    ("instanser:tilldela", ["instans"], "post", 404, LOGIN),
    ("instanser:avstå", ["instans"], "post", 404, LOGIN),
    ("instanser:begär_anstånd", ["instans"], "post", 404, LOGIN),
    ("yttranden:att_granska", [], "get", 200, LOGIN),  # one's own (empty) list
    ("yttranden:att_attestera", [], "get", 200, LOGIN),
    ("yttranden:mina_utkast", [], "get", 200, LOGIN),
    ("yttranden:för_instans", ["instans"], "get", 404, LOGIN),
    ("yttranden:påbörja", ["instans"], "post", 404, LOGIN),
    ("yttranden:påbörja_eget", ["remiss"], "post", 404, LOGIN),
    ("yttranden:detalj", ["utlåtande"], "get", 404, LOGIN),
    ("yttranden:förhandsgranska", ["utlåtande"], "get", 404, LOGIN),
    ("yttranden:redigera", ["utlåtande"], "get", 404, LOGIN),
    ("yttranden:spara", ["utlåtande"], "post", 404, LOGIN),
    ("yttranden:uppgifter", ["utlåtande"], "post", 404, LOGIN),
    ("yttranden:ny_bilaga", ["utlåtande"], "post", 404, LOGIN),
    ("yttranden:ta_bort_bilaga", ["utlåtande", 1], "post", 404, LOGIN),
    ("yttranden:versioner", ["utlåtande"], "get", 404, LOGIN),
    ("yttranden:skicka", ["utlåtande"], "post", 404, LOGIN),
    ("yttranden:kommentera", ["utlåtande"], "post", 404, LOGIN),
    ("yttranden:återremittera", ["utlåtande"], "post", 404, LOGIN),
    ("yttranden:godkänn", ["utlåtande"], "post", 404, LOGIN),
    ("yttranden:attestera", ["utlåtande"], "post", 404, LOGIN),
    ("yttranden:återöppna", ["utlåtande"], "post", 404, LOGIN),
    ("sok:sök", [], "get", 200, LOGIN),
    ("kalender:kalender", [], "get", 200, LOGIN),
    ("kalender:flöde", ["x" * 43], "get", 404, 404),  # a secret address; a wrong one is 404
    ("beslut:sammanträde", ["möte"], "get", 404, LOGIN),
    ("beslut:nytt_ärende", ["möte"], "post", 404, LOGIN),
    ("beslut:ärende", ["ärende"], "get", 404, LOGIN),
    ("beslut:registrera", ["ärende"], "post", 404, LOGIN),
    ("beslut:nytt_uttalande", ["ärende"], "post", 404, LOGIN),
    ("beslut:skicka_svar", ["ärende"], "post", 404, LOGIN),
    ("beslut:protokollsutdrag", ["ärende"], "get", 404, LOGIN),
    ("beslut:sammanställning", ["remiss"], "get", 404, LOGIN),
    ("pdf:ladda_ned", ["pdf"], "get", 404, LOGIN),
    ("pdf:status", ["pdf"], "get", 404, LOGIN),
    ("pdf:försök_igen", ["pdf"], "post", 404, LOGIN),
    ("pdf:beställ_sammanställning", ["remiss"], "post", 404, LOGIN),
    ("pdf:svarspaket", ["instans"], "get", 404, LOGIN),
    ("pdf:verifiera", [], "get", 200, LOGIN),
    ("yttranden:bilaga", ["utlåtande", 1], "get", 404, LOGIN),
    ("yttranden:word", ["utlåtande"], "get", 404, LOGIN),
    ("yttranden:läs_in_word", ["utlåtande"], "post", 404, LOGIN),
    ("beslut:word", ["ärende"], "get", 404, LOGIN),
    ("beslut:uttalande_pdf", ["uttalande"], "get", 404, LOGIN),
    ("beslut:sammanställning_word", ["remiss"], "get", 404, LOGIN),
    ("favicon", [], "get", 200, OFFENTLIG),
    ("nämnder:logotyp", ["0" * 64], "get", 404, 404),  # no logo with that checksum
    ("inloggning:engangskod", [], "get", 302, LOGIN),  # no login waiting: back to log in
    # SAML is not switched on in the tests: its ways in do not exist (tests/browser has it on).
    ("inloggning:saml_start", [], "get", 404, 404),
    ("inloggning:saml_acs", [], "post", 404, 404),
    ("inloggning:saml_sls", [], "get", 404, 404),
    ("inloggning:saml_metadata", [], "get", 404, 404),
    # KS's register of external organisations and the organisations' links: KS's own.
    ("organisationer:lista", [], "get", 403, LOGIN),
    ("organisationer:ny", [], "post", 403, LOGIN),
    ("organisationer:ändra", [1], "post", 403, LOGIN),
    ("organisationer:lägg_till", ["remiss"], "post", 404, LOGIN),
    ("organisationer:ny_länk", ["instans", 1], "post", 404, LOGIN),
    ("organisationer:återkalla", ["instans", 1], "post", 404, LOGIN),
    # The personal link's pages need no account, only the link (tests/yttranden/
    # test_extern_lank.py); without one, signed in or not, they refuse.
    ("svar:öppna", ["x" * 43 + ".y"], "get", 404, 404),
    ("svar:sida", [], "get", 403, 403),
    ("svar:spara", [], "post", 403, 403),
    ("svar:anstånd", [], "post", 403, 403),
    ("svar:handling", [1], "get", 403, 403),
    ("svar:pdf", [1], "get", 403, 403),
]
# The ways in through the kommun's IdP are public by design; their table is
# tests/inloggning/test_tillgang.py (every kind of person, nothing changed).
INLOGGNINGENS = ["inloggning:oidc_start", "inloggning:oidc_retur", "inloggning:ingen_roll"]
# Every row an anonymous visitor is not sent to log in from, and why.
OFFENTLIGA = {
    "login": "inloggningssidan",
    "logout": "utloggningen",
    "admininloggning": "administrationens inloggning (som säger att man saknar behörighet)",
    "favicon": "webbläsarens ikon, samma för alla",
    "nämnder:logotyp": "kommunens logotyp i brevhuvudet; namnger ingen och inget",
    "kalender:flöde": "en hemlig adress för kalenderprogram, som inte kan logga in",
    "inloggning:saml_start": "vägen till kommunens SAML-IdP (404 när SAML inte är påslaget)",
    "inloggning:saml_acs": "dit IdP:n skickar webbläsaren med intyget",
    "inloggning:saml_sls": "dit IdP:n skickar webbläsaren efter utloggningen",
    "inloggning:saml_metadata": "Remiss metadata, som IdP:n läser",
    "svar:öppna": "den externa organisationens personliga länk; länken är behörigheten",
    "svar:sida": "svarssidan för den som öppnat en personlig länk",
    "svar:spara": "svaret från den som öppnat en personlig länk",
    "svar:anstånd": "begäran om anstånd från den som öppnat en personlig länk",
    "svar:handling": "remissens handlingar för den som öppnat en personlig länk",
    "svar:pdf": "det egna svaret som PDF för den som öppnat en personlig länk",
}
# A person's own things, not another nämnd's: a new calendar address is the outsider's own.
EGNA = [
    ("kalender:ny_adress", [], "post", 302, LOGIN),
    ("inloggning:engangskod_konto", [], "get", 200, LOGIN),
    ("inloggning:engangskod_ta_bort", [], "post", 302, LOGIN),
]


def _namn(mönster, namnrymd=None):
    for m in mönster:
        if isinstance(m, URLResolver):
            yield from _namn(m.url_patterns, m.namespace or namnrymd)
        elif m.name:
            yield f"{namnrymd}:{m.name}" if namnrymd else m.name


def test_every_url_has_a_row_in_an_access_table():
    """Django's own admin (its staff check, tests/test_admin.py) is the one exception."""
    from tests.api.test_tillgang import URLER as API_URLER  # it imports the snapshot from here

    alla = {n for n in _namn(get_resolver().url_patterns) if not n.startswith("admin:")}
    i_tabeller = {rad[0] for rad in [*RADER, *EGNA, *KS_URLER, *API_URLER]} | set(INLOGGNINGENS)
    assert alla - i_tabeller == set(), "URL:er utan rad i någon åtkomsttabell"
    assert i_tabeller - alla == set(), "rader för URL:er som inte finns"


def test_every_url_open_to_anonymous_visitors_says_why():
    öppna = {rad[0] for rad in RADER + EGNA if rad[4] != LOGIN}
    assert öppna == set(OFFENTLIGA), "offentliga adresser utan skäl, eller skäl utan adress"


def _url(namn, args):
    return reverse(namn, args=[_mål(a) if a in MÅL else a for a in args])


MÅL = {"remiss", "instans", "utlåtande", "möte", "nämnd", "ärende", "pdf", "uttalande"}


def _ögonblicksbild():
    """Every row of every table of the project's apps, as values: anything changed shows."""
    bild = {}
    for etikett in ("nämnder", "remiss", "yttranden", "guardian"):
        for modell in apps.get_app_config(etikett).get_models():
            bild[modell._meta.label] = list(modell.objects.order_by("pk").values())
    return bild


def _id(rad):
    return f"{rad[0]}-{rad[2]}"


@pytest.mark.parametrize(
    ("namn", "args", "metod", "_utomstående", "anonym"), RADER + EGNA, ids=map(_id, RADER + EGNA)
)
def test_anonymous_visitors_are_sent_to_log_in(
    client, värld, namn, args, metod, _utomstående, anonym
):
    före = _ögonblicksbild()
    svar = getattr(client, metod)(_url(namn, args))
    if anonym == LOGIN:
        assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    elif anonym != OFFENTLIG:
        assert svar.status_code == anonym
    assert _ögonblicksbild() == före


@pytest.mark.parametrize(
    ("namn", "args", "metod", "utomstående", "_anonym"), RADER, ids=map(_id, RADER)
)
def test_another_nämnds_person_with_a_valid_csrf_token_is_refused_and_nothing_changes(
    värld, outsider, namn, args, metod, utomstående, _anonym
):
    klient = Client(enforce_csrf_checks=True)
    klient.force_login(outsider)
    klient.get(reverse("start"))  # the page hands out the CSRF cookie, as a browser gets it
    token = klient.cookies["csrftoken"].value
    före = _ögonblicksbild()
    if metod == "post":
        svar = klient.post(_url(namn, args), {"csrfmiddlewaretoken": token})
    else:
        svar = klient.get(_url(namn, args))
    assert svar.status_code == utomstående
    assert _ögonblicksbild() == före


@pytest.mark.parametrize(
    ("namn", "args", "metod", "_utomstående", "anonym"),
    [r for r in RADER if r[4] == LOGIN],
    ids=map(_id, [r for r in RADER if r[4] == LOGIN]),
)
def test_an_external_contact_with_a_valid_link_is_still_anonymous_everywhere_else(
    värld, ks, ks_samordnare, namn, args, metod, _utomstående, anonym
):
    """The external answerer as a kind of person: their link opens their own answer page and
    nothing else; every other address sends them to log in, and nothing changes."""
    from remiss.models import Kontaktperson, Organisation
    from tests.extern import länk_till, skickad_till

    org = Organisation.objects.create(namn="Pensionärsrådet", organisationsnummer="212000-0142")
    Kontaktperson.objects.create(organisation=org, namn="Bo", epost="bo@pro.example")
    instans = skickad_till(ks, ks_samordnare, org).instanser.get()
    klient = Client()
    _länk, url = länk_till(instans)
    assert klient.get(url).status_code == 302
    före = _ögonblicksbild()
    svar = getattr(klient, metod)(_url(namn, args))
    assert svar.status_code == 302 and svar.url.startswith(reverse("login"))
    assert _ögonblicksbild() == före
