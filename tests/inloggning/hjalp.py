"""Logging a test client in as if the person had just authenticated, and how."""

from datetime import timedelta

from django.utils import timezone

from nämnder.inloggning.session import NYCKEL


def logga_in_nyss(client, person, *, metod="lösenord", minuter_sedan=0, nivå=""):
    client.force_login(person)
    session = client.session
    tid = timezone.now() - timedelta(minutes=minuter_sedan)
    session[NYCKEL] = {"metod": metod, "tid": tid.isoformat(), "nivå": nivå}
    session.save()
