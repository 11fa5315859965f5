"""The pages an external organisation's contact person reaches through their personal link,
with no account (remiss/models/svarslank.py).

The link itself (``/svar/<hemlighet>/``) is opened once: its secret is checked (signature,
then the stored SHA-256, revoked, expired), the link is remembered in the session and the
browser is sent on to ``/svar/``, so the secret is in one request line only, never in a
Referer (``Referrer-Policy: no-referrer`` on every page here besides) and never in a log
(remiss/svarslank.py). Every page asks the session's link again, so a link revoked or expired
meanwhile stops working at the next click. Everything shown is that link's instans: its
remiss, the remiss's handlingar and the organisation's own answers; no id in a URL here can
reach anything else.
"""

import functools
import hmac
import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from remiss import svarslank as skydd
from remiss.forms.forslag import StällningstagandenForm
from remiss.models import Anstånd, Remisshändelse, Svarslänk
from remiss.models.svarslank import Ogiltig
from yttranden import stallningstaganden
from yttranden.forms.extern import ExterntAnståndForm, ExterntSvarForm
from yttranden.models import ExterntSvar, Krock, Pdfdokument

SESSION = "svarslank"


def _ingen_referer(vy):
    @functools.wraps(vy)
    def omsluten(request, *args, **kwargs):
        svar = vy(request, *args, **kwargs)
        svar["Referrer-Policy"] = "no-referrer"
        svar["Cache-Control"] = "private, no-store"
        return svar

    return never_cache(omsluten)


def _nekad(request, orsak, status=403):
    return render(request, "yttranden/extern/nekad.html", {"orsak": orsak}, status=status)


def _med_länk(vy):
    """The page, for the link remembered in this session if it is still valid."""

    @functools.wraps(vy)
    def omsluten(request, *args, **kwargs):
        sparad = request.session.get(SESSION) or {}
        länk = (
            Svarslänk.objects.select_related(
                "instans__remiss__nämnd",
                "instans__remiss__kontaktperson",
                "instans__organisation",
                "kontaktperson__organisation",
            )
            .filter(pk=sparad.get("pk"), sha256=sparad.get("sha256"))
            .first()
        )
        if länk is None:
            return _nekad(
                request,
                _("Öppna remissen med den personliga länken i ditt e-brev."),
            )
        try:
            länk.kontrollera()
        except Ogiltig as fel:
            request.session.pop(SESSION, None)
            return _nekad(request, str(fel))
        return vy(request, länk, *args, **kwargs)

    return _ingen_referer(omsluten)


@_ingen_referer
def öppna(request, hemlighet):
    if skydd.spärrad(request):
        orsak = _(
            "För många ogiltiga länkar har öppnats härifrån. Vänta en stund och försök igen "
            "med länken i ditt e-brev."
        )
        return _nekad(request, orsak, status=429)
    try:
        länk = Svarslänk.öppna(hemlighet)
    except Ogiltig as fel:
        skydd.räkna_fel(request)
        return _nekad(request, str(fel), status=404)
    if länk.senast_använd is None:
        with transaction.atomic():
            länk.instans.remiss.logga(
                Remisshändelse.Typ.LÄNK_ÖPPNAD,
                None,
                instans=länk.instans,
                kontaktperson=länk.kontaktperson,
            )
    länk.använd()
    request.session[SESSION] = {
        "pk": länk.pk,
        "sha256": länk.sha256,
        "formulär": secrets.token_urlsafe(32),
    }
    return redirect("svar:sida")


def _anstånd(instans, anstånd, form):
    """The organisation's requests for anstånd, and the form to ask for one while the case is
    open and no request is waiting (as a nämnd's registrator has on the instans page)."""
    väntar = any(a.status == Anstånd.Status.BEGÄRT for a in anstånd)
    if form is None and instans.status not in instans.KLARA and not väntar:
        form = ExterntAnståndForm(instans=instans)
    return form


def _sida(request, länk, form=None, status=200, ställning=None, anståndsform=None):
    instans = länk.instans
    anstånd = list(instans.anstånd.all())
    utkast = ExterntSvar.utkast_för(instans)
    inskickade = list(ExterntSvar.inskickade_för(instans).select_related("inskickat_av"))
    förslag = stallningstaganden.förslag_för(instans.remiss)
    if form is None:
        form = ExterntSvarForm(
            initial={
                "grundad_på": utkast.version if utkast else 0,
                "text": utkast.text if utkast else "",
                "rattelse": utkast.rättelse if utkast else "",
            },
        )
    if ställning is None:
        initial = stallningstaganden.externa_värden(utkast) if utkast else {}
        ställning = StällningstagandenForm(förslag=förslag, initial=initial, prefix="st")
    pdf = {
        d.externt_svar_id: d
        for d in Pdfdokument.objects.filter(externt_svar__in=[s.pk for s in inskickade])
    }
    context = {
        "länk": länk,
        "instans": instans,
        "remiss": instans.remiss,
        "organisation": instans.organisation,
        "kontakt": länk.kontaktperson,
        "handlingar": instans.remiss.handlingar.all(),
        "utkast": utkast,
        "inskickade": [(s, pdf.get(s.pk)) for s in inskickade],
        "nästa_nummer": utkast.nummer if utkast else len(inskickade) + 1,
        "form": form,
        "ställningsform": ställning,
        "formulärnyckel": request.session[SESSION]["formulär"],
        "anstånd": anstånd,
        "anståndsform": _anstånd(instans, anstånd, anståndsform),
    }
    return render(request, "yttranden/extern/sida.html", context, status=status)


@_med_länk
def sida(request, länk):
    return _sida(request, länk)


# With "Referrer-Policy: no-referrer" the browser sends "Origin: null" with the form, which
# Django's CSRF check refuses. The form carries instead a secret kept in this session when the
# link was opened (a synchronizer token), compared here; the session cookie is SameSite=Lax.
def _från_svarssidan(request):
    väntad = request.session[SESSION].get("formulär", "")
    return bool(väntad) and hmac.compare_digest(request.POST.get("skydd", ""), väntad)


def _främmande_formulär(request):
    return _nekad(
        request, _("Formuläret kom inte från svarssidan. Ladda om sidan och försök igen.")
    )


@csrf_exempt
@require_POST
@_med_länk
def spara(request, länk):
    if not _från_svarssidan(request):
        return _främmande_formulär(request)
    instans = länk.instans
    förslag = stallningstaganden.förslag_för(instans.remiss)
    skicka = request.POST.get("atgard") == "skicka"
    form = ExterntSvarForm(request.POST)
    ställning = StällningstagandenForm(request.POST, förslag=förslag, kräv_alla=skicka, prefix="st")
    if not all([form.is_valid(), ställning.is_valid()]):  # both, to show every error
        return _sida(request, länk, form, status=400, ställning=ställning)
    åtgärd = ExterntSvar.skicka_in if skicka else ExterntSvar.spara
    try:
        svar = åtgärd(
            instans,
            länk.kontaktperson,
            form.cleaned_data["text"],
            stallningstaganden.som_json(ställning.värden()),
            form.cleaned_data["grundad_på"],
            rättelse=form.cleaned_data["rattelse"],
        )
    except Krock as krock:
        form.add_error(None, krock.meddelande)
        return _sida(request, länk, form, status=409, ställning=ställning)
    except ValidationError as fel:
        for fält, fellista in fel.message_dict.items():
            form.add_error(fält if fält in form.fields else None, fellista)
        return _sida(request, länk, form, status=400, ställning=ställning)
    if skicka:
        messages.success(
            request,
            _(
                "Svar %(nr)s är inskickat till kommunstyrelsen. Ett kvitto med svaret som PDF "
                "kommer till %(epost)s."
            )
            % {"nr": svar.nummer, "epost": länk.kontaktperson.epost},
        )
    else:
        messages.success(request, _("Utkastet är sparat (version %(v)s).") % {"v": svar.version})
    return redirect("svar:sida")


@csrf_exempt  # the session's own form secret instead, as for ``spara``
@require_POST
@_med_länk
def begär_anstånd(request, länk):
    """The contact person asks KS for a later svarsdatum, as a nämnd's registrator can; KS
    decides on its Anstånd page and the organisation's contact people are told by e-mail."""
    if not _från_svarssidan(request):
        return _främmande_formulär(request)
    instans = länk.instans
    form = ExterntAnståndForm(request.POST, instans=instans)
    if not form.is_valid():
        return _sida(request, länk, status=400, anståndsform=form)
    try:
        Anstånd.begär(
            instans,
            form.cleaned_data["begärt_datum"],
            form.cleaned_data["motivering"],
            kontaktperson=länk.kontaktperson,
        )
    except ValidationError as fel:
        fel_per_fält = fel.message_dict if hasattr(fel, "error_dict") else {None: fel.messages}
        for fält, fellista in fel_per_fält.items():
            form.add_error(fält if fält in form.fields else None, fellista)
        return _sida(request, länk, status=400, anståndsform=form)
    messages.success(
        request,
        _(
            "Begäran om anstånd är skickad till kommunstyrelsen. Beslutet kommer med e-post "
            "till %(epost)s."
        )
        % {"epost": länk.kontaktperson.epost},
    )
    return redirect("svar:sida")


@_med_länk
def handling(request, länk, handling_pk):
    handling = länk.instans.remiss.handlingar.filter(pk=handling_pk).first()
    if handling is None:
        raise Http404(_("Handlingen finns inte i den här remissen."))
    return _fil(handling.fil, handling.filnamn, handling.innehållstyp)


@_med_länk
def pdf(request, länk, nummer):
    dokument = (
        Pdfdokument.objects.klara()
        .filter(externt_svar__instans=länk.instans, externt_svar__nummer=nummer)
        .first()
    )
    if dokument is None:
        raise Http404(_("PDF:en av svaret finns inte (ännu)."))
    return _fil(dokument.fil, dokument.filnamn, "application/pdf")


def _fil(fil, filnamn, typ):
    try:
        öppnad = fil.open("rb")
    except FileNotFoundError:
        raise Http404(_("Filen saknas i arkivet.")) from None
    svar = FileResponse(öppnad, as_attachment=True, filename=filnamn, content_type=typ)
    svar["X-Content-Type-Options"] = "nosniff"
    svar["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return svar
