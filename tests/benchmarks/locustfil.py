"""One locust user: logs in as ``BENCH_ANVANDARE`` (password ``bench``) and requests
``BENCH_SIDA`` again and again. Run by bench_last.py, one page at a time, so each page's
throughput is its own and can be set against the bare view's."""

import os
import re

from locust import HttpUser, task

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Användare(HttpUser):
    def on_start(self):
        sida = self.client.get("/logga-in/", name="inloggning")
        träff = _CSRF.search(sida.text)
        token = träff.group(1) if träff else self.client.cookies.get("csrftoken", "")
        svar = self.client.post(
            "/logga-in/",
            {
                "username": os.environ["BENCH_ANVANDARE"],
                "password": "bench",
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": f"{self.host}/logga-in/"},
            name="inloggning",
            allow_redirects=False,
        )
        if svar.status_code != 302:
            raise RuntimeError(f"Inloggningen misslyckades: {svar.status_code}")

    @task
    def sida(self):
        with self.client.get(
            os.environ["BENCH_SIDA"], name="sida", allow_redirects=False, catch_response=True
        ) as svar:
            if svar.status_code != 200:
                svar.failure(f"status {svar.status_code}")
