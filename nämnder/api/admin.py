"""API clients in the admin: create one, choose its scope, rotate its token, deactivate it.

The token is shown once, on the page that answers the save or the rotation, and never stored:
only its hash is (nämnder/models/apiklient.py)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from nämnder.models import ApiKlient, Nämnd
from nämnder.roller import KS_ROLLER, Roll


def _val():
    """Every (nämnd, roll) pair as a choice ``"<nämnd pk>:<roll>"``, labelled with both."""
    return [
        (f"{nämnd.pk}:{roll.value}", f"{nämnd.namn} – {roll.label}")
        for nämnd in Nämnd.objects.aktiva().order_by("namn")
        for roll in Roll
        if nämnd.är_kommunstyrelsen or roll not in KS_ROLLER
    ]


class ApiKlientForm(forms.ModelForm):
    omfång = forms.MultipleChoiceField(
        label=_("omfång"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Klienten ser och gör det som en person med dessa roller i dessa nämnder får, "
            "varken mer eller mindre."
        ),
    )

    giltig_till = forms.DateTimeField(
        label=_("giltig till"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Efter denna tidpunkt slutar token att fungera. Tomt: utan slutdatum."),
    )

    class Meta:
        model = ApiKlient
        fields = ["namn", "aktiv", "giltig_till"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["omfång"].choices = _val()
        if self.instance.pk:
            self.fields["omfång"].initial = [
                f"{nämnd.pk}:{roll.value}" for nämnd, roll in self.instance.omfång()
            ]

    def clean_omfång(self):
        par = [v.split(":", 1) for v in self.cleaned_data["omfång"]]
        nämnder = Nämnd.objects.in_bulk([int(pk) for pk, _roll in par])
        return [(nämnder[int(pk)], Roll(roll)) for pk, roll in par]


@admin.register(ApiKlient)
class ApiKlientAdmin(admin.ModelAdmin):
    form = ApiKlientForm
    list_display = ["namn", "token_prefix", "aktiv", "giltig_till", "senast_använd", "roterad"]
    list_filter = ["aktiv"]
    search_fields = ["namn", "token_prefix"]
    readonly_fields = ["token_prefix", "senast_använd", "skapad", "roterad", "skapad_av"]
    fields = ["namn", "aktiv", "giltig_till", "omfång", *readonly_fields]
    change_form_template = "admin/namnder/apiklient/change_form.html"

    def has_delete_permission(self, request, obj=None):
        return False  # its user is named in the histories: deactivate instead

    def get_urls(self):
        egna = [
            path(
                "<int:pk>/rotera/",
                self.admin_site.admin_view(require_POST(self.rotera)),
                name="nämnder_apiklient_rotera",
            )
        ]
        return egna + super().get_urls()

    def save_model(self, request, obj, form, change):
        omfång = form.cleaned_data["omfång"]
        if change:
            obj.save()
            obj.sätt_omfång(omfång, av=request.user)
            return
        klient, token = ApiKlient.skapa(
            obj.namn, av=request.user, omfång=omfång, giltig_till=obj.giltig_till
        )
        if not obj.aktiv:
            ApiKlient.objects.filter(pk=klient.pk).update(aktiv=False)
        obj.pk, obj.användare = klient.pk, klient.användare
        request._ny_apitoken = token

    def response_add(self, request, obj, post_url_continue=None):
        token = getattr(request, "_ny_apitoken", None)
        if token is None:
            return super().response_add(request, obj, post_url_continue)
        return self._visa_token(request, obj, token, _("API-klienten är skapad"))

    def rotera(self, request, pk):
        klient = get_object_or_404(ApiKlient, pk=pk)
        if not self.has_change_permission(request, klient):
            raise PermissionDenied
        token = klient.rotera()
        self.log_change(request, klient, _("Token bytt."))
        return self._visa_token(request, klient, token, _("Ny token"))

    def _visa_token(self, request, klient, token, rubrik):
        context = {
            **self.admin_site.each_context(request),
            "title": rubrik,
            "klient": klient,
            "token": token,
            "opts": self.model._meta,
            "tillbaka": reverse("admin:nämnder_apiklient_change", args=[klient.pk]),
        }
        svar = render(request, "admin/namnder/apiklient/token.html", context)
        svar["Cache-Control"] = "no-store"  # the token must not stay in any cache
        return svar
