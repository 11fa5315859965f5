"""A nämnd's remissinstans: its page, and the registrator's actions on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nämnder.kalender import bedöm
from nämnder.kompilerade import kompilerad
from nämnder.models import Användare
from nämnder.permissions import får, hämta_för_användare
from remiss import historik, sidtillagg, utkorg
from remiss.forms.instans import AnståndForm, AvståForm, RegistreraForm, TilldelaForm
from remiss.models import Anstånd, Handling, Remissinstans, Utkorgspost

S = Remissinstans.Status


def _hämta(request, pk, åtgärd=None):
    """The instans if the person may see it (404) and do ``åtgärd`` with it (403), as the
    access policy declares (remiss/atkomst.py)."""
    return hämta_för_användare(request.user, _instansen, åtgärd=åtgärd, pk=pk)


# The page's queries, compiled once per process (nämnder/kompilerade.py).
@kompilerad
def _instansen(pk):
    return Remissinstans.med_eget.select_related(  # KS's own (yttranden/eget.py) too
        "remiss__kontaktperson", "nämnd", "organisation", "handläggare", "avdelning"
    ).filter(pk=pk)


@kompilerad
def _anstånden(instans):
    return Anstånd.objects.filter(instans_id=instans).select_related("begärt_av", "beslutat_av")


@kompilerad
def _handlingarna(remiss):
    return Handling.objects.filter(remiss_id=remiss)


@kompilerad
def _medhandläggarna(instans):
    genom = Remissinstans.medhandläggare.through.objects.filter(remissinstans_id=instans)
    return Användare.objects.filter(pk__in=genom.values("användare_id"))


def _formulär(instans, anstånd, bundna):
    """The registrator's forms that fit where the case stands; a refused one comes back bound."""
    if instans.status in Remissinstans.KLARA:
        return bundna
    formulär = {"registrera": RegistreraForm(instans=instans)}
    if instans.status == S.MOTTAGEN or instans.status in Remissinstans.KAN_TILLDELAS_OM:
        formulär["tilldela"] = TilldelaForm(instans=instans)
    if S.AVSTÅR in Remissinstans.ÖVERGÅNGAR[instans.status]:
        formulär["avstå"] = AvståForm()
    if not any(a.status == Anstånd.Status.BEGÄRT for a in anstånd):
        formulär["anstånd"] = AnståndForm(instans=instans)
    return {**formulär, **bundna}


def _historik(instans):
    """This instans's events and what happened to the whole remiss once it was sent (sent,
    handlingar added, closed); the draft's own history is KS's."""
    remiss = instans.remiss
    # Data imported from an older system may lack the sending time of a sent remiss; the
    # instans itself was created when it was sent.
    skickad = remiss.utskickad or instans.mottagen
    return historik.instansens(instans.pk, remiss.pk, skickad)


def _extern_sida(request, instans):
    """An external organisation's instans, for KS: its contact people, their personal links
    (send a new one, revoke) and the answers that came through them."""
    context = {
        "instans": instans,
        "remiss": instans.remiss,
        "organisation": instans.organisation,
        "kontakter": instans.organisation.kontaktpersoner.filter(aktiv=True),
        "länkar": instans.svarslänkar.select_related("kontaktperson", "skapad_av"),
        "historikrader": _historik(instans),
        "är_samordnare": får(request.user, instans, "samordna"),
        "anstånd": instans.anstånd.select_related("begärt_av_kontakt__organisation", "beslutat_av"),
        "tillägg": sidtillagg.för_instanssidan(request.user, instans),
    }
    return render(request, "remiss/instans_extern.html", context)


def _sida(request, instans, **bundna):
    """The instans page; an action refused renders it again, with its form, as 400."""
    if instans.är_extern:
        return _extern_sida(request, instans)
    anstånd = _anstånden(instans=instans.pk)
    är_registrator = får(request.user, instans, "registrera")
    context = {
        "instans": instans,
        "remiss": instans.remiss,
        "handlingar": _handlingarna(remiss=instans.remiss_id),
        "medhandläggare": _medhandläggarna(instans=instans.pk),
        "anstånd": anstånd,
        "historikrader": _historik(instans),
        "formulär": _formulär(instans, anstånd, bundna) if är_registrator else {},
        "är_medlem": får(request.user, instans, "bereda"),
        "tillägg": sidtillagg.för_instanssidan(request.user, instans),
    }
    if instans.status not in Remissinstans.KLARA:
        # Whether the nämnd's meeting plan lets it decide before its deadline.
        context["bedömning"] = bedöm(instans.nämnd, instans.svarsdatum, timezone.localdate())
    if context["är_medlem"]:
        # Told where the registrator assigned the case: the handläggare's notice was refused.
        context["misslyckad_epost"] = utkorg.misslyckad_epost(
            [Utkorgspost.nyckel_för(instans)],
            {"epost.handlaggare_tilldelad": _("E-post till handläggaren kunde inte skickas")},
        )
    return render(request, "remiss/instans.html", context, status=400 if bundna else 200)


def _utför(form, åtgärd):
    """Run the model method on valid input; its refusal becomes the form's error."""
    if not form.is_valid():
        return False
    try:
        åtgärd(form.cleaned_data)
    except ValidationError as fel:
        if hasattr(fel, "error_dict"):
            for fält, fellista in fel.error_dict.items():
                form.add_error(fält if fält in form.fields else None, fellista)
        else:
            form.add_error(None, fel)
        return False
    return True


@login_required
def detalj(request, pk):
    return _sida(request, _hämta(request, pk))


@login_required
@require_POST
def registrera(request, pk):
    instans = _hämta(request, pk, "registrera")
    form = RegistreraForm(request.POST, instans=instans)
    if not _utför(form, lambda d: instans.registrera(d["diarienummer"], av=request.user)):
        return _sida(request, instans, registrera=form)
    messages.success(
        request, _("Ärendet är registrerat som %(dnr)s.") % {"dnr": instans.diarienummer}
    )
    return redirect("instanser:detalj", pk=instans.pk)


@login_required
@require_POST
def tilldela(request, pk):
    instans = _hämta(request, pk, "registrera")
    form = TilldelaForm(request.POST, instans=instans)

    def åtgärd(d):
        instans.tilldela(
            d["handläggare"],
            av=request.user,
            avdelning=d["avdelning"],
            medhandläggare=d["medhandläggare"],
        )

    if not _utför(form, åtgärd):
        return _sida(request, instans, tilldela=form)
    messages.success(
        request, _("Ärendet är tilldelat %(person)s.") % {"person": instans.handläggare}
    )
    return redirect("instanser:detalj", pk=instans.pk)


@login_required
@require_POST
def avstå(request, pk):
    instans = _hämta(request, pk, "registrera")
    form = AvståForm(request.POST)
    if not _utför(form, lambda d: instans.avstå(d["motivering"], av=request.user)):
        return _sida(request, instans, avstå=form)
    messages.success(request, _("Nämnden avstår från att svara. Kommunstyrelsen ser det direkt."))
    return redirect("instanser:detalj", pk=instans.pk)


@login_required
@require_POST
def begär_anstånd(request, pk):
    instans = _hämta(request, pk, "begära_anstånd")
    form = AnståndForm(request.POST, instans=instans)

    def åtgärd(d):
        Anstånd.begär(instans, d["begärt_datum"], d["motivering"], av=request.user)

    if not _utför(form, åtgärd):
        return _sida(request, instans, anstånd=form)
    messages.success(request, _("Begäran om anstånd är skickad till kommunstyrelsen."))
    return redirect("instanser:detalj", pk=instans.pk)
