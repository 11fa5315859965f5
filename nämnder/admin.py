from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from guardian.admin import GuardedModelAdmin

from nämnder.models import (
    Admininloggning,
    Användare,
    Avdelning,
    ExternIdentitet,
    Gruppkoppling,
    Nämnd,
    NämndUserObjectPermission,
    Rollhändelse,
    Sammanträde,
)
from nämnder.roller import Roll, ge_roll, ta_roll


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
    fieldsets = [
        (None, {"fields": ["namn", "kortnamn", "diarieprefix", "typ", "aktiv"]}),
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


@admin.register(Gruppkoppling)
class GruppkopplingAdmin(admin.ModelAdmin):
    """Which group at the kommun's identity provider gives which role in which nämnd."""

    list_display = ["grupp", "nämnd", "roll"]
    list_filter = ["nämnd", "roll"]
    search_fields = ["grupp", "nämnd__namn"]


@admin.register(Rollhändelse)
class RollhändelseAdmin(admin.ModelAdmin):
    """The history of roles given and taken: read only."""

    list_display = ["tidpunkt", "användare", "typ", "nämnd", "roll", "utförd_av", "källa"]
    list_filter = ["typ", "roll", "nämnd"]
    search_fields = ["användare__username", "användare__last_name", "källa"]
    date_hierarchy = "tidpunkt"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Admininloggning)
class AdmininloggningAdmin(admin.ModelAdmin):
    """Logins to the administration: read only."""

    list_display = ["tidpunkt", "utförd_av", "text"]
    search_fields = ["utförd_av__username"]
    date_hierarchy = "tidpunkt"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
