"""Word (DOCX) in and out: read a draft into the utlåtande's sections, and download the
utlåtande, a beslut or KS's sammanställning as DOCX."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nämnder.permissions import hämta_för_användare
from nämnder.roller import Roll
from remiss.models import Remiss
from yttranden.forms.utlatande import WordForm
from yttranden.models import Sparkrock, Ärende
from yttranden.sammanstallning import sammanställ
from yttranden.views._hamta import hämta_utlåtande
from yttranden.word import export
from yttranden.word.inlasning import läs_in

KS_ROLLER = (Roll.REMISSAMORDNARE, Roll.LÄSARE, Roll.REGISTRATOR)


def _docx(innehåll, namn):
    svar = HttpResponse(innehåll, content_type=export.DOCX)
    svar["Content-Disposition"] = content_disposition_header(True, namn.replace("/", "-"))
    svar["X-Content-Type-Options"] = "nosniff"
    svar["Cache-Control"] = "private, no-store"
    return svar


@login_required
def utlåtande_docx(request, pk):
    utlåtande = hämta_utlåtande(request.user, pk)
    instans = utlåtande.instans
    namn = f"Tjänsteutlåtande {instans.diarienummer or instans.remiss.diarienummer}"
    return _docx(
        export.utlåtande(utlåtande.som_dokument()), f"{namn} version {utlåtande.version}.docx"
    )


@login_required
def beslut_docx(request, pk):
    ärende = hämta_för_användare(
        request.user,
        Ärende.objects.select_related(
            "sammanträde__nämnd", "utlåtande__instans__remiss", "beslut__registrerat_av"
        ),
        pk=pk,
    )
    if not hasattr(ärende, "beslut"):
        raise Http404(_("Nämnden har inte beslutat i ärendet ännu."))
    möte = ärende.sammanträde
    namn = f"Protokollsutdrag {möte.nämnd.namn} {möte.datum:%Y-%m-%d} ärende {ärende.nummer}"
    return _docx(export.beslut(ärende), f"{namn}.docx")


@login_required
def sammanställning_docx(request, pk):
    remiss = hämta_för_användare(
        request.user, Remiss.objects.select_related("nämnd"), åtgärd="läsa_sammanställning", pk=pk
    )
    innehåll = export.sammanställning(remiss, sammanställ(remiss))
    return _docx(innehåll, f"Sammanställning av remissvar {remiss.diarienummer}.docx")


@login_required
@require_POST
def läs_in_word(request, pk):
    """Read a DOCX draft into the sections, as one new version; say what went where."""
    utlåtande = hämta_utlåtande(request.user, pk, åtgärd="redigera")
    form = WordForm(request.POST, request.FILES)
    if not form.is_valid():
        from yttranden.views.redigera import redigeringssida

        return redigeringssida(request, utlåtande, wordform=form, status=400)
    sektioner = list(utlåtande.sektioner.all())
    inläst = läs_in(form.cleaned_data["fil"], sektioner)
    if not inläst.texter and not inläst.bilagor:
        messages.error(
            request,
            _(
                "Inget i dokumentet gick att läsa in: ingen av dess rubriker finns i "
                "utlåtandet. Använd Words rubrikformat (Rubrik 1–2) för avsnittens rubriker."
            ),
        )
        return redirect(f"{utlåtande.redigera_url}#word")
    rubriker = {s.pk: s.rubrik for s in sektioner}
    try:
        if inläst.texter:
            utlåtande.spara(
                {pk: (rubriker[pk], html) for pk, html in inläst.texter.items()},
                form.cleaned_data["grundad_på"],
                av=request.user,
            )
        befintliga = set(utlåtande.bilagor.values_list("titel", flat=True))
        for titel in dict.fromkeys(inläst.bilagor):
            if titel[:400] not in befintliga:
                utlåtande.lägg_till_bilaga(titel[:400])
    except Sparkrock as krock:
        messages.error(request, str(krock))
        return redirect("yttranden:redigera", pk=utlåtande.pk)
    except ValidationError as fel:
        messages.error(request, " ".join(fel.messages))
        return redirect("yttranden:detalj", pk=utlåtande.pk)
    avsnitt = ", ".join(f"”{rubriker[pk]}”" for pk in inläst.texter)
    messages.success(
        request,
        _("Word-dokumentet är inläst i %(avsnitt)s.") % {"avsnitt": avsnitt}
        if avsnitt
        else _("Word-dokumentets bilagor är inlästa."),
    )
    for meddelande in inläst.meddelanden:
        messages.warning(request, meddelande)
    return redirect("yttranden:redigera", pk=utlåtande.pk)
