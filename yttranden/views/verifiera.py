"""Verifiera handling: anyone signed in uploads a PDF and learns whether it is an unaltered
document issued by Remiss (seal valid, SHA-256 stored) and which one it is."""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from nämnder.permissions import kan_se
from yttranden.models import Pdfdokument

MALL = "yttranden/pdf/verifiera.html"


class VerifieraForm(forms.Form):
    fil = forms.FileField(
        label=_("PDF-fil"),
        help_text=_("Den PDF du har fått, oförändrad. Högst %(mb)s MB.")
        % {"mb": settings.REMISS_MAX_UPLOAD_MB},
        error_messages={
            "required": _("Välj en PDF-fil att kontrollera."),
            "empty": _("Filen är tom."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_fil(self):
        fil = self.cleaned_data["fil"]
        if fil.size > settings.REMISS_MAX_UPLOAD_MB * 1024 * 1024:
            raise ValidationError(
                _("Filen är för stor: högst %(mb)s MB."),
                params={"mb": settings.REMISS_MAX_UPLOAD_MB},
                code="för_stor",
            )
        # Judged by content, not by name or the browser's claim: a PDF starts with %PDF-
        # (within its first kilobyte, the standard allows).
        början = fil.read(1024)
        fil.seek(0)
        if b"%PDF-" not in början:
            raise ValidationError(
                _("Filen är ingen PDF. Välj den PDF-fil du vill kontrollera."), code="ingen_pdf"
            )
        return fil


def _länk(user, lagrad):
    """The stored document's page, for someone who may see it; nothing for anyone else."""
    if lagrad is None or not kan_se(user, lagrad):
        return None
    return lagrad.objektets_url


@login_required
def verifiera(request):
    if request.method != "POST":
        return render(request, MALL, {"form": VerifieraForm()})
    form = VerifieraForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, MALL, {"form": form}, status=400)
    from yttranden.pdf.sigill import SigillFel, ladda_sigill
    from yttranden.pdf.verifiering import verifiera as verifiera_pdf

    try:
        sigill = ladda_sigill()
    except SigillFel:
        fel = _g("Handlingar kan inte kontrolleras just nu: systemets sigill är inte inläst.")
        return render(request, MALL, {"form": form, "sigillfel": fel}, status=503)
    fil = form.cleaned_data["fil"]
    resultat = verifiera_pdf(fil.read(), uppslagning=Pdfdokument.med_sha256, sigill=sigill)
    context = {
        "form": VerifieraForm(),
        "resultat": resultat,
        "filnamn": fil.name,
        "länk": _länk(request.user, resultat.lagrad),
    }
    return render(request, MALL, context)
