"""The pages reached through an external contact person's personal link, under /svar/
(namespace "svar"); no account, no id of anything outside the link's own instans."""

from django.urls import path

from yttranden.views import extern

app_name = "svar"

urlpatterns = [
    path("", extern.sida, name="sida"),
    path("spara/", extern.spara, name="spara"),
    path("anstand/", extern.begär_anstånd, name="anstånd"),
    path("handlingar/<int:handling_pk>/", extern.handling, name="handling"),
    path("pdf/<int:nummer>/", extern.pdf, name="pdf"),
    path("<str:hemlighet>/", extern.öppna, name="öppna"),
]
