from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from nämnder.api.vyer import Dokumentation

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("dokumentation/", Dokumentation.as_view(url_name="api:schema"), name="dokumentation"),
]
