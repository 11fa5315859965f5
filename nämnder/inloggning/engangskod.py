"""One-time codes (TOTP, RFC 6238) for local accounts, kept as django-otp devices: setting one
up, the login's second step, and whether the kommun requires one of this session's person."""

import time
from base64 import b32encode
from datetime import timedelta

import qrcode
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex
from qrcode.image.svg import SvgPathImage

from nämnder.inloggning.session import (
    LÖSENORD,
    LÖSENORD_ENGÅNGSKOD,
    Autentisering,
    anteckna,
    autentisering,
)

NY_NYCKEL = "remiss_engangskod_ny_nyckel"
VÄNTAR = "remiss_engangskod_vantar"
VÄNTETID = timedelta(minutes=5)  # between the password and the code
ENHETENS_NAMN = "Remiss"


class KodForm(forms.Form):
    kod = forms.CharField(
        label=_("Engångskod"),
        help_text=_("De sex siffrorna som appen visar just nu."),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": _("Skriv engångskoden från appen.")},
    )

    def clean_kod(self):
        kod = self.cleaned_data["kod"].replace(" ", "")
        if len(kod) != 6 or not kod.isdigit():
            raise forms.ValidationError(_("Engångskoden är sex siffror, till exempel 123456."))
        return kod


def enhet(användare):
    """The person's confirmed device, or None."""
    return TOTPDevice.objects.filter(user=användare, confirmed=True).first()


# Setting up ---------------------------------------------------------------------------------


def ny_enhet(request):
    """The device being set up, not yet saved: its key waits in the session until the person
    has confirmed it with a first code."""
    nyckel = request.session.get(NY_NYCKEL) or random_hex(20)
    request.session[NY_NYCKEL] = nyckel
    return TOTPDevice(user=request.user, name=ENHETENS_NAMN, key=nyckel, confirmed=False)


def hemlighet(enhet):
    """The key as the apps want it typed: base32, in groups of four."""
    text = b32encode(enhet.bin_key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(enhet):
    """The otpauth URI as an inline SVG QR code."""
    bild = qrcode.make(enhet.config_url, image_factory=SvgPathImage, box_size=8, border=4)
    return bild.to_string(encoding="unicode")


def bekräfta(request, enhet, kod):
    """Save the device when ``kod`` is its current code; True if it was."""
    totp = TOTP(enhet.bin_key, enhet.step, enhet.t0, enhet.digits, enhet.drift)
    totp.time = time.time()
    if not totp.verify(int(kod), enhet.tolerance):
        return False
    TOTPDevice.objects.filter(user=request.user).delete()
    enhet.last_t = totp.t()  # the confirming code cannot be used again to log in
    enhet.confirmed = True
    enhet.save()
    request.session.pop(NY_NYCKEL, None)
    _byt_metod(request, LÖSENORD, LÖSENORD_ENGÅNGSKOD)
    return True


def ta_bort(request):
    TOTPDevice.objects.filter(user=request.user).delete()
    _byt_metod(request, LÖSENORD_ENGÅNGSKOD, LÖSENORD)


def _byt_metod(request, från, till):
    a = autentisering(request)
    if a is not None and a.metod == från:
        anteckna(request, Autentisering(till, a.tid, a.nivå))


# The login's second step --------------------------------------------------------------------


def vänta_på_kod(request, användare, nästa):
    """The password was right; remember whose code to ask for (nobody is logged in yet)."""
    request.session[VÄNTAR] = {"pk": användare.pk, "nasta": nästa, "tid": time.time()}


def väntande(request):
    """(person, where to go) of the login waiting for its code, or None when none waits or
    it waited too long."""
    data = request.session.get(VÄNTAR)
    if not data or time.time() - data["tid"] > VÄNTETID.total_seconds():
        request.session.pop(VÄNTAR, None)
        return None
    användare = get_user_model().objects.filter(pk=data["pk"], is_active=True).first()
    return (användare, data["nasta"]) if användare else None


RÄTT, FEL, VÄNTA = "rätt", "fel", "vänta"


def pröva_kod(request, användare, kod):
    """RÄTT when ``kod`` is the person's current code; FEL when it is not; VÄNTA when the
    device, after earlier wrong codes, does not yet try any (it waits longer after each). A
    wrong or too early code counts as a failed login for django-axes, which locks the user
    name and address just as for a wrong password."""
    e = enhet(användare)
    if e is not None and e.verify_is_allowed()[0]:
        if e.verify_token(kod):
            request.session.pop(VÄNTAR, None)
            return RÄTT
        utfall = FEL
    else:
        utfall = VÄNTA
    user_login_failed.send(
        sender=__name__, credentials={"username": användare.get_username()}, request=request
    )
    if getattr(request, "axes_locked_out", False):
        request.session.pop(VÄNTAR, None)
    return utfall


# The requirement ----------------------------------------------------------------------------


def saknas(request):
    """True when the kommun requires a code of staff and this session's person, staff, logged
    in with a password alone (single sign-on is left to the IdP's own MFA)."""
    if not settings.REMISS_KRAV_ENGANGSKOD:
        return False
    user = request.user
    if not (user.is_authenticated and user.is_staff):
        return False
    a = autentisering(request)
    return a is None or a.metod == LÖSENORD
