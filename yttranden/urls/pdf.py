from django.urls import path

from yttranden.views import pdf, verifiera

app_name = "pdf"

urlpatterns = [
    path("pdf/<int:pk>/", pdf.ladda_ned, name="ladda_ned"),
    path("pdf/<int:pk>/status/", pdf.status, name="status"),
    path("pdf/<int:pk>/forsok-igen/", pdf.försök_igen, name="försök_igen"),
    path(
        "pdf/sammanstallningar/<int:pk>/",
        pdf.beställ_sammanställning,
        name="beställ_sammanställning",
    ),
    path("pdf/svarspaket/<int:pk>/", pdf.svarspaket, name="svarspaket"),
    path("verifiera/", verifiera.verifiera, name="verifiera"),
]
