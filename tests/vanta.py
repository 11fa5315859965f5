"""Waiting on what can be observed, never sleeping and hoping: work a real Celery worker or SMTP
server does beside the test."""

import threading
import time
from collections import Counter

import pytest
from celery.signals import after_task_publish, task_postrun
from kombu.exceptions import ChannelError


def vänta_tills(villkor, sekunder=30):
    """Poll ``villkor()`` until it is true, and return what it returned; fail after
    ``sekunder``. For work a real Celery worker or SMTP server does beside the test."""
    slut = time.monotonic() + sekunder
    while time.monotonic() < slut:
        if resultat := villkor():
            return resultat
        time.sleep(0.05)
    pytest.fail(f"Det blev inte klart inom {sekunder} s.")


class Uppgifter:
    """The Celery messages this process publishes while it is connected, and which of them this
    process's worker (``celeryarbetare``, a thread) has run.

    A retry publishes the task's id again and runs it again, so both sides count per id. When
    every published message has been run, nothing this test set going can still happen: that is
    the moment to assert that something did *not* happen (a second e-mail, a third attempt)."""

    def __init__(self):
        self.publicerade, self.körda, self._lås = Counter(), Counter(), threading.Lock()

    def _publicerad(self, sender=None, headers=None, **kwargs):
        with self._lås:
            self.publicerade[sender, headers["id"]] += 1

    def _körd(self, sender=None, task_id=None, **kwargs):
        with self._lås:
            self.körda[sender.name, task_id] += 1

    def anslut(self):
        after_task_publish.connect(self._publicerad, weak=False)
        task_postrun.connect(self._körd, weak=False)

    def koppla_från(self):
        after_task_publish.disconnect(self._publicerad)
        task_postrun.disconnect(self._körd)

    def alla_körda(self, *uppgifter):
        """Whether every message published so far (of the tasks named, or of all) has run."""
        namn = {getattr(uppgift, "name", uppgift) for uppgift in uppgifter}
        with self._lås:
            return all(
                self.körda[nyckel] >= antal
                for nyckel, antal in self.publicerade.items()
                if not namn or nyckel[0] in namn
            )

    def vänta_tills_alla_körda(self, *uppgifter, sekunder=30):
        """Wait until the worker has run every message published so far, retries included, of
        the tasks named (a task or its name) or of all. Name them when a task the test does not
        look at may be waiting out a long retry."""
        vänta_tills(lambda: self.alla_körda(*uppgifter), sekunder)


def vänta_tills_arbetaren_hunnit_ikapp(kö, sekunder=30):
    """Wait until a worker in another process has finished every message queued on ``kö``.

    A no-op message goes last on the queue; once it has been taken off, the message before it is
    done, because the worker takes one message at a time and acknowledges it only when it is done
    (prefetch multiplier 1, concurrency 1, acks_late, as settings.py and the test's worker set).
    Messages delayed with a countdown are not covered: the worker holds those aside."""
    from remiss.celery import app

    app.send_task("celery.accumulate", queue=kö)
    with app.connection_for_read() as anslutning:
        vänta_tills(lambda: _meddelanden_på(anslutning.default_channel, kö) == 0, sekunder)


def _meddelanden_på(kanal, kö):
    try:
        return kanal.queue_declare(queue=kö, passive=True).message_count
    except ChannelError:  # the Redis transport drops an empty queue's key
        return 0
