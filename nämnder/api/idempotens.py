"""``Idempotency-Key`` on POST: the first request with a key runs and its response is kept, in the
same transaction as what it did; the same key again gets that response back (with
``Idempotent-Replayed: true``) and nothing happens twice. The same key with another request is
refused (422). A request that fails rolls back its key with everything else, so it may be sent
again. Keys are per client: two clients never see each other's."""

import functools
import hashlib
import json

from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework.response import Response

from nämnder.api.fel import TYPER, Problem
from nämnder.models import Idempotensnyckel

LÄNGSTA_NYCKEL = 255


def fingeravtryck(request):
    """The request as a hash: method, path, query and body (each file by its content)."""
    summa = hashlib.sha256()
    summa.update(f"{request.method} {request.get_full_path()}\n".encode())
    data, filer = request.data, getattr(request, "FILES", {})
    # A multipart body's fields (its files are hashed by content below), or the JSON as sent.
    fält = {k: v for k, v in data.lists() if k not in filer} if hasattr(data, "lists") else data
    summa.update(json.dumps(fält, sort_keys=True, default=str).encode())
    for namn in sorted(filer):
        for fil in filer.getlist(namn):
            summa.update(f"\n{namn}={fil.name}:".encode())
            for bit in fil.chunks():
                summa.update(bit)
            fil.seek(0)
    return summa.hexdigest()


def idempotent(metod):
    """Wrap a view's ``post`` so that an ``Idempotency-Key`` makes it safe to repeat."""

    @functools.wraps(metod)
    def omsluten(self, request, *args, **kwargs):
        nyckel = request.headers.get("Idempotency-Key")
        if nyckel is None:
            return metod(self, request, *args, **kwargs)
        if not nyckel.strip() or len(nyckel) > LÄNGSTA_NYCKEL:
            raise Problem(
                400,
                _("Idempotency-Key ska vara 1–%(n)s tecken.") % {"n": LÄNGSTA_NYCKEL},
                TYPER["idempotens"],
            )
        avtryck = fingeravtryck(request)
        with transaction.atomic():
            rad, ny = Idempotensnyckel.objects.select_for_update().get_or_create(
                klient=request.auth, nyckel=nyckel, defaults={"fingeravtryck": avtryck}
            )
            if not ny:
                return _upprepa(rad, avtryck)
            svar = metod(self, request, *args, **kwargs)
            rad.status, rad.svar = svar.status_code, svar.data
            rad.plats = svar.get("Location", "")
            rad.save(update_fields=["status", "svar", "plats"])
        return svar

    return omsluten


def _upprepa(rad, avtryck):
    if rad.fingeravtryck != avtryck:
        raise Problem(
            422,
            _(
                "Idempotency-Key har redan använts för en annan begäran. Använd en ny nyckel "
                "för en ny begäran."
            ),
            TYPER["idempotens"],
        )
    svar = Response(rad.svar, status=rad.status)
    svar["Idempotent-Replayed"] = "true"
    if rad.plats:
        svar["Location"] = rad.plats
    return svar
