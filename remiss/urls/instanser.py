from django.urls import path

from remiss.views import instans, instanslistor

app_name = "instanser"

urlpatterns = [
    path("", instanslistor.lista, name="lista"),
    path("inkorg/", instanslistor.inkorg, name="inkorg"),
    path("<int:pk>/", instans.detalj, name="detalj"),
    path("<int:pk>/registrera/", instans.registrera, name="registrera"),
    path("<int:pk>/tilldela/", instans.tilldela, name="tilldela"),
    path("<int:pk>/avsta/", instans.avstå, name="avstå"),
    path("<int:pk>/anstand/", instans.begär_anstånd, name="begär_anstånd"),
]
