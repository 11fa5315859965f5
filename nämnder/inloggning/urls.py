from django.urls import path

from nämnder.inloggning import engangskod_views, views

app_name = "inloggning"

urlpatterns = [
    path("oidc/", views.oidc_start, name="oidc_start"),
    path("oidc/retur/", views.oidc_retur, name="oidc_retur"),
    path("saml/", views.saml_start, name="saml_start"),
    path("saml/acs/", views.saml_acs, name="saml_acs"),
    path("saml/sls/", views.saml_sls, name="saml_sls"),
    path("saml/metadata/", views.saml_metadata, name="saml_metadata"),
    path("kod/", engangskod_views.andra_steget, name="engangskod"),
    path("engangskod/", engangskod_views.konto, name="engangskod_konto"),
    path("engangskod/ta-bort/", engangskod_views.ta_bort, name="engangskod_ta_bort"),
    path("ingen-roll/", views.ingen_roll, name="ingen_roll"),
]
