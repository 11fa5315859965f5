"""Sanitised section HTML (the tags ``yttranden.formatering`` lets through) into python-docx
paragraphs: headings, paragraphs, bullet and numbered lists, quotations, bold, italics, links
as their text. Lists use Word's own list styles; each numbered list gets a numbering of its
own that starts at its first number, as in the document (Word's "List Number" would otherwise
run on from one list to the next)."""

from html.parser import HTMLParser

from docx.shared import Pt

from yttranden.formatering import sanera

RUBRIKNIVÅ = {"h3": 3, "h4": 4}


def ny_numrering(dok, start=1):
    """A numbering of its own (``numId``) for one numbered list, on Word's "List Number"
    definition, restarting at ``start``."""
    numrering = dok.part.numbering_part.element
    stil = dok.styles["List Number"].element
    abstrakt = numrering.num_having_numId(stil.pPr.numPr.numId.val).abstractNumId.val
    ny = numrering.add_num(abstrakt)
    ny.add_lvlOverride(ilvl=0).add_startOverride(start)
    return ny.numId


class _Skrivare(HTMLParser):
    def __init__(self, dok):
        super().__init__(convert_charrefs=True)
        self.dok = dok
        self.stycke = None
        self.fet = self.kursiv = 0
        self.listor = []  # [["ul"|"ol", next number], …]
        self.citat = 0

    # --- blocks -----------------------------------------------------------------------------

    def _nytt_stycke(self, stil=None):
        self.stycke = self.dok.add_paragraph(style=stil)
        if self.citat:
            self.stycke.paragraph_format.left_indent = Pt(24)
        return self.stycke

    def _listpunkt(self):
        typ, numrering = self.listor[-1]
        nivå = len(self.listor) - 1
        if typ == "ul":
            stycke = self._nytt_stycke("List Bullet" if nivå == 0 else "List Bullet 2")
        else:
            stycke = self._nytt_stycke("List Number" if nivå == 0 else "List Number 2")
            egenskaper = stycke._p.get_or_add_pPr().get_or_add_numPr()
            egenskaper.get_or_add_ilvl().val = 0
            egenskaper.get_or_add_numId().val = numrering
        stycke.paragraph_format.space_after = Pt(0)

    def handle_starttag(self, tag, attrs):
        if tag in RUBRIKNIVÅ:
            self.stycke = self.dok.add_heading(level=RUBRIKNIVÅ[tag])
        elif tag == "p":
            if self.listor and self.stycke is not None and self._i_tom_punkt():
                return  # the editor's <li><p>: the item's paragraph is the item
            self._nytt_stycke()
        elif tag in ("ul", "ol"):
            start = dict(attrs).get("start") or "1"
            numrering = ny_numrering(self.dok, int(start) if start.isdigit() else 1)
            self.listor.append([tag, numrering if tag == "ol" else None])
        elif tag == "li":
            self._listpunkt()
        elif tag == "blockquote":
            self.citat += 1
        elif tag == "strong":
            self.fet += 1
        elif tag == "em":
            self.kursiv += 1
        elif tag == "br" and self.stycke is not None:
            self.stycke.add_run().add_break()

    def _i_tom_punkt(self):
        return not "".join(r.text for r in self.stycke.runs).strip()

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.listor:
            self.listor.pop()
        elif tag == "blockquote":
            self.citat = max(0, self.citat - 1)
        elif tag == "strong":
            self.fet = max(0, self.fet - 1)
        elif tag == "em":
            self.kursiv = max(0, self.kursiv - 1)
        elif tag in ("p", "li", *RUBRIKNIVÅ) and not self.listor:
            self.stycke = None

    def handle_data(self, data):
        if not data.strip() and (self.stycke is None or "\n" in data):
            return
        if self.stycke is None:
            self._nytt_stycke()
        körning = self.stycke.add_run(" ".join(data.split("\n")))
        körning.bold = bool(self.fet) or None
        körning.italic = bool(self.kursiv) or None


def skriv_html(dok, html):
    """Append ``html`` (sanitised again here) to the python-docx document ``dok``."""
    skrivare = _Skrivare(dok)
    skrivare.feed(sanera(html))
    skrivare.close()
