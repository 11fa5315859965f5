"""Remisser and remissinstanser through the API. Lists come from ``remisser_för`` and
``instanser_för``; single objects from the gateway (``hämta_för_användare``: 404 to whom may not
see, 403 to whom may see but not act, asking the same declared actions as the web's views:
remiss/atkomst.py); actions are the model methods the web's views call, with the web's forms, so
the history names the client's user and nothing here decides access."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.response import Response

from nämnder.api.fel import konflikt
from nämnder.api.formular import formulär, indata
from nämnder.api.idempotens import idempotent
from nämnder.api.villkor import kräv_if_match, med_etag
from nämnder.permissions import alla_roller, hämta_för_användare, kommunstyrelsen_för
from remiss.api import serializers as s
from remiss.api.filter import InstansFilter, RemissFilter
from remiss.atkomst import instanser_för, remisser_för
from remiss.forms.instans import AnståndForm, AvståForm, RegistreraForm, TilldelaForm
from remiss.forms.ks import HandlingarForm, RemissForm
from remiss.models import Anstånd, Remiss, Remissinstans, Sökpost
from remiss.sok import fraga
from remiss.sok.formular import SökForm

IDEMPOTENS = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    description=_("Samma nyckel igen ger samma svar, och åtgärden görs bara en gång."),
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description=_("ETag från senaste GET."),
)


def _filtrerat(filter_klass, request, queryset):
    filter_ = filter_klass(request.query_params)
    formulär(filter_)
    return filter_.filtrera(queryset)


def _remiss(request, pk, åtgärd=None):
    alla_roller(request.user)
    frågan = Remiss.objects.select_related("nämnd", "kontaktperson").prefetch_related(
        "mottagare",
        "handlingar",
        Prefetch(
            "instanser",
            queryset=instanser_för(request.user).select_related("nämnd"),
            to_attr="synliga_instanser",
        ),
    )
    return hämta_för_användare(request.user, frågan, åtgärd=åtgärd, pk=pk)


def _remissens_data(request, remiss):
    return s.RemissDetalj(remiss, context={"request": request}).data


class Remisser(ListAPIView):
    serializer_class = s.RemissLista

    def get_queryset(self):
        alla_roller(self.request.user)
        return remisser_för(self.request.user)

    def filter_queryset(self, queryset):
        return _filtrerat(RemissFilter, self.request, queryset)

    @extend_schema(
        summary=_("Remisser klienten får se"),
        parameters=[
            OpenApiParameter("status", str, enum=Remiss.Status.values),
            OpenApiParameter("diarienummer", str),
            OpenApiParameter("mottagare", int, description=_("Mottagande nämnds id.")),
            OpenApiParameter("svarsdatum_fran", OpenApiTypes.DATE),
            OpenApiParameter("svarsdatum_till", OpenApiTypes.DATE),
        ],
    )
    def get(self, request):
        return self.list(request)

    @extend_schema(
        summary=_("Registrera en remiss (utkast)"),
        request=s.RemissIn,
        responses={201: s.RemissDetalj},
        parameters=[IDEMPOTENS],
    )
    @idempotent
    def post(self, request):
        ks = kommunstyrelsen_för(request.user, "samordna_remisser")
        data = indata(s.RemissIn, request)
        form = RemissForm(_formdata(data), ks=ks)
        formulär(form, REMISSFÄLT)
        remiss = form.spara(av=request.user)
        svar = Response(_remissens_data(request, _remiss(request, remiss.pk)), status=201)
        svar["Location"] = reverse("api:remiss", args=[remiss.pk])
        return svar


REMISSFÄLT = {"avsändare": "avsandare"}


def _formdata(data):
    """The API's names to the web form's (``avsandare`` → ``avsändare``)."""
    return {"avsändare" if k == "avsandare" else k: v for k, v in data.items()}


def _som_formdata(remiss):
    return {
        "diarienummer": remiss.diarienummer,
        "titel": remiss.titel,
        "beskrivning": remiss.beskrivning,
        "avsändare": remiss.avsändare,
        "kontaktperson": remiss.kontaktperson_id,
        "remissdatum": remiss.remissdatum,
        "sista_svarsdatum": remiss.sista_svarsdatum,
        "mottagare": [n.pk for n in remiss.mottagare.all()],
    }


class RemissVy(GenericAPIView):
    serializer_class = s.RemissDetalj

    @extend_schema(summary=_("En remiss, med de handlingar och instanser klienten får se"))
    def get(self, request, pk):
        return med_etag(Response(_remissens_data(request, _remiss(request, pk))))

    @extend_schema(
        summary=_("Ändra ett utkast (If-Match krävs)"),
        request=s.RemissÄndring,
        parameters=[IF_MATCH],
    )
    def patch(self, request, pk):
        with transaction.atomic():
            # Locked first, so no other change lands between the ETag check and the save.
            list(Remiss.objects.select_for_update().filter(pk=pk).values_list("pk"))
            remiss = _remiss(request, pk, "samordna")
            kräv_if_match(request, _remissens_data(request, remiss))
            if not remiss.är_utkast:
                konflikt(_("Remissen är redan skickad och kan inte ändras."))
            data = indata(s.RemissÄndring, request)
            form = RemissForm(
                {**_som_formdata(remiss), **_formdata(data)}, instance=remiss, ks=remiss.nämnd
            )
            formulär(form, REMISSFÄLT)
            form.spara(av=request.user)
        return med_etag(Response(_remissens_data(request, _remiss(request, pk))))


# The model's refusals to send (Remiss.skicka) that concern one field the client sent.
FÄLT_FÖR_FEL = {"svarsdatum_passerat": "sista_svarsdatum", "inga_mottagare": "mottagare"}


class Skicka(GenericAPIView):
    serializer_class = s.RemissDetalj

    @extend_schema(
        summary=_("Skicka remissen till dess remissinstanser"),
        request=None,
        parameters=[IDEMPOTENS],
    )
    @idempotent
    def post(self, request, pk):
        remiss = _remiss(request, pk, "samordna")
        try:
            remiss.skicka(av=request.user)
        except DjangoValidationError as fel:
            # The model's refusal, told at the field it concerns.
            if getattr(fel, "code", None) in FÄLT_FÖR_FEL:
                raise ValidationError({FÄLT_FÖR_FEL[fel.code]: fel.messages}) from None
            raise
        return Response(_remissens_data(request, _remiss(request, pk)))


class Handlingar(GenericAPIView):
    serializer_class = s.HandlingUt

    @extend_schema(
        summary=_("Bifoga handlingar (PDF, DOCX, XLSX, ODT; kontrolleras som på webben)"),
        request={"multipart/form-data": s.HandlingarIn},
        responses={201: s.HandlingUt(many=True)},
        parameters=[IDEMPOTENS],
    )
    @idempotent
    def post(self, request, pk):
        remiss = _remiss(request, pk, "samordna")
        form = HandlingarForm({}, request.FILES)
        filer = formulär(form)["filer"]
        with transaction.atomic():
            nya = [remiss.bifoga(fil, typ, av=request.user) for fil, typ in filer]
        return Response(s.HandlingUt(nya, many=True).data, status=status.HTTP_201_CREATED)


# --- remissinstanser ----------------------------------------------------------------------------

INSTANSER = Remissinstans.objects.select_related("remiss", "nämnd", "handläggare", "avdelning")


def _instans(request, pk, åtgärd=None):
    alla_roller(request.user)
    return hämta_för_användare(request.user, INSTANSER, åtgärd=åtgärd, pk=pk)


def _instansens_data(request, instans):
    return s.InstansUt(instans, context={"request": request}).data


class Instanser(ListAPIView):
    serializer_class = s.InstansUt

    def get_queryset(self):
        alla_roller(self.request.user)
        return instanser_för(self.request.user, INSTANSER)

    def filter_queryset(self, queryset):
        return _filtrerat(InstansFilter, self.request, queryset)

    @extend_schema(
        summary=_("Remissinstanser klienten får se"),
        parameters=[
            OpenApiParameter("status", str, enum=Remissinstans.Status.values),
            OpenApiParameter("namnd", int),
            OpenApiParameter("remiss", int),
            OpenApiParameter("forsenad", bool),
        ],
    )
    def get(self, request):
        return self.list(request)


class InstansVy(GenericAPIView):
    serializer_class = s.InstansUt

    @extend_schema(summary=_("En remissinstans"))
    def get(self, request, pk):
        return med_etag(Response(_instansens_data(request, _instans(request, pk))))


class Instansåtgärd(GenericAPIView):
    """The nämnd's registrator's actions on an instans: ``utför`` runs the web's form and the
    model method; the answer is the instans as it now is (or what ``utför`` returns)."""

    serializer_class = s.InstansUt
    indata = None
    kod = 200
    åtgärd = "registrera"  # the declared action (remiss/atkomst.py) the web's view asks too

    @idempotent
    def post(self, request, pk):
        instans = _instans(request, pk, self.åtgärd)
        resultat = self.utför(request, instans, indata(self.indata, request))
        if resultat is None:
            resultat = _instansens_data(request, _instans(request, pk))
        return Response(resultat, status=self.kod)


def _åtgärd(summering, indata_klass, svar=s.InstansUt, kod=200):
    return extend_schema_view(
        post=extend_schema(
            summary=summering,
            request=indata_klass,
            responses={kod: svar},
            parameters=[IDEMPOTENS],
        )
    )


@_åtgärd(_("Registrera nämndens diarienummer"), s.RegistreraIn)
class Registrera(Instansåtgärd):
    indata = s.RegistreraIn

    def utför(self, request, instans, data):
        dnr = formulär(RegistreraForm(data, instans=instans))["diarienummer"]
        instans.registrera(dnr, av=request.user)


@_åtgärd(_("Tilldela handläggare, avdelning och medhandläggare"), s.TilldelaIn)
class Tilldela(Instansåtgärd):
    indata = s.TilldelaIn
    FÄLT = {"handläggare": "handlaggare", "medhandläggare": "medhandlaggare"}

    def utför(self, request, instans, data):
        form = TilldelaForm(
            {
                "handläggare": data["handlaggare"],
                "avdelning": data.get("avdelning"),
                "medhandläggare": data.get("medhandlaggare", []),
            },
            instans=instans,
        )
        d = formulär(form, self.FÄLT)
        instans.tilldela(
            d["handläggare"],
            av=request.user,
            avdelning=d["avdelning"],
            medhandläggare=d["medhandläggare"],
        )


@_åtgärd(_("Nämnden avstår från att svara"), s.AvståIn)
class Avstå(Instansåtgärd):
    indata = s.AvståIn

    def utför(self, request, instans, data):
        motivering = formulär(AvståForm({"avsta-motivering": data["motivering"]}))["motivering"]
        instans.avstå(motivering, av=request.user)


@_åtgärd(_("Begär anstånd hos kommunstyrelsen"), s.AnståndIn, svar=s.AnståndUt, kod=201)
class BegärAnstånd(Instansåtgärd):
    indata = s.AnståndIn
    serializer_class = s.AnståndUt
    kod = 201
    åtgärd = "begära_anstånd"

    def utför(self, request, instans, data):
        form = AnståndForm(
            {
                "anstand-begärt_datum": data["begart_datum"],
                "anstand-motivering": data["motivering"],
            },
            instans=instans,
        )
        d = formulär(form, {"begärt_datum": "begart_datum"})
        anstånd = Anstånd.begär(instans, d["begärt_datum"], d["motivering"], av=request.user)
        return s.AnståndUt(anstånd).data


# --- search -------------------------------------------------------------------------------------


class Sök(GenericAPIView):
    """The web's search (remiss/sok): the same form, the same query, the same visibility keys."""

    serializer_class = s.SökresultatUt
    pagination_class = None

    @extend_schema(
        summary=_("Sök i remisser, remissinstanser, tjänsteutlåtanden och beslut"),
        parameters=[
            OpenApiParameter("q", str, required=True),
            OpenApiParameter("ar", int),
            OpenApiParameter("namnd", int),
            OpenApiParameter("typ", str, enum=Sökpost.Typ.values),
            OpenApiParameter("status", str),
            OpenApiParameter("sortera", str, enum=["relevans", "datum"]),
            OpenApiParameter("sida", int),
        ],
    )
    def get(self, request):
        alla_roller(request.user)
        form = SökForm(request.query_params, år=Sökpost.objects.år_för(request.user))
        d = formulär(form)
        if not d["q"]:
            raise ValidationError({"q": [_("Skriv vad du söker efter.")]})
        resultat = fraga.sök(request.user, form.urval(), request.query_params.get("sida"), 20)
        data = {
            "antal": resultat.antal,
            "fler": resultat.fler,
            "sida": resultat.sida.number,
            "sidor": resultat.sida.paginator.num_pages,
            "resultat": resultat.sida.object_list,
        }
        return Response(s.SökresultatUt(data, context={"request": request}).data)
