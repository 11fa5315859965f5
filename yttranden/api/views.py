"""Tjänsteutlåtanden, ärenden (beslut and svar), KS's sammanställning and PDF verification through
the API: lists from yttranden/atkomst.py, single objects through the gateway, actions through
the model methods and forms the web's views use."""

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.response import Response

from nämnder.api.fel import Problem
from nämnder.api.formular import formulär, indata
from nämnder.api.idempotens import idempotent
from nämnder.api.villkor import med_etag
from nämnder.permissions import alla_roller, hämta_för_användare, kan_se
from remiss.models import Remiss
from yttranden.api import serializers as s
from yttranden.atkomst import svar_för, utlåtanden_för, ärenden_för
from yttranden.forms.beslut import BeslutForm
from yttranden.models import Beslut, Pdfdokument, Svar, Tjänsteutlåtande, Ärende
from yttranden.sammanstallning import URVAL, sammanställ
from yttranden.views.verifiera import VerifieraForm

IDEMPOTENS = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    description=_("Samma nyckel igen ger samma svar, och åtgärden görs bara en gång."),
)
UTLÅTANDEN = Tjänsteutlåtande.objects.select_related("instans")


class Utlåtanden(ListAPIView):
    serializer_class = s.UtlåtandeLista

    def get_queryset(self):
        alla_roller(self.request.user)
        return utlåtanden_för(self.request.user, UTLÅTANDEN)

    @extend_schema(summary=_("Tjänsteutlåtanden klienten får se"))
    def get(self, request):
        return self.list(request)


def _utlåtande(request, pk):
    alla_roller(request.user)
    frågan = UTLÅTANDEN.prefetch_related("sektioner", "attester")
    return hämta_för_användare(request.user, frågan, pk=pk)


class UtlåtandeVy(GenericAPIView):
    serializer_class = s.UtlåtandeDetalj

    @extend_schema(summary=_("Ett tjänsteutlåtande med dess avsnitt och attester"))
    def get(self, request, pk):
        data = s.UtlåtandeDetalj(_utlåtande(request, pk), context={"request": request}).data
        return med_etag(Response(data))


def _skyddad(svar):
    svar["X-Content-Type-Options"] = "nosniff"
    svar["Cache-Control"] = "private, no-store"
    return svar


class UtlåtandetsPdf(GenericAPIView):
    @extend_schema(
        summary=_("Det attesterade tjänsteutlåtandets förseglade PDF"),
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    def get(self, request, pk):
        utlåtande = _utlåtande(request, pk)
        dokument = (
            Pdfdokument.objects.klara()
            .filter(typ=Pdfdokument.Typ.TJÄNSTEUTLÅTANDE, utlåtande=utlåtande)
            .order_by("-version")
            .first()
        )
        if dokument is None or not kan_se(request.user, dokument):
            raise Http404(_("Det finns ingen förseglad PDF av utlåtandet än."))
        try:
            fil = dokument.fil.open("rb")
        except FileNotFoundError:
            raise Http404(_("Filen saknas i arkivet.")) from None
        return _skyddad(
            FileResponse(
                fil, as_attachment=True, filename=dokument.filnamn, content_type="application/pdf"
            )
        )


ÄRENDEN = Ärende.objects.select_related(
    "sammanträde__nämnd", "utlåtande__instans__remiss", "beslut"
).prefetch_related("beslut__uttalanden", "beslut__svar")


class Ärenden(ListAPIView):
    serializer_class = s.ÄrendeUt

    def get_queryset(self):
        alla_roller(self.request.user)
        return ärenden_för(self.request.user, ÄRENDEN)

    @extend_schema(summary=_("Ärenden (med beslut och svar) klienten får se"))
    def get(self, request):
        return self.list(request)


def _ärende(request, pk, åtgärd=None):
    """The ärende if the client may see it (404) and do ``åtgärd`` with it (403), the declared
    action the web's view asks too (yttranden/atkomst.py)."""
    alla_roller(request.user)
    return hämta_för_användare(request.user, ÄRENDEN, åtgärd=åtgärd, pk=pk)


def _ärendets_data(request, pk):
    return s.ÄrendeUt(_ärende(request, pk), context={"request": request}).data


class ÄrendeVy(GenericAPIView):
    serializer_class = s.ÄrendeUt

    @extend_schema(summary=_("Ett ärende med beslut, uttalanden och svar"))
    def get(self, request, pk):
        return med_etag(Response(_ärendets_data(request, pk)))


class RegistreraBeslut(GenericAPIView):
    serializer_class = s.ÄrendeUt

    @extend_schema(
        summary=_("Registrera nämndens beslut"),
        request=s.BeslutIn,
        responses={201: s.ÄrendeUt},
        parameters=[IDEMPOTENS],
    )
    @idempotent
    def post(self, request, pk):
        ärende = _ärende(request, pk, "besluta")
        data = indata(s.BeslutIn, request)
        d = formulär(BeslutForm({k: v for k, v in data.items() if v is not None}))
        Beslut.registrera(ärende, av=request.user, **d)
        return Response(_ärendets_data(request, pk), status=201)


class SkickaSvar(GenericAPIView):
    serializer_class = s.SvarUt

    @extend_schema(
        summary=_("Skicka svaret till kommunstyrelsen (en rättelse blir ett nytt, numrerat svar)"),
        request=s.SvarIn,
        responses={201: s.SvarUt},
        parameters=[IDEMPOTENS],
    )
    @idempotent
    def post(self, request, pk):
        ärende = _ärende(request, pk, "skicka_svar")
        data = indata(s.SvarIn, request)
        beslut = getattr(ärende, "beslut", None)
        if beslut is None:
            raise Problem(409, _("Registrera nämndens beslut först."), "about:blank")
        svar = Svar.skicka(beslut, av=request.user, rättelse=data.get("rattelse", ""))
        return Response(s.SvarUt(svar).data, status=201)


class SvarLista(ListAPIView):
    serializer_class = s.SvarUt

    def get_queryset(self):
        alla_roller(self.request.user)
        return svar_för(self.request.user, Svar.objects.all())

    @extend_schema(summary=_("Svar till kommunstyrelsen som klienten får se"))
    def get(self, request):
        return self.list(request)


class Sammanställning(GenericAPIView):
    serializer_class = s.SammanställningUt

    @extend_schema(
        summary=_("KS sammanställning av alla svar på en remiss"),
        parameters=[OpenApiParameter("visa", str, enum=list(URVAL))],
    )
    def get(self, request, pk):
        alla_roller(request.user)
        remiss = hämta_för_användare(
            request.user, Remiss.objects.all(), åtgärd="läsa_sammanställning", pk=pk
        )
        visa = request.query_params.get("visa", "alla")
        if visa not in URVAL:
            raise Problem(
                400,
                _("visa ska vara ett av: %(val)s.") % {"val": ", ".join(URVAL)},
                "urn:remiss:problem:validering",
            )
        data = {"remiss": remiss.pk, **sammanställ(remiss, visa)}
        return med_etag(Response(s.SammanställningUt(data).data))


class Verifiera(GenericAPIView):
    serializer_class = s.VerifieringUt

    @extend_schema(
        summary=_("Verifiera en PDF: utfärdad av Remiss och oförändrad?"),
        request={"multipart/form-data": s.VerifieraIn},
        responses={200: s.VerifieringUt},
    )
    def post(self, request):
        from yttranden.pdf.sigill import SigillFel, ladda_sigill
        from yttranden.pdf.verifiering import verifiera

        fil = formulär(VerifieraForm({}, request.FILES))["fil"]
        try:
            sigill = ladda_sigill()
        except SigillFel:
            raise Problem(
                503,
                _("Handlingar kan inte kontrolleras just nu: systemets sigill är inte inläst."),
                "about:blank",
            ) from None
        resultat = verifiera(fil.read(), uppslagning=Pdfdokument.med_sha256, sigill=sigill)
        lagrad = resultat.lagrad
        resultat.handling = (
            request.build_absolute_uri(lagrad.objektets_url)
            if lagrad is not None and kan_se(request.user, lagrad)
            else None
        )
        return Response(s.VerifieringUt(resultat).data)
