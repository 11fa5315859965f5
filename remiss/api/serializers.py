"""What the API shows of the remiss app's objects. Field names are the domain's words written in
ASCII (å→a, ä→a, ö→o), as in the app's addresses: ``sista_svarsdatum``, ``handlaggare``."""

from django.db.models import prefetch_related_objects
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from remiss.models import Anstånd, Handling, Remiss, Remissinstans


class Person(serializers.Serializer):
    id = serializers.IntegerField()
    namn = serializers.CharField(source="__str__")


class NämndKort(serializers.Serializer):
    id = serializers.IntegerField()
    namn = serializers.CharField()


class OrganisationKort(serializers.Serializer):
    """An external organisation asked beside the nämnder (KS's register)."""

    id = serializers.IntegerField()
    namn = serializers.CharField()
    organisationsnummer = serializers.CharField()


class MedOrganisationer(serializers.ListSerializer):
    """A list of instanser whose external organisations are read in one query for the whole
    list, whatever the view's queryset joined (an instans is a nämnd or an organisation)."""

    def to_representation(self, data):
        instanser = list(data.all() if hasattr(data, "all") else data)
        # Rows whose organisation is joined already are skipped by Django itself.
        prefetch_related_objects([i for i in instanser if i.organisation_id], "organisation")
        return super().to_representation(instanser)


class RemissLista(serializers.ModelSerializer):
    ks = serializers.IntegerField(source="nämnd_id")
    antal_avstar = serializers.IntegerField(source="antal_avstår")
    avsandare = serializers.CharField(source="avsändare")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Remiss
        fields = [
            "id",
            "url",
            "diarienummer",
            "titel",
            "status",
            "ks",
            "avsandare",
            "remissdatum",
            "sista_svarsdatum",
            "utskickad",
            "avslutad",
            "antal_instanser",
            "antal_besvarade",
            "antal_avstar",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, remiss):
        return self.context["request"].build_absolute_uri(reverse("api:remiss", args=[remiss.pk]))


class HandlingUt(serializers.ModelSerializer):
    innehallstyp = serializers.CharField(source="innehållstyp")

    class Meta:
        model = Handling
        fields = ["id", "filnamn", "innehallstyp", "storlek", "sha256", "uppladdad"]


class InstansKort(serializers.ModelSerializer):
    namnd = NämndKort(source="nämnd", allow_null=True, help_text="Tom för en extern organisation.")
    organisation = OrganisationKort(allow_null=True, help_text="Tom för en nämnd.")

    class Meta:
        model = Remissinstans
        list_serializer_class = MedOrganisationer
        fields = ["id", "namnd", "organisation", "status", "diarienummer", "svarsdatum"]


class RemissDetalj(RemissLista):
    kontaktperson = Person(allow_null=True)
    mottagare = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    handlingar = HandlingUt(many=True)
    instanser = serializers.SerializerMethodField()

    class Meta(RemissLista.Meta):
        fields = [
            *RemissLista.Meta.fields,
            "beskrivning",
            "kontaktperson",
            "mottagare",
            "handlingar",
            "instanser",
        ]

    @extend_schema_field(InstansKort(many=True))
    def get_instanser(self, remiss):
        # Only those the client may see (prefetched through instanser_för in the view).
        return InstansKort(remiss.synliga_instanser, many=True).data


class RemissIn(serializers.Serializer):
    """A draft remiss, as the web's form takes it; ``mottagare`` are nämnd ids."""

    diarienummer = serializers.CharField(max_length=40)
    titel = serializers.CharField(max_length=300)
    beskrivning = serializers.CharField(required=False, allow_blank=True)
    avsandare = serializers.CharField(max_length=200, required=False, allow_blank=True)
    kontaktperson = serializers.IntegerField(required=False, allow_null=True)
    remissdatum = serializers.DateField()
    sista_svarsdatum = serializers.DateField()
    mottagare = serializers.ListField(child=serializers.IntegerField(), required=False)


class RemissÄndring(RemissIn):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for fält in self.fields.values():
            fält.required = False


class InstansUt(serializers.ModelSerializer):
    remiss = serializers.SerializerMethodField()
    namnd = NämndKort(source="nämnd", allow_null=True, help_text="Tom för en extern organisation.")
    organisation = OrganisationKort(allow_null=True, help_text="Tom för en nämnd.")
    handlaggare = Person(source="handläggare", allow_null=True)
    avdelning = NämndKort(allow_null=True)
    forsenad = serializers.BooleanField(source="försenad")
    avstar_motivering = serializers.CharField(source="avstår_motivering")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Remissinstans
        list_serializer_class = MedOrganisationer
        fields = [
            "id",
            "url",
            "remiss",
            "namnd",
            "organisation",
            "diarienummer",
            "status",
            "svarsdatum",
            "forsenad",
            "handlaggare",
            "avdelning",
            "mottagen",
            "besvarad",
            "avstar_motivering",
        ]

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "diarienummer": {"type": "string"},
                "titel": {"type": "string"},
            },
            "required": ["id", "diarienummer", "titel"],
        }
    )
    def get_remiss(self, instans):
        r = instans.remiss
        return {"id": r.pk, "diarienummer": r.diarienummer, "titel": r.titel}

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, instans):
        return self.context["request"].build_absolute_uri(reverse("api:instans", args=[instans.pk]))


class AnståndUt(serializers.ModelSerializer):
    instans = serializers.IntegerField(source="instans_id")
    begart_datum = serializers.DateField(source="begärt_datum")
    begart = serializers.DateTimeField(source="begärt")

    class Meta:
        model = Anstånd
        fields = ["id", "instans", "begart_datum", "motivering", "status", "begart"]


class RegistreraIn(serializers.Serializer):
    diarienummer = serializers.CharField(max_length=40)


class TilldelaIn(serializers.Serializer):
    handlaggare = serializers.IntegerField()
    avdelning = serializers.IntegerField(required=False, allow_null=True)
    medhandlaggare = serializers.ListField(child=serializers.IntegerField(), required=False)


class AvståIn(serializers.Serializer):
    motivering = serializers.CharField()


class AnståndIn(serializers.Serializer):
    begart_datum = serializers.DateField()
    motivering = serializers.CharField()


class HandlingarIn(serializers.Serializer):
    filer = serializers.ListField(child=serializers.FileField())


class SökträffUt(serializers.Serializer):
    typ = serializers.CharField()
    titel = serializers.CharField()
    diarienummer = serializers.CharField()
    datum = serializers.DateField()
    status = serializers.CharField()
    namnd = serializers.CharField(source="nämnd_namn", allow_null=True, default=None)
    remiss = serializers.IntegerField(source="remiss_id", allow_null=True)
    utdrag = serializers.CharField(default="")
    url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, post):
        return self.context["request"].build_absolute_uri(post.url)


class SökresultatUt(serializers.Serializer):
    antal = serializers.IntegerField()
    fler = serializers.BooleanField(help_text="Fler träffar än som räknades.")
    sida = serializers.IntegerField()
    sidor = serializers.IntegerField()
    resultat = SökträffUt(many=True)
