from django.urls import path

from yttranden.api import views

urlpatterns = [
    path("tjansteutlatanden/", views.Utlåtanden.as_view(), name="utlåtanden"),
    path("tjansteutlatanden/<int:pk>/", views.UtlåtandeVy.as_view(), name="utlåtande"),
    path(
        "tjansteutlatanden/<int:pk>/pdf/",
        views.UtlåtandetsPdf.as_view(),
        name="utlåtandets_pdf",
    ),
    path("arenden/", views.Ärenden.as_view(), name="ärenden"),
    path("arenden/<int:pk>/", views.ÄrendeVy.as_view(), name="ärende"),
    path("arenden/<int:pk>/beslut/", views.RegistreraBeslut.as_view(), name="beslut"),
    path("arenden/<int:pk>/svar/", views.SkickaSvar.as_view(), name="svar"),
    path("svar/", views.SvarLista.as_view(), name="svarlista"),
    path(
        "remisser/<int:pk>/sammanstallning/",
        views.Sammanställning.as_view(),
        name="sammanställning",
    ),
    path("verifiera/", views.Verifiera.as_view(), name="verifiera"),
]
