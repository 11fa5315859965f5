"""Mallar are edited here. Utlåtanden are shown read-only: their text changes only through the
editor while they are utkast, and the model refuses any change after attest whatever the path."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from nämnder.admin import SkrivskyddadAdmin
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


class MallavsnittInline(admin.StackedInline):
    model = Mallavsnitt
    extra = 0
    fields = ["ordning", "rubrik", "förifylld_text", "obligatoriskt"]


@admin.register(Mall)
class MallAdmin(admin.ModelAdmin):
    """The standard mall and each förvaltning's own. A new mall given no sections starts as a
    copy of the standard mall, to be changed from there."""

    list_display = ["namn", "gäller", "antal_avsnitt"]
    search_fields = ["namn", "nämnd__namn"]
    list_select_related = ["nämnd"]
    inlines = [MallavsnittInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(avsnitt_antal=Count("avsnitt"))

    def changelist_view(self, request, extra_context=None):
        Mall.objects.standard()  # so the standard mall is there to edit from the start
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("gäller"), ordering="nämnd__namn")
    def gäller(self, mall):
        return mall.nämnd.förvaltning if mall.nämnd_id else _("Alla förvaltningar utan egen mall")

    @admin.display(description=_("avsnitt"), ordering="avsnitt_antal")
    def antal_avsnitt(self, mall):
        return mall.avsnitt_antal

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        mall = form.instance
        if not change and mall.nämnd_id and not mall.avsnitt.exists():
            mall.kopiera_avsnitt_från(Mall.objects.standard())


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
class TjänsteutlåtandeAdmin(SkrivskyddadAdmin):
    list_display = ["__str__", "status", "version", "granskare", "attestant", "skapad"]
    list_filter = ["status"]
    search_fields = ["instans__diarienummer", "instans__remiss__diarienummer"]
    list_select_related = ["instans__remiss"]
    inlines = [SektionInline, AttestInline, HändelseInline]
    fields = ["instans", "version", "status", "datum", "sammanträde", "granskare", "attestant"]


@admin.register(Version)
class VersionAdmin(SkrivskyddadAdmin):
    list_display = ["utlåtande", "nummer", "sparad_av", "sparad"]
    list_select_related = ["utlåtande__instans__remiss", "sparad_av"]


@admin.register(Pdfdokument)
class PdfdokumentAdmin(SkrivskyddadAdmin):
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

    @admin.action(description=_("Försök skapa de markerade misslyckade PDF:erna igen"))
    def försök_igen(self, request, queryset):
        antal = sum(d.försök_igen(av=request.user) for d in queryset.filter(status="misslyckad"))
        self.message_user(request, _("%(antal)s PDF:er köades igen.") % {"antal": antal})
