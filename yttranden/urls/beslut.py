from django.urls import path

from yttranden.views import beslut, sammanstallning, word

app_name = "beslut"

urlpatterns = [
    path("sammantraden/<int:pk>/", beslut.sammanträde, name="sammanträde"),
    path("sammantraden/<int:pk>/arenden/", beslut.nytt_ärende, name="nytt_ärende"),
    path("arenden/<int:pk>/", beslut.ärende, name="ärende"),
    path("arenden/<int:pk>/beslut/", beslut.registrera_beslut, name="registrera"),
    path("arenden/<int:pk>/uttalanden/", beslut.nytt_uttalande, name="nytt_uttalande"),
    path("arenden/<int:pk>/skicka/", beslut.skicka_svar, name="skicka_svar"),
    path("arenden/<int:pk>/protokollsutdrag/", beslut.protokollsutdrag, name="protokollsutdrag"),
    path("arenden/<int:pk>/word/", word.beslut_docx, name="word"),
    path("uttalanden/<int:pk>/pdf/", beslut.uttalande_pdf, name="uttalande_pdf"),
    path("sammanstallningar/<int:pk>/", sammanstallning.sammanställning, name="sammanställning"),
    path(
        "sammanstallningar/<int:pk>/word/", word.sammanställning_docx, name="sammanställning_word"
    ),
]
