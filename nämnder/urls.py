from django.urls import path, re_path

from nämnder import sammantradesplan, views

app_name = "nämnder"

urlpatterns = [
    path("", views.lista, name="lista"),
    path("<int:pk>/", views.detalj, name="detalj"),
    re_path(r"^logotyp/(?P<sha256>[0-9a-f]{64})$", views.logotyp, name="logotyp"),
    path("<int:pk>/sammantraden/nytt/", views.nytt_sammanträde, name="nytt_sammanträde"),
    path(
        "<int:pk>/sammantraden/importera/",
        sammantradesplan.importera_plan,
        name="importera_sammanträdesplan",
    ),
    path(
        "<int:pk>/sammantraden/<int:sammanträde_pk>/ta-bort/",
        views.ta_bort_sammanträde,
        name="ta_bort_sammanträde",
    ),
]
