"""REMISS_KRAV_ENGANGSKOD: staff who logged in with a password alone are sent to set up a
one-time code before they can do anything else."""

from django.shortcuts import redirect
from django.urls import reverse

from nämnder.inloggning import engangskod


class KravPåEngångskod:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if engangskod.saknas(request) and request.path not in {
            reverse("inloggning:engangskod_konto"),
            reverse("logout"),
        }:
            return redirect("inloggning:engangskod_konto")
        return self.get_response(request)
