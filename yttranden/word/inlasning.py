"""A draft written in Word, read into the utlåtande's sections by its headings.

mammoth turns the DOCX into plain semantic HTML (headings by Word's heading styles, lists,
bold, italics; no fonts, colours or layout), the project's sanitiser (``yttranden.formatering``)
keeps what the editor allows, and the text under each heading goes into the section with that
heading. Text under a heading the utlåtande does not have goes into the nearest section before
it (or the first one), with its heading kept in bold and a notice saying so; text before the
first heading (the letterhead, "Handläggare", "Till", the title) is left out with a notice; the
list under "Bilagor" becomes the bilagor; "Attesterat av" and the stances table are the system's
own and are skipped.
"""

import re
from dataclasses import dataclass, field
from html import escape, unescape
from html.parser import HTMLParser

import mammoth
from django.utils.translation import gettext as _

from yttranden.formatering import sanera

# Swedish Word stores built-in style names in English ("heading 1"), but documents made from
# a Swedish template may carry the Swedish names.
STILAR = "\n".join(
    [
        "p[style-name='Rubrik 1'] => h1:fresh",
        "p[style-name='Rubrik 2'] => h2:fresh",
        "p[style-name='Rubrik 3'] => h3:fresh",
        "p[style-name='Rubrik 4'] => h4:fresh",
        "p[style-name='Title'] => h1:fresh",
        "p[style-name='Rubrik'] => h1:fresh",
    ]
)
RUBRIKTAGGAR = ("h1", "h2", "h3", "h4", "h5", "h6")
BILAGERUBRIKER = ("bilaga", "bilagor")
# The system's own parts: the attest, and the stances (kept in the editor's own part, not
# in a section's text).
HOPPA_ÖVER = ("attesterat av", "ställningstaganden till remissens förslag")


@dataclass
class Inläsning:
    texter: dict = field(default_factory=dict)  # {sektion pk: html}
    bilagor: list = field(default_factory=list)
    meddelanden: list = field(default_factory=list)


def _nyckel(rubrik):
    return " ".join(rubrik.replace(":", " ").split()).casefold()


class _Block(HTMLParser):
    """Splits mammoth's HTML into top-level blocks: (tag, outer HTML, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.block, self.djup, self.delar, self.tagg = [], 0, [], None

    def handle_starttag(self, tag, attrs):
        if self.djup == 0:
            self.tagg, self.delar = tag, []
        attribut = "".join(f' {k}="{escape(v or "", quote=True)}"' for k, v in attrs)
        self.delar.append(f"<{tag}{attribut}>")
        if tag not in ("br", "img"):
            self.djup += 1
        elif self.djup == 0:
            self._klart()

    def handle_startendtag(self, tag, attrs):
        # "<br />", "<img />": no depth of their own.
        if self.djup == 0:
            return
        self.delar.append(f"<{tag}>")

    def handle_endtag(self, tag):
        self.delar.append(f"</{tag}>")
        self.djup -= 1
        if self.djup == 0:
            self._klart()

    def handle_data(self, data):
        if self.djup == 0:
            if data.strip():
                self.block.append(("p", f"<p>{data}</p>", unescape(data).strip()))
            return
        self.delar.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")

    def _klart(self):
        html = "".join(self.delar)
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
        self.block.append((self.tagg, html, text))


def docx_till_html(fil):
    """The document's content as HTML (mammoth), images dropped."""
    fil.seek(0)
    resultat = mammoth.convert_to_html(
        fil, style_map=STILAR, convert_image=mammoth.images.img_element(lambda bild: {})
    )
    return resultat.value


def läs_in(fil, sektioner):
    """Read the DOCX ``fil`` against ``sektioner`` (the utlåtande's, in order)."""
    parser = _Block()
    parser.feed(docx_till_html(fil))
    parser.close()
    per_rubrik = {_nyckel(s.rubrik): s for s in sektioner}
    resultat = Inläsning()
    delar = {}  # sektion pk -> [html]
    aktuell, läge, överhoppade, tabeller = None, "före", 0, 0
    väntande_okända = []  # unknown headings before the first known one
    for tagg, html, text in parser.block:
        if tagg in RUBRIKTAGGAR:
            nyckel = _nyckel(text)
            if nyckel in per_rubrik:
                aktuell, läge = per_rubrik[nyckel], "sektion"
                delar.setdefault(aktuell.pk, [])
                for rubrik, innehåll in väntande_okända:
                    _okänd(resultat, delar, aktuell, rubrik, innehåll)
                väntande_okända = []
            elif nyckel in BILAGERUBRIKER:
                läge = "bilagor"
            elif nyckel in HOPPA_ÖVER:
                läge = "hoppa"
            elif läge == "före" and tagg == "h1" and not väntande_okända:
                continue  # the document's title
            elif aktuell is None:
                läge = "okänd_före"
                väntande_okända.append((text, []))
            else:
                läge = "sektion"
                _okänd(resultat, delar, aktuell, text, None)
            continue
        if tagg == "table":
            tabeller += 1
            continue
        if läge == "sektion":
            delar[aktuell.pk].append(html)
        elif läge == "okänd_före":
            väntande_okända[-1][1].append(html)
        elif läge == "bilagor":
            resultat.bilagor.extend(_listpunkter(html) or ([text] if text else []))
        elif läge == "före" and text:
            överhoppade += 1
    if väntande_okända and sektioner:
        for rubrik, innehåll in väntande_okända:
            _okänd(resultat, delar, sektioner[0], rubrik, innehåll)
    if överhoppade:
        resultat.meddelanden.append(
            _(
                "Texten före den första rubriken (%(antal)s stycken, t.ex. brevhuvud och "
                "titel) lästes inte in: de uppgifterna kommer från ärendet."
            )
            % {"antal": överhoppade}
        )
    if tabeller:
        resultat.meddelanden.append(
            _(
                "Tabeller läses inte in (%(antal)s st., t.ex. underskrifter): skriv in det som "
                "ska med som text."
            )
            % {"antal": tabeller}
        )
    resultat.texter = {pk: _som_redigeraren(sanera("".join(html))) for pk, html in delar.items()}
    return resultat


def _okänd(resultat, delar, sektion, rubrik, innehåll):
    """An unknown heading's text goes into ``sektion``, under its heading in bold."""
    delar.setdefault(sektion.pk, []).append(f"<p><strong>{escape(rubrik)}</strong></p>")
    if innehåll:
        delar[sektion.pk].extend(innehåll)
    resultat.meddelanden.append(
        _(
            "Rubriken ”%(rubrik)s” finns inte i utlåtandet. Texten under den ligger nu i "
            "avsnittet ”%(avsnitt)s”, med rubriken i fetstil: flytta den om den hör hemma "
            "någon annanstans."
        )
        % {"rubrik": rubrik, "avsnitt": sektion.rubrik}
    )


def _listpunkter(html):
    punkter = re.findall(r"<li[^>]*>(.*?)</li>", html, flags=re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", p)).split()) for p in punkter if p.strip()]


_PUNKT_UTAN_STYCKE = re.compile(
    r"<li>(?!<p>)((?:(?!</?(?:li|ul|ol|p)\b)[^<]|<[^>]*>)*?)(?=</li>|<ul>|<ol>)"
)


def _som_redigeraren(html):
    """List items as the editor writes them, their text in a paragraph (``<li><p>…</p>``), so
    a text read in compares equal to one written in the browser."""
    return _PUNKT_UTAN_STYCKE.sub(lambda m: f"<li><p>{m[1]}</p>", html)
