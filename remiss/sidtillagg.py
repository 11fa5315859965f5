"""What the app above (yttranden) adds to the remiss app's pages, without remiss importing it:
the start page's blocks for the roles whose work is tjänsteutlåtanden and beslut, and the
instans page's section on its utlåtande or its external answers.

The app registers its functions on import (``YttrandenConfig.ready``, yttranden/sidtillagg.py),
as it registers its work in the outbox (remiss/utkorg.py). A view asks here and hands the
result to its template, which only renders it: what the person may do is decided by the access
policy in the registered function, and each function reads its rows in a fixed number of
queries whatever their number.
"""

import dataclasses

_STARTSIDAN = []  # (roll, namn, funktion(user, nämnder) -> {nämnd pk: värde})
_INSTANSSIDAN = []  # funktion(user, instans) -> Del or None


@dataclasses.dataclass(frozen=True)
class Del:
    """A section of a page: the partial to include and what it shows (``innehåll``)."""

    mall: str
    innehåll: dict


def startsidan(roll, namn):
    """Register ``funktion(user, nämnder)`` for the start page's block of ``roll``: its answer,
    ``{nämnd pk: värde}``, is shown in each nämnd's block as ``block.<namn>``."""

    def registrera(funktion):
        _STARTSIDAN.append((roll, namn, funktion))
        return funktion

    return registrera


def instanssidan(funktion):
    """Register ``funktion(user, instans)``, giving the instans page a ``Del`` (or None)."""
    _INSTANSSIDAN.append(funktion)
    return funktion


def för_startsidan(user, per_nämnd):
    """``{nämnd pk: {namn: värde}}`` for the nämnder on the start page, given as
    ``[(nämnd, [roll, …]), …]``: each registered function is asked once, for every nämnd in
    which the person holds its role."""
    block = {nämnd.pk: {} for nämnd, _roller in per_nämnd}
    for roll, namn, funktion in _STARTSIDAN:
        nämnder = [nämnd for nämnd, roller in per_nämnd if roll in roller]
        if not nämnder:
            continue
        värden = funktion(user, nämnder)
        for nämnd in nämnder:
            block[nämnd.pk][namn] = värden.get(nämnd.pk)
    return block


def för_instanssidan(user, instans):
    """The sections the app above adds to ``instans``'s page, in registration order."""
    return [d for d in (funktion(user, instans) for funktion in _INSTANSSIDAN) if d is not None]
