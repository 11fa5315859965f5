"""Search, under /sok/ (namespace "sok")."""

from django.urls import path

from remiss.views import sok

app_name = "sok"

urlpatterns = [path("", sok.sök, name="sök")]
