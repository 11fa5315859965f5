"""URLs for kommunstyrelsens remissamordnare, under /remisser/ (namespace "ks")."""

from django.urls import path

from remiss.views import ks

app_name = "ks"

urlpatterns = [
    path("ny/", ks.ny, name="ny"),
    path("<int:pk>/andra/", ks.ändra, name="ändra"),
    path("<int:pk>/handlingar/", ks.ladda_upp, name="ladda_upp"),
    path("<int:pk>/handlingar/<int:handling_pk>/", ks.handling, name="handling"),
    path(
        "<int:pk>/handlingar/<int:handling_pk>/ta-bort/",
        ks.ta_bort_handling,
        name="ta_bort_handling",
    ),
    path("<int:pk>/skicka/", ks.skicka, name="skicka"),
    path("<int:pk>/avsluta/", ks.avsluta, name="avsluta"),
    path("anstand/", ks.anstånd, name="anstånd"),
    path("anstand/<int:anstånd_pk>/", ks.besluta_anstånd, name="besluta_anstånd"),
]
