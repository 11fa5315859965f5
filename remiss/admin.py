from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from nämnder.admin import SkrivskyddadAdmin
from remiss import utkorg
from remiss.models import (
    Förslag,
    Kalendernyckel,
    Kontaktperson,
    Organisation,
    Påminnelse,
    Ställningstagande,
    Svarslänk,
    Utkorgspost,
    Webbkrok,
    Webbkroksleverans,
)
from remiss.models.forslag import LÅST
from remiss.models.webbkrok import HÄNDELSENAMN, HÄNDELSETYPER, ny_hemlighet


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
        "vem",
        "ärende",
        "dagar",
        "datum",
        "status",
        "orsak",
        "skickad",
    ]
    list_filter = ["status", "typ", "orsak", "dagar", "datum"]
    list_select_related = [
        "mottagare",
        "kontaktperson__organisation",
        "instans__remiss",
        "instans__nämnd",
        "instans__organisation",
    ]
    search_fields = [
        "mottagare__username",
        "mottagare__email",
        "kontaktperson__namn",
        "kontaktperson__epost",
        "instans__remiss__diarienummer",
    ]
    date_hierarchy = "skapad"
    actions = ["försök_igen"]
    readonly_fields = [f.name for f in Påminnelse._meta.fields]

    @admin.display(description=_("ärende"), ordering="instans__remiss__diarienummer")
    def ärende(self, påminnelse):
        if påminnelse.instans is None:
            return "–"
        return f"{påminnelse.instans.remiss.diarienummer} – {påminnelse.instans.mottagare_namn}"

    @admin.display(description=_("mottagare"))
    def vem(self, påminnelse):
        return påminnelse.vem

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
                .filter(mottagare__isnull=False)
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


class FörslagForm(forms.ModelForm):
    class Meta:
        model = Förslag
        fields = ["remiss", "nummer", "rubrik", "text"]

    def clean(self):
        data = super().clean()
        remiss = data.get("remiss")
        if remiss is not None and not remiss.är_utkast:
            # The model refuses too; here the administrator gets the reason, not an error page.
            raise forms.ValidationError(LÅST, code="skickad")
        return data


@admin.register(Förslag)
class FörslagAdmin(admin.ModelAdmin):
    """A remiss's förslag. Edited while the remiss is an utkast (as on the remiss's own page);
    once it is sent every answer refers to them, so they are read-only here."""

    form = FörslagForm
    list_display = ["__str__", "remiss", "antal_ställningstaganden"]
    list_select_related = ["remiss"]
    search_fields = ["rubrik", "remiss__diarienummer", "remiss__titel"]
    list_filter = ["remiss__status"]
    raw_id_fields = ["remiss"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(antal=Count("ställningstaganden"))

    @admin.display(description=_("ställningstaganden"), ordering="antal")
    def antal_ställningstaganden(self, förslag):
        return förslag.antal

    def _låst(self, obj):
        return obj is not None and not obj.remiss.är_utkast

    def has_change_permission(self, request, obj=None):
        return not self._låst(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._låst(obj) and super().has_delete_permission(request, obj)


@admin.register(Ställningstagande)
class StällningstagandeAdmin(SkrivskyddadAdmin):
    """The stances delivered to KS, read-only: written once when an answer arrives, never
    changed (a correction is a new svarsnummer)."""

    list_display = ["förslag", "mottagare", "svarsnummer", "ståndpunkt", "lämnad"]
    list_filter = ["ståndpunkt", "svarsnummer"]
    list_select_related = ["förslag__remiss", "instans__nämnd", "instans__organisation"]
    search_fields = [
        "förslag__remiss__diarienummer",
        "förslag__rubrik",
        "instans__nämnd__namn",
        "instans__organisation__namn",
        "kommentar",
    ]
    readonly_fields = [f.name for f in Ställningstagande._meta.fields]

    @admin.display(description=_("remissinstans"))
    def mottagare(self, ställningstagande):
        return ställningstagande.instans.mottagare_namn


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


class WebbkrokForm(forms.ModelForm):
    händelser = forms.MultipleChoiceField(
        label=_("Händelser"),
        choices=HÄNDELSETYPER,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Välj minst en händelse.")},
    )

    class Meta:
        model = Webbkrok
        fields = ["klient", "url", "händelser", "aktiv"]


@admin.register(Webbkrok)
class WebbkrokAdmin(admin.ModelAdmin):
    """The kommun's administrator registers where an API client's events go (README,
    "Webbkrokar"). The signing secret is made here and shown once, on the page after saving."""

    form = WebbkrokForm

    class Media:
        css = {"all": ["css/admin.css"]}

    list_display = ["url", "klient", "händelsetyper", "aktiv", "leveranser", "skapad"]
    list_filter = ["aktiv", "klient"]
    list_select_related = ["klient"]
    search_fields = ["url", "klient__namn"]
    readonly_fields = ["hemlighet_början", "skapad"]
    actions = ["byt_hemlighet"]

    def get_queryset(self, request):
        misslyckad = Q(leveranser__post__status=Utkorgspost.S.MISSLYCKAD)
        return (
            super()
            .get_queryset(request)
            .annotate(
                antal_leveranser=Count("leveranser"),
                antal_misslyckade=Count("leveranser", filter=misslyckad),
            )
        )

    @admin.display(description=_("händelser"))
    def händelsetyper(self, krok):
        return ", ".join(str(HÄNDELSENAMN.get(typ, typ)) for typ in krok.händelser)

    @admin.display(description=_("leveranser"))
    def leveranser(self, krok):
        adress = reverse("admin:remiss_webbkroksleverans_changelist")
        text = _("%(antal)s, varav %(fel)s misslyckade") % {
            "antal": krok.antal_leveranser,
            "fel": krok.antal_misslyckade,
        }
        return format_html('<a href="{}?webbkrok__id__exact={}">{}</a>', adress, krok.pk, text)

    @admin.display(description=_("signeringshemlighet"))
    def hemlighet_början(self, krok):
        return krok.hemlighet_början if krok.pk else _("Skapas när webbkroken sparas.")

    def _visa_hemlighet(self, request, krok):
        sammanhang = {**self.admin_site.each_context(request), "opts": self.opts, "webbkrok": krok}
        return TemplateResponse(request, "admin/remiss/webbkrok/hemlighet.html", sammanhang)

    def response_add(self, request, obj, post_url_continue=None):
        return self._visa_hemlighet(request, obj)

    @admin.action(
        description=_("Byt signeringshemlighet (den nya visas en gång)"), permissions=["change"]
    )
    def byt_hemlighet(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Markera en webbkrok i taget."), messages.WARNING)
            return None
        krok = queryset.get()
        krok.hemlighet = ny_hemlighet()
        krok.save(update_fields=["hemlighet"])
        self.log_change(request, krok, _("Bytte signeringshemlighet."))
        return self._visa_hemlighet(request, krok)


@admin.register(Webbkroksleverans)
class WebbkroksleveransAdmin(SkrivskyddadAdmin):
    """The delivery log: each event to each subscription, with its outbox row's status and
    attempts and what the receiver last answered. A delivery is sent again ("Skicka igen") with
    the same webhook-id, so a receiver that has it already can drop it."""

    class Media:
        css = {"all": ["css/admin.css"]}

    list_display = [
        "tidpunkt",
        "typ",
        "meddelande_id",
        "webbkrok",
        "status",
        "försök",
        "svarskod",
        "fel",
        "senast",
    ]
    list_filter = ["post__status", "händelse__typ", "webbkrok"]
    list_select_related = ["händelse", "webbkrok__klient", "post"]
    search_fields = ["händelse__meddelande_id", "webbkrok__url"]
    fields = [
        "tidpunkt",
        "typ",
        "meddelande_id",
        "webbkrok",
        "status",
        "försök",
        "svarskod",
        "svar",
        "fel",
        "senast",
        "innehåll",
    ]
    readonly_fields = fields
    actions = ["skicka_igen"]

    @admin.display(description=_("tidpunkt"), ordering="händelse__tidpunkt")
    def tidpunkt(self, leverans):
        return leverans.händelse.tidpunkt

    @admin.display(description=_("händelse"), ordering="händelse__typ")
    def typ(self, leverans):
        return leverans.händelse.get_typ_display()

    @admin.display(description=_("webhook-id"))
    def meddelande_id(self, leverans):
        return leverans.händelse.meddelande_id

    @admin.display(description=_("status"), ordering="post__status")
    def status(self, leverans):
        return leverans.post.get_status_display()

    @admin.display(description=_("försök"))
    def försök(self, leverans):
        return leverans.post.försök

    @admin.display(description=_("senaste fel"))
    def fel(self, leverans):
        return leverans.post.fel or "–"

    @admin.display(description=_("innehåll"))
    def innehåll(self, leverans):
        return format_html("<pre>{}</pre>", leverans.händelse.kropp)

    def has_skicka_igen_permission(self, request):
        """Sending again is for those who manage the webhooks, not for those who only read."""
        return request.user.has_perm("remiss.change_webbkrok")

    @admin.action(description=_("Skicka igen"), permissions=["skicka_igen"])
    def skicka_igen(self, request, queryset):
        poster = Utkorgspost.objects.filter(webbkroksleverans__in=queryset)
        with transaction.atomic():
            köade = utkorg.försök_igen(poster) + utkorg.gör_om(
                poster, _("Skickas igen på begäran av %(person)s.") % {"person": request.user}
            )
        for leverans in queryset.filter(post__in=köade):
            self.log_change(request, leverans, _("Skickades igen."))
        self.message_user(
            request,
            ngettext(
                "%(antal)s leverans skickas igen.", "%(antal)s leveranser skickas igen.", len(köade)
            )
            % {"antal": len(köade)},
            messages.SUCCESS,
        )
        if väntande := queryset.count() - len(köade):
            self.message_user(
                request,
                ngettext(
                    "%(antal)s leverans skickades inte igen (väntar, pågår, hoppades över).",
                    "%(antal)s leveranser skickades inte igen (väntar, pågår, hoppades över).",
                    väntande,
                )
                % {"antal": väntande},
                messages.WARNING,
            )
