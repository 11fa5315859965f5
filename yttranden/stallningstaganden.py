"""The "Ställningstaganden" part of a nämnd's answer: one stance and comment per förslag of the
remiss, from the tjänsteutlåtande (drafted, reviewed, attested with the text) through the beslut
(pre-filled from the utlåtande) to the ``Ställningstagande`` rows KS compiles when the svar is
sent. Tjänsteutlåtande, Beslut and Svar call these steps; a remiss without förslag has no rows
and every step is a no-op, so such answers are exactly as before.

An external organisation's answer (yttranden/models/externt_svar.py, its page
yttranden/views/extern.py) keeps its draft's stances in ``ExterntSvar.ställningstaganden`` as
``{"<förslag pk>": [ståndpunkt, kommentar]}`` and asks ``förslag_för``, ``saknade``, ``lämna``
and ``som_rader``; submitting writes the same ``Ställningstagande`` rows as a nämnd's svar.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from remiss.forms.forslag import StällningstagandenForm
from remiss.models import Förslag, Ställningstagande, Ståndpunkt
from remiss.models.forslag import saknade as _saknade
from yttranden import dokument
from yttranden.models.stallningstaganden import Beslutsståndpunkt, Ståndpunktsrad

RUBRIK = gettext_lazy("Ställningstaganden")


def skapa(utlåtande):
    """One empty row per förslag of the remiss (a new utlåtande). KS's own utlåtande (an
    ``eget`` instans, yttranden/eget.py) compiles the stances instead of taking them."""
    if utlåtande.instans.eget:
        return
    förslag = Förslag.objects.filter(remiss_id=utlåtande.instans.remiss_id)
    Ståndpunktsrad.objects.bulk_create(
        Ståndpunktsrad(utlåtande=utlåtande, förslag=f, ordning=f.nummer) for f in förslag
    )


def rader(utlåtande):
    return list(utlåtande.ståndpunkter.select_related("förslag").order_by("förslag__nummer"))


def värden(utlåtande):
    """``{förslag_pk: (ståndpunkt, kommentar)}``, the shape of StällningstagandenForm."""
    return {r.förslag_id: (r.ståndpunkt, r.kommentar) for r in utlåtande.ståndpunkter.all()}


def uppdatera(utlåtande, nya):
    """Store ``nya`` (``{förslag_pk: (ståndpunkt, kommentar)}``) on the rows, inside the
    utlåtande's save (its lock and version). Returns the changed rows' labels for the version."""
    if not nya:
        return []
    ändrade = []
    for rad in rader(utlåtande):
        if rad.förslag_id not in nya:
            continue
        ståndpunkt, kommentar = nya[rad.förslag_id]
        if (ståndpunkt, kommentar) != (rad.ståndpunkt, rad.kommentar):
            rad.ståndpunkt, rad.kommentar = ståndpunkt, kommentar
            ändrade.append(rad)
    if ändrade:
        Ståndpunktsrad.objects.bulk_update(ändrade, ["ståndpunkt", "kommentar"])
    return [_("Ställningstagande till förslag %(nr)s") % {"nr": r.förslag.nummer} for r in ändrade]


def innehåll(utlåtande):
    """The rows as plain data, for a version and the checksum ([] without förslag)."""
    return [
        {
            "förslag": r.förslag.nummer,
            "rubrik": r.förslag.rubrik,
            "ståndpunkt": r.ståndpunkt,
            "kommentar": r.kommentar,
        }
        for r in rader(utlåtande)
    ]


def i_innehåll(utlåtande):
    """The key a version's content gets: nothing for a remiss without förslag."""
    rader_ = innehåll(utlåtande)
    return {"ställningstaganden": rader_} if rader_ else {}


def kanoniskt(utlåtande):
    """What the attest's SHA-256 covers: förslag number, heading, stance, comment, in order."""
    return [
        [r["förslag"], r["rubrik"], r["ståndpunkt"], r["kommentar"]] for r in innehåll(utlåtande)
    ]


def kopiera(från, till):
    """A reopened utlåtande's new version starts from the same stances."""
    Ståndpunktsrad.objects.bulk_create(
        Ståndpunktsrad(
            utlåtande=till,
            förslag_id=r.förslag_id,
            ordning=r.ordning,
            ståndpunkt=r.ståndpunkt,
            kommentar=r.kommentar,
        )
        for r in från.ståndpunkter.all()
    )


def saknas(utlåtande):
    """Swedish messages for each förslag without a stance (before review)."""
    förslag = [r.förslag for r in rader(utlåtande)]
    return _saknade(förslag, värden(utlåtande))


def dokumentrader(utlåtande):
    """The document's table (preview, PDF, Word)."""
    return [
        dokument.Ställningstagande(
            nummer=r.förslag.nummer,
            förslag=r.förslag.rubrik,
            ståndpunkt=r.get_ståndpunkt_display() if r.ståndpunkt else "",
            kommentar=r.kommentar,
        )
        for r in rader(utlåtande)
    ]


def beslutets_rader(ärende, beslut=None):
    """The table on the ärende's page: the beslut's stances once decided, before that the
    utlåtande's (what the nämnd is asked to decide)."""
    if beslut is not None and (beslutade := list(beslut.ståndpunkter.select_related("förslag"))):
        return [
            dokument.Ställningstagande(
                nummer=r.förslag.nummer,
                förslag=r.förslag.rubrik,
                ståndpunkt=r.get_ståndpunkt_display(),
                kommentar=r.kommentar,
            )
            for r in beslutade
        ]
    return dokumentrader(ärende.utlåtande)


def spara_i_beslut(beslut, nya):
    """Record the nämnd's decided stances with its beslut (once, like the beslut)."""
    giltiga = set(Ståndpunkt.values)
    Beslutsståndpunkt.objects.bulk_create(
        Beslutsståndpunkt(beslut=beslut, förslag_id=pk, ståndpunkt=s, kommentar=k)
        for pk, (s, k) in nya.items()
        if s in giltiga
    )


def lämna(svar):
    """Write what reaches KS with ``svar``: a nämnd's svar gives the beslut's stances, or (a
    beslut recorded without them) the attested utlåtande's; an external answer its own.
    Nothing for a remiss without förslag."""
    if _är_externt(svar):
        return Ställningstagande.lämna(svar.instans, svar.nummer, externa_värden(svar))
    beslut = svar.beslut
    källa = list(beslut.ståndpunkter.all()) or list(beslut.ärende.utlåtande.ståndpunkter.all())
    if not källa:
        return []
    return Ställningstagande.lämna(
        svar.instans, svar.nummer, {r.förslag_id: (r.ståndpunkt, r.kommentar) for r in källa}
    )


def formulär(utlåtande, data=None, kräv_alla=False, prefix="st"):
    """The stance form for the utlåtande's rows (None without förslag)."""
    rader_ = rader(utlåtande)
    if not rader_:
        return None
    return StällningstagandenForm(
        data,
        förslag=[r.förslag for r in rader_],
        initial={r.förslag_id: (r.ståndpunkt, r.kommentar) for r in rader_},
        kräv_alla=kräv_alla,
        prefix=prefix,
    )


def inskickade(form, data):
    """The valid form's values for the förslag the request carried (each row's comment box is
    always sent; an unchosen radio group is not), so a post of the texts alone changes none."""
    return {
        pk: värde
        for pk, värde in form.värden().items()
        if form.add_prefix(f"kommentar_{pk}") in data
    }


# --- an external organisation's answer -------------------------------------------------------


def _är_externt(svar):
    from yttranden.models import ExterntSvar  # the models import this module

    return isinstance(svar, ExterntSvar)


def förslag_för(remiss):
    """The remiss's förslag, in order (none: the answer is free text only)."""
    return list(Förslag.objects.filter(remiss=remiss).order_by("nummer", "pk"))


def externa_värden(svar):
    """``{förslag pk: (ståndpunkt, kommentar)}`` of an external answer (draft or submitted)."""
    return {int(pk): (v[0], v[1]) for pk, v in (svar.ställningstaganden or {}).items()}


def som_json(värden):
    """A StällningstagandenForm's ``värden()`` as an external draft keeps them."""
    return {str(pk): [ståndpunkt, kommentar] for pk, (ståndpunkt, kommentar) in värden.items()}


def saknade(svar):
    """Errors (not tied to a field) for förslag the submitted external answer gives no stance
    on; the page's form names the fields itself."""
    fel = _saknade(förslag_för(svar.instans.remiss), externa_värden(svar))
    return {"__all__": fel} if fel else {}


def som_rader(svar):
    """``[(förslag, ståndpunkt's label, kommentar), …]`` for showing an external answer."""
    givna = externa_värden(svar)
    return [
        (str(f), Ståndpunkt(givna[f.pk][0]).label, givna[f.pk][1])
        for f in förslag_för(svar.instans.remiss)
        if givna.get(f.pk, ("", ""))[0]
    ]
