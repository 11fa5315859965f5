"""A small OpenID Connect provider for the tests, on joserfc (the JOSE library Authlib itself
uses) and Authlib's PKCE helper: discovery, JWKS, authorization endpoint with its own login
form and session cookie, token endpoint (authorization code + PKCE S256, each code once),
RP-initiated logout. It honours ``prompt=login`` and ``max_age`` and reports ``auth_time`` and
``acr``.

Its people and their groups, the registered client and the faults to commit are read from the
JSON file at every request (see ``tests/idp/process.py``)::

    {"klient": {"id": …, "hemlighet": …, "omdirigeringar": [...], "utloggningar": [...]},
     "personer": {"anna": {"lösenord": …, "sub": …, "given_name": …, "groups": [...],
                           "acr": "…"}},
     "fel": {"signatur": true, "audience": true, "nonce": true, "utgången": true,
             "state": true},
     "auth_time_sedan_sekunder": 0}

Run: ``python -m tests.idp.oidc_provider --fil idp.json``; it prints ``LYSSNAR <port>``.
"""

import argparse
import base64
import html
import json
import secrets
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs, unquote, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.jwk import RSAKey

NYCKEL = RSAKey.generate_key(2048, parameters={"kid": "idp-1", "use": "sig", "alg": "RS256"})
# Signs with the same kid when told to forge: the RP must reject the signature, not the kid.
FEL_NYCKEL = RSAKey.generate_key(2048, parameters={"kid": "idp-1", "use": "sig", "alg": "RS256"})


class Provider:
    def __init__(self, fil, url):
        self.fil = Path(fil)
        self.url = url
        self.sessioner = {}  # cookie -> (person, auth_time)
        self.koder = {}  # code -> what the token endpoint needs

    @property
    def data(self):
        return json.loads(self.fil.read_text())

    def __call__(self, environ, start_response):
        väg = environ["PATH_INFO"]
        metod = environ["REQUEST_METHOD"]
        parametrar = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if metod == "POST":
            längd = int(environ.get("CONTENT_LENGTH") or 0)
            kropp = environ["wsgi.input"].read(längd).decode()
            parametrar.update({k: v[0] for k, v in parse_qs(kropp).items()})
        hanterare = {
            "/.well-known/openid-configuration": self.metadata,
            "/jwks": self.jwks,
            "/authorize": self.authorize,
            "/token": self.token,
            "/logout": self.logout,
        }.get(väg)
        if hanterare is None:
            return svar(start_response, "404 Not Found", "text/plain", "saknas")
        return hanterare(environ, start_response, parametrar)

    def metadata(self, environ, start_response, p):
        return json_svar(
            start_response,
            {
                "issuer": self.url,
                "authorization_endpoint": f"{self.url}/authorize",
                "token_endpoint": f"{self.url}/token",
                "jwks_uri": f"{self.url}/jwks",
                "end_session_endpoint": f"{self.url}/logout",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "token_endpoint_auth_methods_supported": [
                    "client_secret_basic",
                    "client_secret_post",
                ],
                "claims_supported": ["sub", "name", "email", "groups", "acr", "auth_time"],
            },
        )

    def jwks(self, environ, start_response, p):
        return json_svar(start_response, {"keys": [NYCKEL.as_dict(private=False)]})

    def authorize(self, environ, start_response, p):
        klient = self.data["klient"]
        if (
            p.get("client_id") != klient["id"]
            or p.get("redirect_uri") not in klient["omdirigeringar"]
        ):
            return svar(start_response, "400 Bad Request", "text/plain", "okänd klient")
        if p.get("response_type") != "code" or p.get("code_challenge_method") != "S256":
            return svar(start_response, "400 Bad Request", "text/plain", "kräver code + PKCE")
        person, tid = self.sessioner.get(cookie(environ), (None, 0))
        if environ["REQUEST_METHOD"] == "POST":
            person, tid = self.kontrollera_lösenord(p)
            if person is None:
                return self.inloggningsformulär(start_response, p, "Fel lösenord")
        elif p.get("prompt") == "login" or person is None or för_gammal(tid, p.get("max_age")):
            return self.inloggningsformulär(start_response, p)
        nytt_cookie = secrets.token_urlsafe(16)
        self.sessioner[nytt_cookie] = (person, tid)
        kod = secrets.token_urlsafe(24)
        self.koder[kod] = {**p, "person": person, "auth_time": tid}
        state = "förfalskad" if self.data.get("fel", {}).get("state") else p.get("state", "")
        mål = p["redirect_uri"] + "?" + urlencode({"code": kod, "state": state})
        return omdirigera(start_response, mål, [("Set-Cookie", f"idp={nytt_cookie}; Path=/")])

    def kontrollera_lösenord(self, p):
        person = self.data["personer"].get(p.get("användarnamn", ""))
        if person is None or not secrets.compare_digest(
            person["lösenord"].encode(), p.get("lösenord", "").encode()
        ):
            return None, 0
        return p["användarnamn"], int(time.time()) - self.data.get("auth_time_sedan_sekunder", 0)

    def inloggningsformulär(self, start_response, p, fel=""):
        dolda = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
            for k, v in p.items()
            if k not in ("användarnamn", "lösenord")
        )
        sida = f"""<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">
<title>Kommunens inloggning (test)</title></head><body><main>
<h1>Kommunens inloggning</h1>{f'<p role="alert">{fel}</p>' if fel else ""}
<form method="post" action="/authorize">{dolda}
<label for="u">Användarnamn hos kommunen</label><input id="u" name="användarnamn">
<label for="l">Lösenord hos kommunen</label><input id="l" name="lösenord" type="password">
<button type="submit">Logga in hos kommunen</button></form></main></body></html>"""
        return svar(start_response, "200 OK", "text/html; charset=utf-8", sida)

    def token(self, environ, start_response, p):
        klient = self.data["klient"]
        klient_id, hemlighet = klientuppgifter(environ, p)
        if klient_id != klient["id"] or hemlighet != klient["hemlighet"]:
            return json_svar(start_response, {"error": "invalid_client"}, "401 Unauthorized")
        kod = self.koder.pop(p.get("code", ""), None)  # each code once: a replay finds nothing
        if (
            kod is None
            or p.get("grant_type") != "authorization_code"
            or p.get("redirect_uri") != kod["redirect_uri"]
            or create_s256_code_challenge(p.get("code_verifier", "")) != kod["code_challenge"]
        ):
            return json_svar(start_response, {"error": "invalid_grant"}, "400 Bad Request")
        return json_svar(
            start_response,
            {
                "access_token": secrets.token_urlsafe(24),
                "token_type": "Bearer",
                "expires_in": 300,
                "id_token": self.id_token(kod),
            },
        )

    def id_token(self, kod):
        data = self.data
        fel = data.get("fel", {})
        person = data["personer"][kod["person"]]
        nu = int(time.time())
        påståenden = {
            "iss": self.url,
            "sub": person["sub"],
            "aud": "någon-annan" if fel.get("audience") else kod["client_id"],
            "iat": nu - 900 if fel.get("utgången") else nu,
            "exp": nu - 600 if fel.get("utgången") else nu + 300,
            "auth_time": kod["auth_time"],
            "nonce": "fel-nonce" if fel.get("nonce") else kod.get("nonce"),
            "preferred_username": kod["person"],
            "groups": person.get("groups", []),
        }
        for fält in ("given_name", "family_name", "email", "jobTitle", "acr"):
            if person.get(fält):
                påståenden[fält] = person[fält]
        nyckel = FEL_NYCKEL if fel.get("signatur") else NYCKEL
        return jwt.encode({"alg": "RS256", "kid": "idp-1"}, påståenden, nyckel)

    def logout(self, environ, start_response, p):
        self.sessioner.pop(cookie(environ), None)
        mål = p.get("post_logout_redirect_uri")
        if mål not in self.data["klient"].get("utloggningar", []):
            return svar(start_response, "200 OK", "text/plain; charset=utf-8", "Utloggad")
        if p.get("state"):
            mål += "?" + urlencode({"state": p["state"]})
        return omdirigera(start_response, mål, [("Set-Cookie", "idp=; Path=/; Max-Age=0")])


def för_gammal(tid, max_age):
    return max_age is not None and time.time() - tid > int(max_age)


def cookie(environ):
    kaka = SimpleCookie(environ.get("HTTP_COOKIE", ""))
    return kaka["idp"].value if "idp" in kaka else None


def klientuppgifter(environ, p):
    rubrik = environ.get("HTTP_AUTHORIZATION", "")
    if rubrik.startswith("Basic "):
        klient_id, _, hemlighet = base64.b64decode(rubrik[6:]).decode().partition(":")
        return unquote(klient_id), unquote(hemlighet)
    return p.get("client_id"), p.get("client_secret")


def svar(start_response, status, typ, text, rubriker=()):
    start_response(status, [("Content-Type", typ), *rubriker])
    return [text.encode()]


def json_svar(start_response, data, status="200 OK"):
    return svar(start_response, status, "application/json", json.dumps(data))


def omdirigera(start_response, mål, rubriker=()):
    return svar(start_response, "302 Found", "text/plain", "", [("Location", mål), *rubriker])


class TrådadServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class TystHanterare(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def main():
    tolk = argparse.ArgumentParser()
    tolk.add_argument("--fil", required=True)
    argument = tolk.parse_args()
    server = make_server(
        "127.0.0.1", 0, None, server_class=TrådadServer, handler_class=TystHanterare
    )
    port = server.server_address[1]
    server.set_app(Provider(argument.fil, f"http://127.0.0.1:{port}"))
    print(f"LYSSNAR {port}", flush=True)
    sys.stdout.close()
    server.serve_forever()


if __name__ == "__main__":
    main()
