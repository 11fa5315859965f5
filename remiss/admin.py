from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from remiss import utkorg
from remiss.models import (
    Kalendernyckel,
    Kontaktperson,
    Organisation,
    Påminnelse,
    Svarslänk,
    Utkorgspost,
)


@admin.register(Påminnelse)
class PåminnelseAdmin(admin.ModelAdmin):
    """Every reminder, sent, waiting, skipped or failed (its mail is a row in Utkorgen); the
    rows are a log and are not edited by hand. Above the list: counts per status and the people
    skipped for want of an e-mail address, so that someone can add one."""

    # Named explicitly: Django's default path would carry the model name's "å".
    change_list_template = "admin/remiss/paminnelse/change_list.html"

    list_display = [
        "skapad",
        "typ",
        "mottagare",
        "ärende",
        "dagar",
        "datum",
        "status",
        "orsak",
        "skickad",
    ]
    list_filter = ["status", "typ", "orsak", "dagar", "datum"]
    list_select_related = ["mottagare", "instans__remiss", "instans__nämnd"]
    search_fields = ["mottagare__username", "mottagare__email", "instans__remiss__diarienummer"]
    date_hierarchy = "skapad"
    actions = ["försök_igen"]
    readonly_fields = [f.name for f in Påminnelse._meta.fields]

    @admin.display(description=_("ärende"), ordering="instans__remiss__diarienummer")
    def ärende(self, påminnelse):
        if påminnelse.instans is None:
            return "–"
        return f"{påminnelse.instans.remiss.diarienummer} – {påminnelse.instans.nämnd}"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Försök skicka de markerade misslyckade påminnelserna igen"))
    def försök_igen(self, request, queryset):
        pks = Påminnelse.försök_igen(queryset)
        self.message_user(
            request,
            ngettext(
                "%(antal)s påminnelse köades igen.", "%(antal)s påminnelser köades igen.", len(pks)
            )
            % {"antal": len(pks)},
            messages.SUCCESS,
        )

    def changelist_view(self, request, extra_context=None):
        per_status = dict(
            Påminnelse.objects.values_list("status").annotate(n=Count("pk")).order_by()
        )
        extra_context = {
            **(extra_context or {}),
            "per_status": [(s.label, per_status.get(s.value, 0)) for s in Påminnelse.Status],
            "utan_epost": (
                Påminnelse.objects.utan_epost()
                .values("mottagare", "mottagare__username", "mottagare__first_name")
                .annotate(antal=Count("pk"))
                .order_by("mottagare__username")
            ),
        }
        return super().changelist_view(request, extra_context)


@admin.register(Kalendernyckel)
class KalendernyckelAdmin(admin.ModelAdmin):
    """Feed addresses can be revoked here (delete); the secret itself is never shown."""

    list_display = ["användare", "nämnd", "skapad"]
    list_select_related = ["användare", "nämnd"]
    search_fields = ["användare__username"]
    fields = ["användare", "nämnd", "skapad"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(Utkorgspost)
class UtkorgspostAdmin(admin.ModelAdmin):
    """Every side effect: waiting, under way, done, skipped or failed. A row is a log and is not
    edited by hand; failed rows can be queued again."""

    list_display = ["skapad", "beskrivning", "uppdrag", "status", "försök", "nästa_försök", "fel"]
    list_filter = ["status", "uppdrag"]
    search_fields = ["beskrivning", "gäller", "nyckel"]
    date_hierarchy = "skapad"
    actions = ["försök_igen"]
    readonly_fields = [f.name for f in Utkorgspost._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Försök igen med de markerade misslyckade"))
    def försök_igen(self, request, queryset):
        pks = utkorg.försök_igen(queryset)
        self.message_user(
            request,
            ngettext("%(antal)s jobb köades igen.", "%(antal)s jobb köades igen.", len(pks))
            % {"antal": len(pks)},
            messages.SUCCESS,
        )


class KontaktpersonInline(admin.TabularInline):
    model = Kontaktperson
    extra = 1
    fields = ["namn", "epost", "aktiv"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """KS's register of external organisations (also kept by the remissamordnare in the app)."""

    list_display = ["namn", "organisationsnummer", "aktiv"]
    list_filter = ["aktiv"]
    search_fields = [
        "namn",
        "organisationsnummer",
        "kontaktpersoner__namn",
        "kontaktpersoner__epost",
    ]
    inlines = [KontaktpersonInline]


@admin.register(Svarslänk)
class SvarslänkAdmin(admin.ModelAdmin):
    """The personal links issued, read-only: only their SHA-256 is stored, never the link."""

    list_display = [
        "kontaktperson",
        "instans",
        "skapad",
        "giltig_till",
        "återkallad",
        "senast_använd",
    ]
    list_filter = ["återkallad"]
    list_select_related = [
        "kontaktperson__organisation",
        "instans__remiss",
        "instans__organisation",
    ]
    readonly_fields = [f.name for f in Svarslänk._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
