from django.urls import path

from yttranden.views import eget, granskning, listor, redigera, utlatande, versioner, word

app_name = "yttranden"

urlpatterns = [
    path("att-granska/", listor.att_granska, name="att_granska"),
    path("att-attestera/", listor.att_attestera, name="att_attestera"),
    path("mina-utkast/", listor.mina_utkast, name="mina_utkast"),
    path("instans/<int:instans_pk>/", utlatande.för_instans, name="för_instans"),
    path("instans/<int:instans_pk>/paborja/", utlatande.påbörja, name="påbörja"),
    path("remiss/<int:pk>/eget/", eget.påbörja_eget, name="påbörja_eget"),
    path("<int:pk>/", utlatande.detalj, name="detalj"),
    path("<int:pk>/forhandsgranska/", utlatande.förhandsgranska, name="förhandsgranska"),
    path("<int:pk>/redigera/", redigera.redigera, name="redigera"),
    path("<int:pk>/spara/", redigera.spara, name="spara"),
    path("<int:pk>/uppgifter/", utlatande.uppgifter, name="uppgifter"),
    path("<int:pk>/bilagor/", utlatande.ny_bilaga, name="ny_bilaga"),
    path(
        "<int:pk>/bilagor/<int:bilaga_pk>/ta-bort/", utlatande.ta_bort_bilaga, name="ta_bort_bilaga"
    ),
    path("<int:pk>/bilagor/<int:bilaga_pk>/fil/", utlatande.bilaga, name="bilaga"),
    path("<int:pk>/word/", word.utlåtande_docx, name="word"),
    path("<int:pk>/word/las-in/", word.läs_in_word, name="läs_in_word"),
    path("<int:pk>/versioner/", versioner.versioner, name="versioner"),
    path("<int:pk>/skicka/", granskning.skicka, name="skicka"),
    path("<int:pk>/kommentera/", granskning.kommentera, name="kommentera"),
    path("<int:pk>/aterremittera/", granskning.återremittera, name="återremittera"),
    path("<int:pk>/godkann/", granskning.godkänn, name="godkänn"),
    path("<int:pk>/attestera/", granskning.attestera, name="attestera"),
    path("<int:pk>/ateroppna/", granskning.återöppna, name="återöppna"),
]
