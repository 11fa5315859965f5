from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.db.models import ProtectedError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nämnder.demo import DEMO_ANVÄNDARE, DEMO_LÖSENORD
from nämnder.forms import SammanträdeForm
from nämnder.inloggning import engangskod, oidc, saml
from nämnder.inloggning.lokal import LösenordsForm
from nämnder.inloggning.session import LÖSENORD, Autentisering, anteckna
from nämnder.models import Admininloggning, Användare, Kommun, Nämnd
from nämnder.permissions import får, hämta_för_användare, medarbetare, roller


class Inloggning(LoginView):
    """Django's login with a password, the way in through the kommun's identity provider when
    one is configured, and the list of demo logins when the demo is switched on."""

    redirect_authenticated_user = True
    authentication_form = LösenordsForm

    def dispatch(self, request, *args, **kwargs):
        # A step-up (before an attest) asks a logged-in person for the password again.
        self.redirect_authenticated_user = "stegupp" not in request.GET
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if engangskod.enhet(form.get_user()) is not None:
            engangskod.vänta_på_kod(self.request, form.get_user(), self.get_success_url())
            return redirect("inloggning:engangskod")
        svar = super().form_valid(form)
        anteckna(self.request, Autentisering(LÖSENORD, timezone.now()))
        return svar

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc"] = oidc.påslagen()
        context["saml"] = saml.påslagen()
        context["stegupp"] = "stegupp" in self.request.GET
        context["losenord"] = settings.REMISS_LOSENORD_INLOGGNING
        if settings.REMISS_DEMO:
            ordning = [rad[0] for rad in DEMO_ANVÄNDARE]
            personer = Användare.objects.filter(username__in=ordning, is_active=True)
            context["demo_anvandare"] = sorted(personer, key=lambda p: ordning.index(p.username))
            context["demo_losenord"] = DEMO_LÖSENORD
        return context


def admininloggning(request, extra_context=None):
    """The administration's login, writing each successful login to the history."""
    var_inloggad = request.user.is_authenticated
    svar = admin.site.login(request, extra_context)
    if request.method == "POST" and not var_inloggad and request.user.is_authenticated:
        Admininloggning.objects.create(
            utförd_av=request.user, text=request.META.get("REMOTE_ADDR", "")
        )
    return svar


@login_required
def lista(request):
    nämnder = Nämnd.objects.aktiva()
    grupper = [(typ.label, [n for n in nämnder if n.typ == typ]) for typ in Nämnd.Typ]
    return render(request, "nämnder/lista.html", {"grupper": [g for g in grupper if g[1]]})


@login_required
def detalj(request, pk, form=None):
    nämnd = hämta_för_användare(request.user, Nämnd.objects.all(), pk=pk)
    mina_roller = roller(request.user, nämnd)
    kan_planera = får(request.user, nämnd, "planera")
    idag = timezone.localdate()
    context = {
        "nämnd": nämnd,
        "avdelningar": nämnd.avdelningar.all(),
        "sammanträden": nämnd.sammanträden.kommande(idag),
        "medarbetare": medarbetare(nämnd) if mina_roller else None,
        "kan_planera": kan_planera,
        "form": form or (SammanträdeForm(nämnd=nämnd) if kan_planera else None),
    }
    return render(request, "nämnder/detalj.html", context, status=400 if form else 200)


@login_required
@require_POST
def nytt_sammanträde(request, pk):
    nämnd = hämta_för_användare(request.user, Nämnd.objects.all(), åtgärd="planera", pk=pk)
    form = SammanträdeForm(request.POST, nämnd=nämnd)
    if not form.is_valid():
        return detalj(request, pk, form=form)
    sammanträde = form.save()
    messages.success(
        request, _("Sammanträdet %(datum)s är inlagt.") % {"datum": f"{sammanträde.datum:%Y-%m-%d}"}
    )
    return redirect("nämnder:detalj", pk=nämnd.pk)


@login_required
@require_POST
def ta_bort_sammanträde(request, pk, sammanträde_pk):
    nämnd = hämta_för_användare(request.user, Nämnd.objects.all(), åtgärd="planera", pk=pk)
    sammanträde = get_object_or_404(nämnd.sammanträden, pk=sammanträde_pk)
    try:
        sammanträde.delete()
    except ProtectedError:
        messages.error(request, _("Sammanträdet har ärenden och kan inte tas bort."))
        return redirect("nämnder:detalj", pk=nämnd.pk)
    messages.success(
        request,
        _("Sammanträdet %(datum)s är borttaget.") % {"datum": f"{sammanträde.datum:%Y-%m-%d}"},
    )
    return redirect("nämnder:detalj", pk=nämnd.pk)


def logotyp(request, sha256):
    """The kommun's logo, as the letterhead shows it. Public, like the kommun's web site's: it
    names nobody and nothing. An SVG is served so that it cannot run anything even if opened on
    its own (it was checked on upload as well)."""
    kommun = Kommun.aktuell()
    if not kommun.har_logotyp or kommun.logotyp_sha256 != sha256:
        raise Http404
    svar = HttpResponse(bytes(kommun.logotyp), content_type=kommun.logotyp_typ)
    svar["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    svar["X-Content-Type-Options"] = "nosniff"
    # The checksum is in the address: a new logo has a new one.
    svar["Cache-Control"] = "public, max-age=31536000, immutable"
    return svar
