"""What the API shows of yttranden's objects (field names in ASCII, as remiss/api's)."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from yttranden.models import Attest, Beslut, Sektion, Svar, Tjänsteutlåtande, Uttalande, Ärende


class SektionUt(serializers.ModelSerializer):
    class Meta:
        model = Sektion
        fields = ["rubrik", "html"]


class AttestUt(serializers.ModelSerializer):
    class Meta:
        model = Attest
        fields = ["typ", "namn", "befattning", "datum"]


class UtlåtandeLista(serializers.ModelSerializer):
    instans = serializers.IntegerField(source="instans_id")
    remiss = serializers.IntegerField(source="instans.remiss_id")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Tjänsteutlåtande
        fields = ["id", "url", "instans", "remiss", "version", "status", "datum"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, utlåtande):
        return self.context["request"].build_absolute_uri(
            reverse("api:utlåtande", args=[utlåtande.pk])
        )


class UtlåtandeDetalj(UtlåtandeLista):
    sektioner = SektionUt(many=True)
    attester = serializers.SerializerMethodField()
    pdf = serializers.SerializerMethodField()

    class Meta(UtlåtandeLista.Meta):
        fields = [*UtlåtandeLista.Meta.fields, "underrubrik", "sektioner", "attester", "pdf"]

    @extend_schema_field(AttestUt(many=True))
    def get_attester(self, utlåtande):
        return AttestUt([a for a in utlåtande.attester.all() if a.upphävd is None], many=True).data

    @extend_schema_field(OpenApiTypes.URI)
    def get_pdf(self, utlåtande):
        """The sealed PDF's address once attested (it may still be being made: 404 until)."""
        if utlåtande.status != Tjänsteutlåtande.Status.ATTESTERAD:
            return None
        return self.context["request"].build_absolute_uri(
            reverse("api:utlåtandets_pdf", args=[utlåtande.pk])
        )


class UttalandeUt(serializers.ModelSerializer):
    ledamoter = serializers.CharField(source="ledamöter")

    class Meta:
        model = Uttalande
        fields = ["id", "typ", "partier", "ledamoter", "text"]


class SvarUt(serializers.ModelSerializer):
    instans = serializers.IntegerField(source="instans_id")
    beslut = serializers.IntegerField(source="beslut_id")
    rattelse = serializers.CharField(source="rättelse")

    class Meta:
        model = Svar
        fields = ["id", "instans", "nummer", "beslut", "rattelse", "skickat"]


class BeslutUt(serializers.ModelSerializer):
    uttalanden = UttalandeUt(many=True)

    class Meta:
        model = Beslut
        fields = [
            "id",
            "text",
            "paragraf",
            "justeras_omedelbart",
            "justeringsdatum",
            "registrerat",
            "uttalanden",
        ]


class ÄrendeUt(serializers.ModelSerializer):
    sammantrade = serializers.DateField(source="sammanträde.datum")
    namnd = serializers.IntegerField(source="sammanträde.nämnd_id")
    utlatande = serializers.IntegerField(source="utlåtande_id")
    instans = serializers.IntegerField(source="utlåtande.instans_id")
    beslut = serializers.SerializerMethodField()
    svar = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Ärende
        fields = [
            "id",
            "url",
            "nummer",
            "namnd",
            "sammantrade",
            "utlatande",
            "instans",
            "beslut",
            "svar",
        ]

    @extend_schema_field(BeslutUt(allow_null=True))
    def get_beslut(self, ärende):
        beslut = getattr(ärende, "beslut", None)
        return BeslutUt(beslut).data if beslut else None

    @extend_schema_field(SvarUt(many=True))
    def get_svar(self, ärende):
        beslut = getattr(ärende, "beslut", None)
        return SvarUt(beslut.svar.all(), many=True).data if beslut else []

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, ärende):
        return self.context["request"].build_absolute_uri(reverse("api:ärende", args=[ärende.pk]))


class BeslutIn(serializers.Serializer):
    text = serializers.CharField()
    paragraf = serializers.IntegerField(required=False, allow_null=True)
    justeras_omedelbart = serializers.BooleanField(required=False, default=False)
    justeringsdatum = serializers.DateField(required=False, allow_null=True)


class SvarIn(serializers.Serializer):
    rattelse = serializers.CharField(
        required=False, allow_blank=True, help_text="Krävs för ett nytt svar efter det första."
    )


class VerifieraIn(serializers.Serializer):
    fil = serializers.FileField()


class VerifieringUt(serializers.Serializer):
    giltig = serializers.BooleanField()
    sha256 = serializers.CharField()
    skal = serializers.ListField(child=serializers.CharField(), source="skäl")
    hash_kand = serializers.BooleanField(source="hash_känd", allow_null=True)
    undertecknare = serializers.CharField()
    signerad = serializers.DateTimeField(allow_null=True)
    tidsstampel = serializers.DateTimeField(source="tidsstämpel", allow_null=True)
    diarienummer = serializers.CharField()
    version = serializers.CharField()
    identitet = serializers.CharField()
    handling = serializers.CharField(allow_null=True)


class SammanställningsradUt(serializers.Serializer):
    instans = serializers.IntegerField(source="instans.pk")
    namnd = serializers.CharField(source="instans.nämnd.namn")
    status = serializers.CharField(source="instans.status")
    svarsdatum = serializers.DateField(source="instans.svarsdatum")
    forsenad = serializers.BooleanField(source="instans.försenad")
    avstar_motivering = serializers.CharField(source="instans.avstår_motivering")
    svar = SvarUt(allow_null=True)
    utlatande = serializers.IntegerField(source="utlåtande.pk", allow_null=True, default=None)
    beslut = serializers.CharField(source="beslut.text", allow_null=True, default=None)
    forslag = serializers.CharField(source="förslag.html", allow_null=True, default=None)
    sammanfattning = serializers.CharField(
        source="sammanfattning.html", allow_null=True, default=None
    )
    uttalanden = UttalandeUt(many=True, default=list)


class SammanställningUt(serializers.Serializer):
    remiss = serializers.IntegerField()
    urval = serializers.CharField()
    antal = serializers.DictField(child=serializers.IntegerField())
    rader = SammanställningsradUt(many=True)
