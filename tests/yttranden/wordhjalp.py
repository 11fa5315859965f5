"""A Word draft as a handläggare writes one, built with python-docx from the utbildningsnämnden
seed (``yttranden/demotexter``): letterhead lines and the title first, then each section under
a Word heading ("Heading 2"), its paragraphs, bullet and numbered lists, italics, and the
bilagor as a numbered list under "Bilagor"."""

import html
import io
import re

from docx import Document

from yttranden.demotexter import utbildningsnamnden

BLOCK = re.compile(r"<(p|ul|ol)>(.*?)</\1>", flags=re.S)


def _körningar(stycke, inre_html):
    """Plain and italic runs, as Word holds them."""
    for del_ in re.split(r"(<em>.*?</em>)", inre_html):
        if not del_:
            continue
        kursiv = del_.startswith("<em>")
        text = html.unescape(re.sub(r"<[^>]+>", "", del_))
        stycke.add_run(text).italic = kursiv or None


def _sektion(dok, sektion_html):
    for tagg, innehåll in BLOCK.findall(sektion_html):
        if tagg == "p":
            _körningar(dok.add_paragraph(), innehåll)
            continue
        stil = "List Bullet" if tagg == "ul" else "List Number"
        for punkt in re.findall(r"<li>(.*?)</li>", innehåll, flags=re.S):
            _körningar(dok.add_paragraph(style=stil), re.sub(r"</?p>", "", punkt))


def seedens_docx(*, rubriker=None, extra=()):
    """The seed as DOCX bytes. ``rubriker`` renames sections ({seed heading: heading}),
    ``extra`` adds (heading, paragraph) pairs at the end."""
    rubriker = rubriker or {}
    dok = Document()
    dok.add_paragraph("Utbildningsförvaltningen")
    dok.add_paragraph("Handläggare Joakim Länninge, Telefon: 08-50833750")
    dok.add_heading(
        "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm",
        level=1,
    )
    for rubrik, sektion_html in utbildningsnamnden.SEKTIONER:
        dok.add_heading(rubriker.get(rubrik, rubrik), level=2)
        _sektion(dok, sektion_html)
    for rubrik, text in extra:
        dok.add_heading(rubrik, level=2)
        dok.add_paragraph(text)
    dok.add_heading("Bilagor", level=2)
    for titel in utbildningsnamnden.BILAGOR:
        dok.add_paragraph(titel, style="List Number")
    buffert = io.BytesIO()
    dok.save(buffert)
    return buffert.getvalue()


def rubriker_i(docx_bytes):
    """The document's headings in order, with their level, as Word's navigation pane shows."""
    dok = Document(io.BytesIO(docx_bytes))
    return [
        (int(s.style.name.split()[-1]), s.text)
        for s in dok.paragraphs
        if s.style.name.startswith("Heading ")
    ]
