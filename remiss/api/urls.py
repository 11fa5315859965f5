from django.urls import path

from remiss.api import views

urlpatterns = [
    path("remisser/", views.Remisser.as_view(), name="remisser"),
    path("remisser/<int:pk>/", views.RemissVy.as_view(), name="remiss"),
    path("remisser/<int:pk>/skicka/", views.Skicka.as_view(), name="skicka"),
    path("remisser/<int:pk>/handlingar/", views.Handlingar.as_view(), name="handlingar"),
    path("remissinstanser/", views.Instanser.as_view(), name="instanser"),
    path("remissinstanser/<int:pk>/", views.InstansVy.as_view(), name="instans"),
    path("remissinstanser/<int:pk>/registrera/", views.Registrera.as_view(), name="registrera"),
    path("remissinstanser/<int:pk>/tilldela/", views.Tilldela.as_view(), name="tilldela"),
    path("remissinstanser/<int:pk>/avsta/", views.Avstå.as_view(), name="avstå"),
    path("remissinstanser/<int:pk>/anstand/", views.BegärAnstånd.as_view(), name="anstånd"),
    path("sok/", views.Sök.as_view(), name="sök"),
]
