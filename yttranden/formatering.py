"""Formatted text in a tjänsteutlåtande: what the editor offers and what the server lets through.

The editor (django-prose-editor) and the sanitiser are configured from the same list, so that
nothing a handläggare can write is lost on save and nothing else survives: pasted styles,
scripts, event handlers, iframes, images and data URLs are dropped. Text is sanitised when it is
saved and again when it is rendered, so a row written by any other path is still harmless.
"""

import re
from html.parser import HTMLParser

import nh3

# Inside a section: subheadings, paragraphs, bold/italic, lists, links and quotations — what
# officials use in Word for these documents. The section's own heading is outside the text.
REDIGERARENS_TILLÄGG = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
    # The package switches the browser's spelling check off by default; officials want it.
    "NoSpellCheck": False,
    # Plain buttons rather than the package's drop-down, which is not reachable by keyboard.
    "Menu": {
        "groups": [
            {"group": "blockType -lists"},
            {"group": "lists"},
            {"group": "nodes -blockType -lists"},
            {"group": "marks"},
            {"group": "link"},
            {"group": "history"},
        ]
    },
}

TAGGAR = {"p", "br", "h3", "h4", "strong", "em", "ul", "ol", "li", "a", "blockquote"}
ATTRIBUT = {"a": {"href", "title"}, "ol": {"start"}}
_rensare = nh3.Cleaner(
    tags=TAGGAR,
    attributes=ATTRIBUT,
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer",
    strip_comments=True,
    clean_content_tags={"script", "style"},
)
_TOMT = re.compile(r"^(\s|<p>\s*(<br>)?\s*</p>)*$")


# Headings from Word (or any page) at levels the text does not use become the nearest level it
# does, so a pasted or imported "Rubrik 1" stays a heading instead of losing its text's role.
_RUBRIKNIVÅ = re.compile(r"<(/?)h([1-6])(?=[\s>/])", flags=re.I)
_NÄRMASTE = {"1": "3", "2": "3", "3": "3", "4": "4", "5": "4", "6": "4"}


# Word and older editors mark bold and italics with <b> and <i>: the same meaning, kept.
_FET_KURSIV = re.compile(r"<(/?)(b|i)(?=[\s>/])", flags=re.I)
_SOM = {"b": "strong", "i": "em"}


def _rubriknivåer(html):
    html = _RUBRIKNIVÅ.sub(lambda m: f"<{m[1]}h{_NÄRMASTE[m[2]]}", html)
    return _FET_KURSIV.sub(lambda m: f"<{m[1]}{_SOM[m[2].lower()]}", html)


def sanera(html):
    """The allowed part of ``html``; an editor's empty paragraph becomes the empty string."""
    rent = _rensare.clean(_rubriknivåer(html or "")).strip()
    return "" if _TOMT.match(rent) else rent


def är_tom(html):
    return not text_av(html).strip()


class _Textblock(HTMLParser):
    """Splits formatted text into its blocks (paragraphs, list items, headings, quotations)."""

    BLOCK = {"p", "li", "h3", "h4", "blockquote", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.block, self.aktuellt = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCK:
            self._avsluta()

    def handle_endtag(self, tag):
        if tag in self.BLOCK:
            self._avsluta()

    def handle_data(self, data):
        self.aktuellt.append(data)

    def _avsluta(self):
        text = " ".join("".join(self.aktuellt).split())
        if text:
            self.block.append(text)
        self.aktuellt = []


def textblock(html):
    parser = _Textblock()
    parser.feed(html or "")
    parser.close()
    parser._avsluta()
    return parser.block


def text_av(html):
    return "\n".join(textblock(html))
