"""The one permission gateway. Every view asks here, never guardian directly.

Roles are guardian object permissions on a Nämnd. Who may see an object, and who may do each
action with it, is declared once per kind of object and state (nämnder/atkomst.py, with each
app's rules in ``<app>/atkomst.py``); this module reads roles and enforces those declarations
for single objects:

- A person who may not see the object gets 404: another förvaltning's work is not even
  confirmed to exist.
- A person who may see the object but may not do the action gets 403: an action is a name
  declared in the kind's rules (``åtgärd="granska"``), the same for a page and for the API.
"""

import functools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from guardian.shortcuts import get_group_perms, get_user_perms

from nämnder.kompilerade import Kompilerad
from nämnder.models import Nämnd, NämndGroupObjectPermission, NämndUserObjectPermission
from nämnder.roller import Roll


def roller(user, nämnd):
    """The roles ``user`` holds in ``nämnd``, directly or through a group."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cache = user.__dict__.setdefault("_roller_per_nämnd", {})
    if nämnd.pk not in cache:
        if "_alla_roller" in user.__dict__:
            return frozenset()  # alla_roller has already read every role the person holds
        koder = set(get_user_perms(user, nämnd)) | set(get_group_perms(user, nämnd))
        cache[nämnd.pk] = frozenset(Roll(kod) for kod in koder if kod in Roll.values)
    return cache[nämnd.pk]


def har_roll(user, nämnd, *begärda):
    return bool(roller(user, nämnd) & set(begärda))


def nämnder_för(user, *begärda, queryset=None):
    """The nämnder in which ``user`` holds any of ``begärda`` (all roles when none is named),
    directly or through a group: one lazy query. Read from guardian's direct-foreign-key tables
    rather than through ``get_objects_for_user``, which looks up every permission's content
    type first (seven queries for seven roles) and would count a superuser into every role."""
    queryset = queryset if queryset is not None else Nämnd.objects.all()
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    koder = [Roll(r).value for r in (begärda or tuple(Roll))]
    direkt = NämndUserObjectPermission.objects.filter(
        user=user, permission__codename__in=koder
    ).values("content_object")
    via_grupp = NämndGroupObjectPermission.objects.filter(
        group__user=user, permission__codename__in=koder
    ).values("content_object")
    return queryset.filter(Q(pk__in=direkt) | Q(pk__in=via_grupp))


def personer_med_roll(nämnd, *begärda):
    """The active people holding any of ``begärda`` in ``nämnd``, directly or through a group."""
    koder = [Roll(r).value for r in begärda]
    direkt = NämndUserObjectPermission.objects.filter(
        content_object=nämnd, permission__codename__in=koder
    ).values("user")
    via_grupp = NämndGroupObjectPermission.objects.filter(
        content_object=nämnd, permission__codename__in=koder
    ).values("group")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=direkt) | Q(groups__in=via_grupp), is_active=True)
        .distinct()
    )


def medarbetare(nämnd):
    """``[(person, [roll, …]), …]``: the active people holding roles in ``nämnd``, directly or
    through a group, by name, each with their roles in Roll order. Three queries."""
    direkt = NämndUserObjectPermission.objects.filter(
        content_object=nämnd, user__is_active=True, permission__codename__in=Roll.values
    ).values_list("user_id", "permission__codename")
    via_grupp = NämndGroupObjectPermission.objects.filter(
        content_object=nämnd, group__user__is_active=True, permission__codename__in=Roll.values
    ).values_list("group__user", "permission__codename")
    per_person = {}
    for person_pk, kod in [*direkt, *via_grupp]:
        per_person.setdefault(person_pk, set()).add(Roll(kod))
    personer = (
        get_user_model().objects.filter(pk__in=per_person).order_by("last_name", "first_name", "pk")
    )
    ordning = list(Roll)
    return [(p, sorted(per_person[p.pk], key=ordning.index)) for p in personer]


def personer_per_nämnd(*begärda, nämnder=None):
    """``{nämnd pk: {user pk, …}}`` of the active people holding any of ``begärda``, directly or
    through a group, in every nämnd (or those in ``nämnder``): two queries whatever their number."""
    koder = [Roll(r).value for r in begärda]
    direkt = NämndUserObjectPermission.objects.filter(
        permission__codename__in=koder, user__is_active=True
    ).values_list("content_object_id", "user_id")
    via_grupp = NämndGroupObjectPermission.objects.filter(
        permission__codename__in=koder, group__user__is_active=True
    ).values_list("content_object_id", "group__user")
    per_nämnd = {}
    for rader in (direkt, via_grupp):
        if nämnder is not None:
            rader = rader.filter(content_object__in=nämnder)
        for nämnd_pk, user_pk in rader:
            per_nämnd.setdefault(nämnd_pk, set()).add(user_pk)
    return per_nämnd


def alla_roller(user):
    """Every (nämnd, roll) pair of ``user``, in nämnd name and role order, in one query.

    Kept on the user object, so a page that asks again (the view, then the navigation) does
    not ask the database again; later ``roller()`` calls are answered from it too."""
    if not user.is_authenticated or not user.is_active:
        return []
    if "_alla_roller" in user.__dict__:
        return user.__dict__["_alla_roller"]
    sql, kolumner, omvandlare = _rollfråga()
    per_nämnd = {}
    with connection.cursor() as markör:
        markör.execute(sql, [user.pk, user.pk])
        for *värden, kod in markör.fetchall():
            if kod not in Roll.values:
                continue
            if värden[0] not in per_nämnd:
                for nr, omvandla in omvandlare:
                    värden[nr] = omvandla(värden[nr], None, connection)
                per_nämnd[värden[0]] = (Nämnd.from_db(connection.alias, kolumner, värden), set())
            per_nämnd[värden[0]][1].add(Roll(kod))
    cache = user.__dict__.setdefault("_roller_per_nämnd", {})
    cache.update({pk: frozenset(r) for pk, (_nämnd, r) in per_nämnd.items()})
    ordning = list(Roll)
    user.__dict__["_alla_roller"] = [
        (nämnd, roll)
        for nämnd, koder in sorted(per_nämnd.values(), key=lambda par: par[0].namn)
        for roll in sorted(koder, key=ordning.index)
    ]
    return user.__dict__["_alla_roller"]


@functools.cache
def _rollfråga():
    """The SQL of every nämnd in which a person holds a permission, with its codename, held
    directly or through a group (guardian's two tables in one round trip, as every page asks
    it first), and the nämnd's columns in order. Written once per process: built through the
    ORM it took longer to compile than to run."""
    namn = connection.ops.quote_name
    nämnd_kolumner = [f.attname for f in Nämnd._meta.concrete_fields]
    # What the ORM does to each value it reads (none of Nämnd's fields needs it today).
    omvandlare = [
        (nr, omvandla)
        for nr, f in enumerate(Nämnd._meta.concrete_fields)
        for omvandla in [
            *connection.ops.get_db_converters(f.get_col("n")),
            *f.get_db_converters(connection),
        ]
    ]
    välj = ", ".join(f'"n".{namn(f.column)}' for f in Nämnd._meta.concrete_fields)
    nämnd, behörighet = namn(Nämnd._meta.db_table), namn(Permission._meta.db_table)
    grupper = get_user_model()._meta.get_field("groups").remote_field.through._meta
    gruppens_person = next(f for f in grupper.fields if f.related_model is get_user_model())
    gruppens_grupp = next(f for f in grupper.fields if f.related_model is Group)

    def del_(tabell, villkor, mer=""):
        return (
            f'SELECT {välj}, "p"."codename" FROM {namn(tabell._meta.db_table)} AS "r" '
            f'JOIN {behörighet} AS "p" ON "p"."id" = "r"."permission_id" '
            f'JOIN {nämnd} AS "n" ON "n"."id" = "r"."content_object_id" {mer}WHERE {villkor}'
        )

    sql = (
        del_(NämndUserObjectPermission, '"r"."user_id" = %s')
        + " UNION ALL "
        + del_(
            NämndGroupObjectPermission,
            f'"g".{namn(gruppens_person.column)} = %s',
            f'JOIN {namn(grupper.db_table)} AS "g" '
            f'ON "g".{namn(gruppens_grupp.column)} = "r"."group_id" ',
        )
    )
    return sql, nämnd_kolumner, omvandlare


def kan_se(user, obj):
    from nämnder import atkomst

    return atkomst.kan_se(user, obj)


def får(user, obj, åtgärd):
    from nämnder import atkomst

    return atkomst.får(user, obj, åtgärd)


def kommunstyrelsen_för(user, åtgärd):
    """The active kommunstyrelse, if ``user`` may do ``åtgärd`` there (``"samordna_remisser"``:
    register remisser, keep the register of external organisations), else 403."""
    ks = Nämnd.objects.filter(typ=Nämnd.Typ.KOMMUNSTYRELSE, aktiv=True)
    return hämta_för_användare(user, ks, åtgärd=åtgärd)


def hämta_för_användare(user, queryset, *, åtgärd=None, **lookup):
    """Return the object ``queryset.get(**lookup)`` if ``user`` may see it and do ``åtgärd``
    with it (or merely see it, when no action is named); otherwise raise 404 or 403.
    ``queryset`` may also be a ``Kompilerad`` (nämnder/kompilerade.py), given ``lookup`` as its
    values: a page's object read through SQL compiled once per process."""
    alla_roller(user)  # read every role once; the checks, the page and the menu reuse them
    if isinstance(queryset, Kompilerad):
        obj = queryset.första(**lookup)
    else:
        obj = get_object_or_404(queryset, **lookup)
    if obj is None or not kan_se(user, obj):
        raise Http404
    if åtgärd and not får(user, obj, åtgärd):
        raise PermissionDenied
    return obj
