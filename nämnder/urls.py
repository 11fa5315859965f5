from django.urls import path

from nämnder import views

app_name = "nämnder"

urlpatterns = [
    path("", views.lista, name="lista"),
    path("<int:pk>/", views.detalj, name="detalj"),
    path("<int:pk>/sammantraden/nytt/", views.nytt_sammanträde, name="nytt_sammanträde"),
    path(
        "<int:pk>/sammantraden/<int:sammanträde_pk>/ta-bort/",
        views.ta_bort_sammanträde,
        name="ta_bort_sammanträde",
    ),
]
