from django.urls import path

from nämnder.inloggning import views

app_name = "inloggning"

urlpatterns = [
    path("oidc/", views.oidc_start, name="oidc_start"),
    path("oidc/retur/", views.oidc_retur, name="oidc_retur"),
    path("ingen-roll/", views.ingen_roll, name="ingen_roll"),
]
