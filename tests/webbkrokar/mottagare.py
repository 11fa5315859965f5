"""A webhook receiver for the tests: a real HTTP server on 127.0.0.1 (a thread of the test) that
checks every request's signature with the ``standardwebhooks`` package, an implementation of the
specification independent of ours, and answers as the test says: 500 (or another code) to the
first ``fel`` requests (with a Retry-After header when given one), then 200."""

import contextlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError


class Mottagare:
    def __init__(self, hemlighet="", fel=0, felkod=500, retry_after=None):
        self.hemlighet = hemlighet
        self.fel, self.felkod, self.retry_after = fel, felkod, retry_after
        self.tagna = []  # (webhook-id, payload) of every verified request answered 2xx
        self.avvisade = []  # (webhook-id, code) of every verified request answered with an error
        self.ogiltiga = []  # headers of requests whose signature did not verify
        self._lås = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._hanterare())
        self._tråd = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self._server.server_port}/remiss"

    def __enter__(self):
        self._tråd.start()
        return self

    def __exit__(self, *undantag):
        self._server.shutdown()
        self._server.server_close()

    def ids(self):
        with self._lås:
            return [meddelande_id for meddelande_id, _ in self.tagna]

    def typer(self):
        with self._lås:
            return sorted(innehåll["type"] for _, innehåll in self.tagna)

    def _ta_emot(self, kropp, rubriker):
        """The answer's code for one request."""
        try:
            innehåll = Webhook(self.hemlighet).verify(kropp, rubriker)
        except WebhookVerificationError:
            with self._lås:
                self.ogiltiga.append(rubriker)
            return 401
        meddelande_id = rubriker["webhook-id"]
        with self._lås:
            if self.fel > 0:
                self.fel -= 1
                self.avvisade.append((meddelande_id, self.felkod))
                return self.felkod
            self.tagna.append((meddelande_id, innehåll))
            return 200

    def _hanterare(self):
        mottagare = self

        class Hanterare(BaseHTTPRequestHandler):
            def do_POST(self):
                kropp = self.rfile.read(int(self.headers["Content-Length"]))
                rubriker = {namn.lower(): värde for namn, värde in self.headers.items()}
                kod = mottagare._ta_emot(kropp, rubriker)
                svar = json.dumps({"kod": kod}).encode()
                self.send_response(kod)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(svar)))
                if kod >= 400 and mottagare.retry_after:
                    self.send_header("Retry-After", mottagare.retry_after)
                self.end_headers()
                with contextlib.suppress(OSError):
                    self.wfile.write(svar)

            def log_message(self, *args):
                pass

        return Hanterare
