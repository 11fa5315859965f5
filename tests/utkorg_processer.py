"""Real processes for the outbox's fault tests: a Redis server of the test's own (started and
stopped at will), the app's broker pointed at it, and ``celery -A remiss worker`` (with its
beat, sweeping every second) as a separate process that a test can SIGKILL."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings as django_settings
from django.db import connection

from tests.remiss.paminnelse_smtp import ledig_port


def databas_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class EgenRedis:
    """``redis-server`` on a free port, without persistence: stopped, it forgets everything."""

    def __init__(self, katalog):
        self.port, self.katalog, self.process = ledig_port(), katalog, None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def starta(self):
        kommando = [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1"]
        kommando += ["--save", "", "--appendonly", "no", "--dir", str(self.katalog)]
        self.process = subprocess.Popen(kommando, stdout=subprocess.DEVNULL)
        slut = time.monotonic() + 20
        while time.monotonic() < slut:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5),
            ):
                return
            time.sleep(0.05)
        raise RuntimeError("redis-server startade inte")

    def stoppa(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=20)


@contextlib.contextmanager
def appens_broker(url):
    """Point this process's Celery app (what ``on_commit`` publishes with) at ``url``."""
    from remiss.celery import app

    def nollställ():
        app._pool = None
        app.amqp._producer_pool = None

    tidigare = app.conf.broker_url
    app.conf.broker_url = url
    nollställ()
    try:
        yield app
    finally:
        app.conf.broker_url = tidigare
        nollställ()


class Arbetare:
    """``celery -A remiss worker`` in its own process group, on ``broker`` and this test's
    database, with beat inside (``-B``) sweeping the outbox every second."""

    def __init__(self, broker, katalog, miljö):
        self.broker, self.katalog, self.miljö, self.process = broker, katalog, miljö, None

    def starta(self, **extra):
        from remiss.celery import app

        miljö = {
            **os.environ,
            "DATABASE_URL": databas_url(),
            "REDIS_URL": self.broker,
            "CELERY_BROKER_URL": self.broker,
            "REMISS_UTKORG_SVEP_SEKUNDER": "1",
            **self.miljö,
            **extra,
        }
        köer = f"celery,{app.conf.task_default_queue}"
        kommando = [
            *(sys.executable, "-m", "celery", "-A", "remiss", "worker", "-B"),
            *("-s", str(self.katalog / "beat-schema"), "-Q", köer, "-c", "1", "-P", "prefork"),
            *("-l", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"),
        ]
        self.process = subprocess.Popen(
            kommando, env=miljö, cwd=django_settings.BASE_DIR, start_new_session=True
        )
        return self

    def döda(self, signal_=signal.SIGKILL):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal_)
            self.process.wait(timeout=30)
