"""Mallar are edited here. Utlåtanden are shown read-only: their text changes only through the
editor while they are utkast, and the model refuses any change after attest whatever the path."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from yttranden.models import (
    Attest,
    Mall,
    Mallavsnitt,
    Pdfdokument,
    Sektion,
    Tjänsteutlåtande,
    Utlåtandehändelse,
    Version,
)


class MallavsnittInline(admin.TabularInline):
    model = Mallavsnitt
    extra = 1
    fields = ["ordning", "rubrik", "förifylld_text", "obligatoriskt"]


@admin.register(Mall)
class MallAdmin(admin.ModelAdmin):
    list_display = ["namn", "nämnd"]
    inlines = [MallavsnittInline]


class SkrivskyddadInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SektionInline(SkrivskyddadInline):
    model = Sektion
    fields = ["ordning", "rubrik", "html"]


class AttestInline(SkrivskyddadInline):
    model = Attest
    fields = ["typ", "namn", "befattning", "datum", "sha256", "upphävd", "upphävd_motivering"]


class HändelseInline(SkrivskyddadInline):
    model = Utlåtandehändelse
    fields = ["tidpunkt", "typ", "utförd_av", "text"]
    readonly_fields = ["tidpunkt"]


@admin.register(Tjänsteutlåtande)
class TjänsteutlåtandeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "version", "granskare", "attestant", "skapad"]
    list_filter = ["status"]
    search_fields = ["instans__diarienummer", "instans__remiss__diarienummer"]
    list_select_related = ["instans__remiss"]
    inlines = [SektionInline, AttestInline, HändelseInline]
    fields = ["instans", "version", "status", "datum", "sammanträde", "granskare", "attestant"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Version)
class VersionAdmin(admin.ModelAdmin):
    list_display = ["utlåtande", "nummer", "sparad_av", "sparad"]
    list_select_related = ["utlåtande__instans__remiss", "sparad_av"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Pdfdokument)
class PdfdokumentAdmin(admin.ModelAdmin):
    """The issued PDFs, read-only: a failed render shows here with its error (filter on status);
    it is tried again from here (the action) or from the document's page ("Försök igen"). The
    work itself is in the outbox (Utkorgen), with its attempts."""

    list_display = ["benämning", "typ", "status", "skapad", "klar", "fel"]
    actions = ["försök_igen"]
    list_filter = ["status", "typ"]
    search_fields = ["benämning", "sha256", "nyckel"]
    date_hierarchy = "skapad"
    fields = [
        "benämning",
        "typ",
        "status",
        "status_ändrad",
        "fel",
        "version",
        "nyckel",
        "sha256",
        "storlek",
        "utlåtande",
        "ärende",
        "remiss",
        "beställd_av",
        "skapad",
        "klar",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Försök skapa de markerade misslyckade PDF:erna igen"))
    def försök_igen(self, request, queryset):
        antal = sum(d.försök_igen(av=request.user) for d in queryset.filter(status="misslyckad"))
        self.message_user(request, _("%(antal)s PDF:er köades igen.") % {"antal": antal})
