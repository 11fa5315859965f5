"""Snippets where PostgreSQL's ts_headline is not there (the SQLite demo): around the first hit,
the hits marked, and cut between words, never inside one."""

from remiss.sok.text import SLUT, START, utdrag_kring

TEXT = (
    "Utbildningsnämnden godkänner förvaltningens tjänsteutlåtande och överlämnar det till "
    "kommunstyrelsen som svar på remissen. Beslutet justeras omedelbart. Kommunstyrelsen har "
    "remitterat den övergripande samverkansöverenskommelsen mellan Stockholms stad och "
    "Polisregion Stockholm till utbildningsnämnden för yttrande. Målet med "
    "samverkansöverenskommelsen är att minska brottsligheten och öka tryggheten i staden."
)


def test_the_snippet_starts_and_ends_between_words_and_marks_the_hits():
    utdrag = utdrag_kring(TEXT, ["samverkan"], bredd=120)
    assert utdrag.startswith("…") and utdrag.endswith("…")
    inre = utdrag.strip("…")
    # Each end of the cut is a whole word of the text.
    ord_i_texten = set(TEXT.replace(".", " ").split())
    första, sista = inre.split()[0], inre.split()[-1]
    assert första.strip(".") in ord_i_texten, första
    assert sista.replace(START, "").replace(SLUT, "").strip(".") in ord_i_texten, sista
    assert f"{START}samverkan{SLUT}söverenskommelsen" in inre
    assert len(inre) <= 120


def test_a_hit_at_the_start_is_not_preceded_by_an_ellipsis():
    utdrag = utdrag_kring(TEXT, ["utbildningsnämnden"], bredd=60)
    assert utdrag.startswith(f"{START}Utbildningsnämnden{SLUT} godkänner")
    assert utdrag.endswith("…") and not utdrag.endswith(" …")


def test_without_a_hit_the_text_begins_the_snippet_and_a_short_text_is_whole():
    assert utdrag_kring(TEXT, ["saknas"], bredd=40) == "Utbildningsnämnden godkänner…"
    assert utdrag_kring("Kort text.", ["saknas"]) == "Kort text."
    assert utdrag_kring("", ["något"]) == ""
