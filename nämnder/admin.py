from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from guardian.admin import GuardedModelAdmin

from nämnder.logotyp import känn_igen
from nämnder.models import (
    Admininloggning,
    Användare,
    Avdelning,
    ExternIdentitet,
    Gruppkoppling,
    Kommun,
    Nämnd,
    NämndUserObjectPermission,
    Parti,
    Rollhändelse,
    Sammanträde,
)
from nämnder.roller import Roll, ge_roll, ta_roll


class SkrivskyddadAdmin(admin.ModelAdmin):
    """An append-only record in the admin: listed and read, never added, changed or deleted
    there (histories, issued documents)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AvdelningInline(admin.TabularInline):
    model = Avdelning
    extra = 0


class SammanträdeInline(admin.TabularInline):
    model = Sammanträde
    extra = 0
    fields = ["datum", "tid", "plats"]


@admin.register(Nämnd)
class NämndAdmin(GuardedModelAdmin):
    list_display = ["namn", "kortnamn", "diarieprefix", "typ", "förvaltning", "aktiv"]
    list_filter = ["typ", "aktiv"]
    search_fields = ["namn", "kortnamn", "diarieprefix", "förvaltning"]
    inlines = [AvdelningInline, SammanträdeInline]
    # A kommun's website typed without its scheme ("stockholm.se") is https, as Django 6 will
    # assume too (Django 5 assumed http and warned).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["namn", "kortnamn", "diarieprefix", "typ", "aktiv"]}),
        (_("Diarienummer"), {"fields": ["diarienummermönster"]}),
        (
            _("Förvaltning och brevhuvud"),
            {
                "fields": [
                    "förvaltning",
                    "besöksadress",
                    "box",
                    ("postnummer", "postort"),
                    "växel",
                    "epost",
                    "webbplats",
                ]
            },
        ),
    ]


@admin.register(Sammanträde)
class SammanträdeAdmin(admin.ModelAdmin):
    list_display = ["nämnd", "datum", "tid", "plats"]
    list_filter = ["nämnd"]
    date_hierarchy = "datum"


class RolltilldelningForm(forms.ModelForm):
    class Meta:
        model = NämndUserObjectPermission
        fields = ["content_object", "permission"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "permission" in self.fields:
            self.fields["permission"].label = _("roll")
            self.fields["permission"].label_from_instance = lambda permission: permission.name

    def clean(self):
        data = super().clean()
        nämnd, permission = data.get("content_object"), data.get("permission")
        ks_roll = permission is not None and Roll(permission.codename).endast_ks
        if nämnd and ks_roll and not nämnd.är_kommunstyrelsen:
            raise forms.ValidationError(_("Den rollen finns bara i kommunstyrelsen."))
        return data


class RollInline(admin.TabularInline):
    model = NämndUserObjectPermission
    form = RolltilldelningForm
    extra = 0
    verbose_name = _("roll")
    verbose_name_plural = _("roller i nämnder")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "permission":
            kwargs["queryset"] = Permission.objects.filter(
                content_type=ContentType.objects.get_for_model(Nämnd), codename__in=Roll.values
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ExternIdentitetInline(admin.TabularInline):
    model = ExternIdentitet
    extra = 0
    fields = ["utfärdare", "subjekt", "skapad", "senast_inloggad"]
    readonly_fields = fields
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Användare)
class AnvändareAdmin(UserAdmin):
    """Roles are edited inline, but saved through ge_roll/ta_roll so that every grant and
    removal is written to the history (Rollhändelse) with who did it."""

    fieldsets = UserAdmin.fieldsets + ((_("Tjänst"), {"fields": ["befattning", "telefon"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + (
        (_("Person"), {"fields": ["first_name", "last_name", "email", "befattning", "telefon"]}),
    )
    list_display = ["username", "first_name", "last_name", "befattning", "email", "is_active"]
    inlines = [RollInline, ExternIdentitetInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not NämndUserObjectPermission:
            return super().save_formset(request, form, formset, change)
        användare = form.instance
        for rad in formset.deleted_forms:
            if rad.instance.pk:
                _ta(användare, rad.initial, request.user)
        for rad in formset.forms:
            if rad in formset.deleted_forms or not rad.has_changed():
                continue
            if rad.instance.pk:  # changed in place: the old role goes, the new one comes
                _ta(användare, rad.initial, request.user)
            data = rad.cleaned_data
            ge_roll(
                användare,
                data["content_object"],
                data["permission"].codename,
                av=request.user,
                källa=KÄLLA,
            )
        formset.new_objects = formset.changed_objects = formset.deleted_objects = []


KÄLLA = "administrationen"


def _ta(användare, initial, av):
    nämnd = Nämnd.objects.get(pk=initial["content_object"])
    kod = Permission.objects.get(pk=initial["permission"]).codename
    ta_roll(användare, nämnd, kod, av=av, källa=KÄLLA)


class KommunForm(forms.ModelForm):
    ny_logotyp = forms.FileField(
        label=_("Ny logotyp"),
        required=False,
        help_text=_("PNG eller SVG, högst 512 kB. Visas i brevhuvudet på alla PDF-handlingar."),
    )
    ta_bort_logotyp = forms.BooleanField(label=_("Ta bort logotypen"), required=False)

    class Meta:
        model = Kommun
        fields = ["namn", "datumstil"]

    def clean_ny_logotyp(self):
        fil = self.cleaned_data.get("ny_logotyp")
        if fil is None:
            return None
        innehåll = fil.read()
        känn_igen(innehåll)  # by its content, whatever its name: ValidationError in Swedish
        self.instance.sätt_logotyp(innehåll)
        return innehåll

    def save(self, commit=True):
        if self.cleaned_data.get("ta_bort_logotyp") and not self.cleaned_data.get("ny_logotyp"):
            self.instance.sätt_logotyp(b"")
        return super().save(commit)


@admin.register(Kommun)
class KommunAdmin(admin.ModelAdmin):
    """One kommun per installation for now: it is added once and then edited."""

    form = KommunForm
    list_display = ["namn", "datumstil"]
    readonly_fields = ["nuvarande_logotyp"]
    fields = ["namn", "datumstil", "nuvarande_logotyp", "ny_logotyp", "ta_bort_logotyp"]

    @admin.display(description=_("nuvarande logotyp"))
    def nuvarande_logotyp(self, kommun):
        if not kommun.har_logotyp:
            return _("Ingen logotyp")
        return format_html(
            '<img src="{}" alt="{}" style="max-height:4rem;max-width:16rem">',
            kommun.logotyp_url,
            _("Logotyp för %(namn)s") % {"namn": kommun.namn},
        )

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Kommun.objects.exists()


@admin.register(Parti)
class PartiAdmin(admin.ModelAdmin):
    list_display = ["förkortning", "namn", "ordning", "aktivt"]
    list_editable = ["ordning", "aktivt"]
    list_filter = ["aktivt"]
    search_fields = ["förkortning", "namn"]


@admin.register(Gruppkoppling)
class GruppkopplingAdmin(admin.ModelAdmin):
    """Which group at the kommun's identity provider gives which role in which nämnd."""

    list_display = ["grupp", "nämnd", "roll"]
    list_filter = ["nämnd", "roll"]
    search_fields = ["grupp", "nämnd__namn"]


@admin.register(Rollhändelse)
class RollhändelseAdmin(SkrivskyddadAdmin):
    """The history of roles given and taken: read only."""

    list_display = ["tidpunkt", "användare", "typ", "nämnd", "roll", "utförd_av", "källa"]
    list_filter = ["typ", "roll", "nämnd"]
    search_fields = ["användare__username", "användare__last_name", "källa"]
    date_hierarchy = "tidpunkt"


@admin.register(Admininloggning)
class AdmininloggningAdmin(SkrivskyddadAdmin):
    """Logins to the administration: read only."""

    list_display = ["tidpunkt", "utförd_av", "text"]
    search_fields = ["utförd_av__username"]
    date_hierarchy = "tidpunkt"


from nämnder.api import admin as _api_admin  # noqa: E402, F401 (registers the API clients)
