"""The forms kommunstyrelsens remissamordnare uses: a remiss, its handlingar, anstånd decisions."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from nämnder.diarienummer import Diarienummer
from nämnder.models import Nämnd
from nämnder.permissions import personer_med_roll
from nämnder.roller import Roll
from remiss import uploads
from remiss.models import Organisation, Remiss

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
T = Nämnd.Typ
# The recipient groups, in the order the form shows them, with the shortcut that ticks them all.
GRUPPER = [
    (T.FACKNÄMND, _("Facknämnder"), _("Samtliga facknämnder")),
    (T.STADSDELSNÄMND, _("Stadsdelsnämnder"), _("Samtliga stadsdelsnämnder")),
    (T.BOLAG, _("Bolag"), _("Samtliga bolag")),
]


class PersonVal(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.namn_och_befattning


class RemissForm(forms.ModelForm):
    """Register or edit a draft remiss. The group shortcuts work without JavaScript: ticking
    "Samtliga stadsdelsnämnder" adds every active stadsdelsnämnd when the form is cleaned."""

    grupper = forms.MultipleChoiceField(
        label=_("Snabbval"),
        required=False,
        choices=[(typ, genväg) for typ, _rubrik, genväg in GRUPPER],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Remiss
        fields = [
            "diarienummer",
            "titel",
            "beskrivning",
            "avsändare",
            "kontaktperson",
            "remissdatum",
            "sista_svarsdatum",
            "mottagare",
            "externa_mottagare",
        ]
        widgets = {
            "remissdatum": DATUM,
            "sista_svarsdatum": DATUM,
            "beskrivning": forms.Textarea(attrs={"rows": 4}),
            "mottagare": forms.CheckboxSelectMultiple,
            "externa_mottagare": forms.CheckboxSelectMultiple,
        }
        field_classes = {"kontaktperson": PersonVal}
        help_texts = {
            "remissdatum": _("Dagen remissen skickas, ÅÅÅÅ-MM-DD."),
            "sista_svarsdatum": _("Sista dag för svar, ÅÅÅÅ-MM-DD."),
        }
        error_messages = {
            "diarienummer": {"required": _("Skriv kommunstyrelsens diarienummer.")},
            "titel": {"required": _("Skriv remissens titel.")},
            "remissdatum": {
                "required": _("Skriv remissdatum."),
                "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD."),
            },
            "sista_svarsdatum": {
                "required": _("Skriv sista svarsdatum."),
                "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD."),
            },
        }

    def __init__(self, *args, ks, **kwargs):
        super().__init__(*args, **kwargs)
        self.ks = ks
        self.instance.nämnd = ks
        self.fields["kontaktperson"].queryset = personer_med_roll(ks, *Roll).order_by(
            "last_name", "first_name"
        )
        self.fields["kontaktperson"].empty_label = _("Ingen kontaktperson")
        self.fields["kontaktperson"].help_text = _("Den som nämnderna kan fråga om remissen.")
        self.fields["diarienummer"].help_text = _(
            "Kommunstyrelsens diarienummer, till exempel %(exempel)s."
        ) % {"exempel": ks.diarienummerexempel}
        self.nämnder = list(Nämnd.objects.aktiva().exclude(typ=T.KOMMUNSTYRELSE).order_by("namn"))
        mottagare = self.fields["mottagare"]
        mottagare.queryset = Nämnd.objects.aktiva().exclude(typ=T.KOMMUNSTYRELSE)
        # Choices from the list already read, so rendering the boxes costs no further query.
        mottagare.choices = [(n.pk, n.namn) for n in self.nämnder]
        externa = self.fields["externa_mottagare"]
        externa.queryset = Organisation.objects.aktiva()
        externa.choices = [(o.pk, o.namn) for o in Organisation.objects.aktiva().order_by("namn")]
        externa.help_text = _(
            "Organisationer ur registret; deras kontaktpersoner får en personlig länk att "
            "svara med."
        )

    def clean_externa_mottagare(self):
        organisationer = self.cleaned_data["externa_mottagare"]
        utan = [o.namn for o in organisationer if not o.kontaktpersoner.filter(aktiv=True).exists()]
        if utan:
            raise ValidationError(
                _("Lägg till en kontaktperson för %(namn)s innan den kan få remissen.")
                % {"namn": ", ".join(utan)}
            )
        return organisationer

    def clean_diarienummer(self):
        return str(Diarienummer.tolka(self.cleaned_data["diarienummer"], self.ks))

    def clean(self):
        cleaned = super().clean()
        valda = set(cleaned.get("mottagare") or ())
        grupper = set(cleaned.get("grupper") or ())
        valda |= {nämnd for nämnd in self.nämnder if nämnd.typ in grupper}
        cleaned["mottagare"] = sorted(valda, key=lambda n: n.namn)
        return cleaned

    def mottagargrupper(self):
        """The recipient boxes by kind of nämnd, each group with its "samtliga" shortcut."""
        typ_per_pk = {str(n.pk): n.typ for n in self.nämnder}
        rutor = {typ: [] for typ, *_ in GRUPPER}
        for ruta in self["mottagare"]:
            rutor[typ_per_pk[str(ruta.data["value"])]].append(ruta)
        genvägar = {str(ruta.data["value"]): ruta for ruta in self["grupper"]}
        return [
            {"typ": typ, "rubrik": rubrik, "genväg": genvägar[typ], "rutor": rutor[typ]}
            for typ, rubrik, _genväg in GRUPPER
            if rutor[typ]
        ]

    def spara(self, av):
        """Save the draft with its recipients and record it in the remiss's history."""
        ny = self.instance.pk is None
        ändrat = [str(self.fields[namn].label).lower() for namn in self.changed_data]
        with transaction.atomic():
            remiss = self.save(commit=False)
            remiss.spara_utkast(av, ny, ", ".join(f for f in ändrat if f != "snabbval"))
            self.save_m2m()
        return remiss


class MångaFiler(forms.ClearableFileInput):
    allow_multiple_selected = True


class FlerFilsfält(forms.FileField):
    """Several files from one input; each is checked by remiss/uploads.py, not by FileField."""

    def clean(self, data, initial=None):
        filer = [fil for fil in (data if isinstance(data, list | tuple) else [data]) if fil]
        if not filer and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return filer


class HandlingarForm(forms.Form):
    filer = FlerFilsfält(
        label=_("Filer"),
        widget=MångaFiler(attrs={"accept": uploads.ACCEPT}),
        error_messages={"required": _("Välj minst en fil att ladda upp.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["filer"].help_text = _(
            "PDF, Word (DOCX), Excel (XLSX) eller OpenDocument (ODT), högst %(mb)s MB per fil. "
            "Du kan välja flera filer på en gång."
        ) % {"mb": uploads.största_storlek() // (1024 * 1024)}

    def clean_filer(self):
        fel, godkända = [], []
        for fil in self.cleaned_data["filer"]:
            try:
                godkända.append((fil, uploads.kontrollera(fil)))
            except ValidationError as e:
                fel.extend(e.error_list)
        # All or nothing: a refused file leaves the remiss as it was, so nothing half-done.
        if fel:
            raise ValidationError(fel)
        return godkända


class AnståndsbeslutForm(forms.Form):
    BEVILJA, AVSLÅ = "bevilja", "avsla"

    # Set by the button pressed ("Bevilja" or "Avslå"), so not rendered as a field of its own.
    beslut = forms.ChoiceField(
        choices=[(BEVILJA, _("Bevilja")), (AVSLÅ, _("Avslå"))],
        required=False,
        widget=forms.HiddenInput,
    )
    beslutsmotivering = forms.CharField(
        label=_("Motivering"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Krävs när anståndet avslås."),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("beslut"):
            raise ValidationError(_("Välj om anståndet ska beviljas eller avslås."))
        if cleaned.get("beslut") == self.AVSLÅ and not cleaned.get("beslutsmotivering", "").strip():
            self.add_error("beslutsmotivering", _("Skriv varför anståndet avslås."))
        return cleaned

    def besluta(self, anstånd, av):
        motivering = self.cleaned_data["beslutsmotivering"]
        if self.cleaned_data["beslut"] == self.BEVILJA:
            anstånd.bevilja(av, motivering)
        else:
            anstånd.avslå(av, motivering)
