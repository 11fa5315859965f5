"""The access policy's mechanism: who may see an object and who may do what with it, declared
once per kind of object and state.

Each app declares the rules of its own objects (nämnd and sammanträde at the end of this file,
``remiss/atkomst.py``, ``yttranden/atkomst.py``) as a ``Slag``: for each state
(a ``Läge``) the audiences (``Publik``) that may see an object in it, and for each action the
audiences (with roles) that may do it. Everything that decides access reads those declarations:

- ``kan_se(user, obj)`` and ``får(user, obj, åtgärd)``: the gateway (nämnder.permissions) for
  single objects, and the flags views hand to templates;
- ``synliga(user, queryset)``: every list, export and download of many objects
  (``remisser_för(user)`` and its siblings are this, for one model);
- ``nycklar(obj)``: the search index's access tokens (remiss.models.sokpost).

An audience is at once a set of access tokens on the object and a filter on a queryset, and a
person holds tokens for their roles (``nycklar_för``), so the single-object check, the lists and
search agree by construction: an object is visible to a person exactly when its tokens and
theirs meet. The tokens: ``n5`` (any role in nämnd 5), ``n5:lasare`` (that role there),
``ks5`` (one of KS's roles in KS, nämnd 5), ``alla`` (any role anywhere: an allmän handling)
and ``inloggad`` (signed in, with or without a role).

States are unions: an object in several matching states is visible to all their audiences.
"""

import dataclasses
import functools
import operator

from django.db.models import Q

from nämnder.permissions import alla_roller
from nämnder.roller import KS_ROLLER, Roll

ALLA = "alla"
INLOGGAD = "inloggad"


def nyckel(nämnd_id, roll=None):
    return f"n{nämnd_id}:{Roll(roll).value}" if roll else f"n{nämnd_id}"


def ks_nyckel(nämnd_id):
    return f"ks{nämnd_id}"


def nycklar_för(user):
    """Every access token ``user`` holds, from the roles read once per request."""
    if not user.is_authenticated or not user.is_active:
        return []
    nycklar = {INLOGGAD}
    for nämnd, roll in alla_roller(user):
        nycklar |= {ALLA, nyckel(nämnd.pk), nyckel(nämnd.pk, roll)}
        if roll in KS_ROLLER:
            nycklar.add(ks_nyckel(nämnd.pk))
    return sorted(nycklar)


class _Roller:
    """A person's roles as ``{roll: {nämnd pk, …}}``, for building query filters. Equal for two
    people with the same roles in the same nämnder: their filters are the same (see ``Slag``)."""

    def __init__(self, user):
        self.inloggad = bool(user.is_authenticated and user.is_active)
        self.per_roll = {}
        for nämnd, roll in alla_roller(user) if self.inloggad else []:
            self.per_roll.setdefault(roll, set()).add(nämnd.pk)
        self._nyckel = (
            self.inloggad,
            frozenset((roll, frozenset(nämnder)) for roll, nämnder in self.per_roll.items()),
        )

    def __eq__(self, annan):
        return isinstance(annan, _Roller) and self._nyckel == annan._nyckel

    def __hash__(self):
        return hash(self._nyckel)

    def nämnder(self, roller=()):
        roller = roller or self.per_roll.keys()
        return sorted(set().union(*(self.per_roll.get(r, set()) for r in roller)))


def värde(obj, väg):
    """``obj.a.b`` for the lookup path ``a__b`` (related objects are read as loaded)."""
    for del_ in väg.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, del_)
    return obj


def _prefixa(q, prefix):
    """``q`` with every lookup moved under the relation ``prefix``."""
    if q is INGET:
        return INGET
    ny = Q()
    ny.connector, ny.negated = q.connector, q.negated
    ny.children = [
        _prefixa(barn, prefix) if isinstance(barn, Q) else (f"{prefix}__{barn[0]}", barn[1])
        for barn in q.children
    ]
    return ny


# Filters that match nothing and everything. Not Q(): an empty Q vanishes when combined
# (``INGET | Q()`` is INGET), so "everyone" must be a real condition.
INGET = Q(pk__in=[])
ALLT = Q(pk__isnull=False)


def _eller(delar):
    """``a | b | …``, leaving out what matches nothing. A filter on a path through a relation
    (``remiss__nämnd_id__in=[]`` for someone with no KS role) would otherwise still join that
    relation into every list and count, only for the empty condition to be dropped."""
    delar = [d for d in delar if d is not INGET]
    if any(d is ALLT for d in delar):
        return ALLT
    return functools.reduce(operator.or_, delar) if delar else INGET


def _och(a, b):
    """``a & b``, leaving out what matches everything (no ``id IS NOT NULL`` in the SQL)."""
    if a is INGET or b is INGET:
        return INGET
    if a is ALLT:
        return b
    return a if b is ALLT else a & b


def _i(väg, nämnder):
    """``väg`` is one of ``nämnder`` (INGET when there are none: no join for nothing)."""
    return Q(**{f"{väg}__in": nämnder}) if nämnder else INGET


# --- states -------------------------------------------------------------------------------------


class Läge:
    """A state of an object: answered both for an object (``gäller``) and as a filter (``q``)."""

    def gäller(self, obj):
        raise NotImplementedError

    def q(self):
        raise NotImplementedError

    def __and__(self, annat):
        return _Och(self, annat)

    def __invert__(self):
        return _Inte(self)


@dataclasses.dataclass(frozen=True)
class Fält(Läge):
    """The value at ``väg`` (``status``, ``instans__status``) is one of ``värden``."""

    väg: str
    värden: tuple

    def __init__(self, väg, *värden):
        object.__setattr__(self, "väg", väg)
        object.__setattr__(self, "värden", tuple(värden))

    def gäller(self, obj):
        return värde(obj, self.väg) in self.värden

    def q(self):
        return Q(**{f"{self.väg}__in": list(self.värden)})


class Alltid(Läge):
    def gäller(self, obj):
        return True

    def q(self):
        return ALLT


@dataclasses.dataclass(frozen=True)
class _Och(Läge):
    a: Läge
    b: Läge

    def gäller(self, obj):
        return self.a.gäller(obj) and self.b.gäller(obj)

    def q(self):
        return _och(self.a.q(), self.b.q())


@dataclasses.dataclass(frozen=True)
class _Inte(Läge):
    a: Läge

    def gäller(self, obj):
        return not self.a.gäller(obj)

    def q(self):
        return ~self.a.q()


# --- audiences ----------------------------------------------------------------------------------


class Publik:
    """Who: the tokens an object gives this audience, and the filter for a person's roles."""

    def nycklar(self, obj, slag):
        raise NotImplementedError

    def q(self, roller, slag):
        raise NotImplementedError


@dataclasses.dataclass(frozen=True)
class Egna(Publik):
    """People with a role (any, or one of ``roller``) in the object's own nämnd."""

    roller: tuple = ()

    def __init__(self, *roller):
        object.__setattr__(self, "roller", tuple(Roll(r) for r in roller))

    def nycklar(self, obj, slag):
        nämnd_id = värde(obj, slag.nämnd)
        if nämnd_id is None:  # an external organisation's: no nämnd, no one's own
            return []
        return [nyckel(nämnd_id, r) for r in self.roller] or [nyckel(nämnd_id)]

    def q(self, roller, slag):
        return _i(slag.nämnd, roller.nämnder(self.roller))


@dataclasses.dataclass(frozen=True)
class KS(Publik):
    """KS's people in the kommunstyrelse the object's remiss came from: those with one of KS's
    own roles (remissamordnare, läsare), or only those with ``roller``."""

    roller: tuple = ()

    def __init__(self, *roller):
        object.__setattr__(self, "roller", tuple(Roll(r) for r in roller))

    def nycklar(self, obj, slag):
        ks_id = värde(obj, slag.ks)
        return [nyckel(ks_id, r) for r in self.roller] or [ks_nyckel(ks_id)]

    def q(self, roller, slag):
        return _i(slag.ks, roller.nämnder(self.roller or KS_ROLLER))


@dataclasses.dataclass(frozen=True)
class RollerI(Publik):
    """People with one of ``roller`` in the nämnd at the lookup path ``väg``: for a kind whose
    objects belong to different nämnder by type (a PDF is its utlåtande's or its meeting's)."""

    väg: str
    roller: tuple

    def __init__(self, väg, *roller):
        object.__setattr__(self, "väg", väg)
        object.__setattr__(self, "roller", tuple(Roll(r) for r in roller))

    def nycklar(self, obj, slag):
        nämnd_id = värde(obj, self.väg)
        return [] if nämnd_id is None else [nyckel(nämnd_id, r) for r in self.roller]

    def q(self, roller, slag):
        return _i(self.väg, roller.nämnder(self.roller))


class Alla(Publik):
    """Everyone with a role in some nämnd: what is an allmän handling inside the organisation."""

    def nycklar(self, obj, slag):
        return [ALLA]

    def q(self, roller, slag):
        return ALLT if roller.per_roll else INGET


class Inloggade(Publik):
    """Everyone signed in, role or not."""

    def nycklar(self, obj, slag):
        return [INLOGGAD]

    def q(self, roller, slag):
        return ALLT if roller.inloggad else INGET


@dataclasses.dataclass(frozen=True)
class Som(Publik):
    """Whoever may see the related object at ``fält`` (a handling is seen as its remiss)."""

    fält: str

    def nycklar(self, obj, slag):
        relaterat = värde(obj, self.fält)
        return nycklar(relaterat) if relaterat is not None else []

    def q(self, roller, slag):
        relaterad = slag.modell._meta.get_field(self.fält.split("__")[0]).related_model
        for del_ in self.fält.split("__")[1:]:
            relaterad = relaterad._meta.get_field(del_).related_model
        return _prefixa(_slag(relaterad)._q(roller), self.fält)


# --- actions ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Regel:
    """One way to be allowed an action: in state ``läge``, being in one of ``vem``, and (when
    given) ``villkor(obj, user)``, for what no role says (the utlåtande's own handläggare)."""

    vem: tuple
    läge: Läge = Alltid()
    villkor: object = None

    def tillåter(self, user, obj, slag, användarens):
        if not self.läge.gäller(obj):
            return False
        if not any(set(p.nycklar(obj, slag)) & användarens for p in self.vem):
            return False
        return self.villkor is None or bool(self.villkor(obj, user))


# --- a kind of object ---------------------------------------------------------------------------


class Slag:
    """The declaration for one model: ``nämnd`` and ``ks`` are the lookup paths to the owning
    nämnd's pk and to the KS nämnd's pk; ``se`` lists (Läge, [Publik, …]) pairs; ``göra`` maps
    an action's name to its Regel(s)."""

    def __init__(self, modell, *, nämnd, ks=None, se, göra=None):
        self.modell, self.nämnd, self.ks = modell, nämnd, ks
        self.se = [(läge, tuple(publik)) for läge, publik in se]
        self.göra = {
            namn: tuple(regler) if isinstance(regler, list | tuple) else (regler,)
            for namn, regler in (göra or {}).items()
        }

    def nycklar(self, obj):
        return list(
            dict.fromkeys(
                n
                for läge, publik in self.se
                if läge.gäller(obj)
                for p in publik
                for n in p.nycklar(obj, self)
            )
        )

    # A filter depends on nothing but the kind and the roles, so it is built once per set of
    # roles and process: a page asks for two or three, and building one (the audiences, the
    # subquery of a remiss's recipients) cost about a millisecond each. A Q is not changed by
    # filtering with it (Django copies what it resolves), so one can serve every request.
    @functools.lru_cache(maxsize=4096)  # noqa: B019 - the kinds are module-level, never freed
    def _q(self, roller):
        return _eller(
            _och(läge.q(), _eller(p.q(roller, self) for p in publik)) for läge, publik in self.se
        )

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - as _q
    def _åtgärd_q(self, roller, åtgärd):
        delar = []
        for regel in self.göra[åtgärd]:
            if regel.villkor is not None:
                raise ValueError(f"{åtgärd!r} har ett villkor som inte kan bli ett filter")
            delar.append(_och(regel.läge.q(), _eller(p.q(roller, self) for p in regel.vem)))
        return _eller(delar)

    def får(self, user, obj, åtgärd):
        regler = self.göra.get(åtgärd)
        if regler is None:
            raise KeyError(f"{self.modell.__name__} har ingen åtgärd {åtgärd!r}")
        användarens = set(nycklar_för(user))
        return any(r.tillåter(user, obj, self, användarens) for r in regler)


_SLAG = {}


def registrera(slag):
    _SLAG[slag.modell] = slag
    return slag


def _slag(modell):
    try:
        return _SLAG[modell._meta.concrete_model]
    except KeyError:
        raise LookupError(f"Ingen åtkomstregel för {modell.__name__}") from None


def alla_slag():
    return list(_SLAG.values())


# --- what the rest of the project asks ----------------------------------------------------------


def nycklar(obj):
    """The access tokens that may see ``obj`` (stored with its search post)."""
    return _slag(type(obj)).nycklar(obj)


def kan_se(user, obj):
    """Whether ``user`` may see ``obj``: the first audience that admits them answers, so that
    an audience costing a query (a remiss's recipients) is asked only when needed."""
    slag, användarens = _slag(type(obj)), set(nycklar_för(user))
    return any(
        set(p.nycklar(obj, slag)) & användarens
        for läge, publik in slag.se
        if läge.gäller(obj)
        for p in publik
    )


def får(user, obj, åtgärd):
    """Whether ``user`` may do ``åtgärd`` (a name in the kind's ``göra``) with ``obj``."""
    return _slag(type(obj)).får(user, obj, åtgärd)


def roller(user):
    """``user``'s roles as the filters see them: equal and hashable for two people with the
    same roles, so a query built for one serves the other (nämnder/kompilerade.py)."""
    return user if isinstance(user, _Roller) else _Roller(user)


def synliga(user, queryset):
    """``queryset`` narrowed to what ``user`` (a person or their ``roller``) may see: a plain
    filter, to order or annotate."""
    return queryset.filter(_slag(queryset.model)._q(roller(user)))


def egna_nämnder(user, modell, åtgärd):
    """The pks of the nämnder whose own objects of ``modell`` ``user`` may do ``åtgärd`` with
    (the nämnder a person works in, for that action): for a list's 403 and its headings."""
    roller, nämnder = _Roller(user), set()
    for regel in _slag(modell).göra[åtgärd]:
        for publik in regel.vem:
            if isinstance(publik, Egna):
                nämnder |= set(roller.nämnder(publik.roller))
    return nämnder


def tillåtna(user, queryset, åtgärd):
    """``queryset`` narrowed to what ``user`` may see and do ``åtgärd`` with (an action whose
    rules have no ``villkor``)."""
    slag, deras = _slag(queryset.model), roller(user)
    return queryset.filter(slag._q(deras)).filter(slag._åtgärd_q(deras, åtgärd))


# --- nämnder's own objects ----------------------------------------------------------------------

from nämnder.models import Nämnd, Sammanträde  # noqa: E402 (the mechanism first, then its use)

NÄMND = registrera(
    Slag(
        Nämnd,
        nämnd="pk",
        # Who the nämnder are and how to reach them is public inside the organisation.
        se=[(Alltid(), [Inloggade()])],
        göra={
            # Meetings and the meeting plan: the nämnd's secretary.
            "planera": Regel((Egna(Roll.NÄMNDSEKRETERARE),)),
            # KS's remissamordnare registers remisser and decides anstånd from KS's own pages.
            "samordna_remisser": Regel((Egna(Roll.REMISSAMORDNARE),)),
            # A calendar feed of a nämnd's meetings and deadlines: anyone working in it.
            "följa_kalender": Regel((Egna(),)),
        },
    )
)

SAMMANTRÄDE = registrera(
    Slag(
        Sammanträde,
        nämnd="nämnd_id",
        # The agenda is the nämnd's; a sent answer is read on its ärende (yttranden/atkomst.py).
        se=[(Alltid(), [Egna()])],
        göra={"ändra": Regel((Egna(Roll.NÄMNDSEKRETERARE),))},
    )
)
