from django.urls import path

from nämnder import sammantradesplan, views

app_name = "nämnder"

urlpatterns = [
    path("", views.lista, name="lista"),
    path("<int:pk>/", views.detalj, name="detalj"),
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
