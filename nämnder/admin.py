from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from guardian.admin import GuardedModelAdmin

from nämnder.models import Användare, Avdelning, Nämnd, NämndUserObjectPermission, Sammanträde
from nämnder.roller import Roll


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


@admin.register(Användare)
class AnvändareAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + ((_("Tjänst"), {"fields": ["befattning", "telefon"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + (
        (_("Person"), {"fields": ["first_name", "last_name", "email", "befattning", "telefon"]}),
    )
    list_display = ["username", "first_name", "last_name", "befattning", "email", "is_active"]
    inlines = [RollInline]
