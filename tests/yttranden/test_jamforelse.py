from yttranden.jamforelse import jämför, ordjämförelse


def _innehåll(*sektioner):
    return {"sektioner": [{"id": i, "rubrik": r, "html": h} for i, (r, h) in enumerate(sektioner)]}


def test_changed_words_are_marked_and_the_rest_kept():
    html = ordjämförelse("Tryggheten ska öka i staden.", "Tryggheten ska öka i hela staden.")
    assert "Tryggheten ska öka i " in html
    assert '<ins><span class="ds-sr-only">Tillagt: </span>hela </ins>' in html
    assert "<del>" not in html


def test_text_is_escaped_in_the_comparison():
    html = ordjämförelse("a <b>", "a <script>")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_sections_are_compared_paragraph_by_paragraph():
    före = _innehåll(("Sammanfattning", "<p>Ett.</p><p>Två.</p>"), ("Bakgrund", "<p>Lika.</p>"))
    efter = _innehåll(
        ("Sammanfattning", "<p>Ett.</p><p>Tre.</p><ul><li>Ny punkt</li></ul>"),
        ("Bakgrund", "<p>Lika.</p>"),
    )
    sammanfattning, bakgrund = jämför(före, efter)
    assert sammanfattning.ändrat and not bakgrund.ändrat
    typer = [typ for typ, _ in sammanfattning.stycken]
    assert typer == ["lika", "ändrat", "tillagt"]


def test_a_renamed_heading_and_a_formatting_change_are_shown():
    före = _innehåll(("Bakgrund", "<p>Text.</p>"))
    efter = _innehåll(("Bakgrund/Ärendet", "<p><strong>Text.</strong></p>"))
    (avsnitt,) = jämför(före, efter)
    assert avsnitt.tidigare_rubrik == "Bakgrund" and avsnitt.rubrik == "Bakgrund/Ärendet"
    assert avsnitt.stycken == [
        ("lika", "Text."),
        ("formatering", "Bara formateringen har ändrats."),
    ]


def test_long_unchanged_runs_are_folded():
    stycken = "".join(f"<p>Stycke {n}.</p>" for n in range(10))
    före = _innehåll(("Ärendet", stycken))
    efter = _innehåll(("Ärendet", stycken + "<p>Nytt.</p>"))
    (avsnitt,) = jämför(före, efter)
    assert ("utelämnat", "8 oförändrade stycken") in avsnitt.stycken
    assert avsnitt.stycken[-1][0] == "tillagt"
