"""A real SMTP server on localhost (aiosmtpd) that keeps what it accepts, for the reminder tests.

It can refuse chosen recipients, and can hold one chosen message in the middle of its SMTP
conversation so that a test can kill the worker sending it at a known point.
"""

import asyncio
import contextlib
import email
import socket
import threading
from email import policy

from aiosmtpd.controller import Controller


def ledig_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postlåda:
    """aiosmtpd handler: keeps every accepted message, parsed with the modern e-mail policy."""

    def __init__(self, port):
        self.port = port
        self.alla = []
        self.avvisa = set()
        self.håll_nummer = None  # hold the n:th recipient (1-based) until ``släpp`` is set
        self.hålls = threading.Event()
        self.släpp = threading.Event()
        self._mottagare = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.avvisa:
            return "550 5.1.1 Mottagaren finns inte"
        self._mottagare += 1
        if self._mottagare == self.håll_nummer:
            self.hålls.set()
            while not self.släpp.is_set():
                await asyncio.sleep(0.02)
            return "421 4.3.0 Avbruten"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        innehåll = envelope.original_content or envelope.content
        meddelande = email.message_from_bytes(innehåll, policy=policy.default)
        meddelande.rå = innehåll
        self.alla.append(meddelande)
        return "250 Message accepted for delivery"

    @property
    def meddelanden(self):
        """The reminders (other notifications the worker sends pass by too)."""
        return [m for m in self.alla if (m["Message-ID"] or "").startswith("<paminnelse-")]

    def till(self, adress):
        return [m for m in self.meddelanden if m["To"] == adress]


@contextlib.contextmanager
def smtpserver(port=None):
    postlåda = Postlåda(port or ledig_port())
    server = Controller(postlåda, hostname="127.0.0.1", port=postlåda.port)
    server.start()
    try:
        yield postlåda
    finally:
        postlåda.släpp.set()
        server.stop()


def brödtext(meddelande, typ="plain"):
    return meddelande.get_body(preferencelist=(typ,)).get_content()
