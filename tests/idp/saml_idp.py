"""A SAML 2.0 identity provider for the tests: pysaml2's ``Server`` in a small WSGI app, with its
own login form and session cookie. It answers AuthnRequests (HTTP-Redirect) with a signed
assertion (HTTP-POST), honours ``ForceAuthn``, reports AuthnInstant and AuthnContextClassRef,
and answers LogoutRequests.

People, groups (attribute ``isMemberOf``) and faults come from the JSON file, reread at every
request (see ``tests/idp/process.py``)::

    {"personer": {"anna": {"lösenord": …, "sub": …, "given_name": …, "groups": [...],
                           "acr": "…"}},
     "fel": {"signatur": true, "audience": true, "utgången": true},
     "auth_time_sedan_sekunder": 0}

Run: ``python -m tests.idp.saml_idp --fil idp.json --katalog DIR --sp-metadata URL``; it writes
its own metadata to DIR/idp-metadata.xml and prints ``LYSSNAR <port>``. The SP's metadata is
read from URL at the first login (Remiss's metadata exists only once the IdP's does).
"""

import argparse
import datetime
import html
import json
import secrets
import shutil
import sys
import time
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qs
from wsgiref.simple_server import make_server

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server

from tests.idp.oidc_provider import TrådadServer, TystHanterare, omdirigera, svar

LÖSENORDSKLASS = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"


def nyckelpar(katalog, namn="idp"):
    """A key and a self-signed certificate: <namn>-nyckel.pem and <namn>-cert.pem."""
    nyckel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ämne = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"Test-{namn}")])
    nu = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(ämne)
        .issuer_name(ämne)
        .public_key(nyckel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - datetime.timedelta(days=1))
        .not_valid_after(nu + datetime.timedelta(days=30))
        .sign(nyckel, hashes.SHA256())
    )
    (katalog / f"{namn}-nyckel.pem").write_bytes(
        nyckel.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    (katalog / f"{namn}-cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def konfiguration(url, katalog, sp_metadata=None, livstid=15):
    data = {
        "entityid": f"{url}/metadata",
        "service": {
            "idp": {
                "endpoints": {
                    "single_sign_on_service": [(f"{url}/sso", BINDING_HTTP_REDIRECT)],
                    "single_logout_service": [(f"{url}/slo", BINDING_HTTP_REDIRECT)],
                },
                "policy": {
                    "default": {"lifetime": {"minutes": livstid}, "name_form": NAME_FORMAT_URI}
                },
                "name_id_format": [NAMEID_FORMAT_PERSISTENT],
            }
        },
        "key_file": str(katalog / "idp-nyckel.pem"),
        "cert_file": str(katalog / "idp-cert.pem"),
        "xmlsec_binary": shutil.which("xmlsec1"),
        "metadata": {"local": [str(sp_metadata)]} if sp_metadata else {},
    }
    konf = IdPConfig()
    konf.load(data)
    return konf


class Idp:
    def __init__(self, fil, url, katalog, sp_metadata_url):
        self.fil = Path(fil)
        self.url = url
        self.katalog = katalog
        self.sp_metadata_url = sp_metadata_url
        self.servrar = None
        self.sessioner = {}

    @property
    def data(self):
        return json.loads(self.fil.read_text())

    def server(self, utgången=False):
        if self.servrar is None:  # the SP's metadata exists only once Remiss knows this IdP
            sp = self.katalog / "sp-metadata.xml"
            with urllib.request.urlopen(self.sp_metadata_url, timeout=10) as svar_:
                sp.write_bytes(svar_.read())
            self.servrar = {
                False: Server(config=konfiguration(self.url, self.katalog, sp)),
                # Assertions already past their NotOnOrAfter when issued.
                True: Server(config=konfiguration(self.url, self.katalog, sp, livstid=-10)),
            }
        return self.servrar[utgången]

    def __call__(self, environ, start_response):
        p = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if environ["REQUEST_METHOD"] == "POST":
            längd = int(environ.get("CONTENT_LENGTH") or 0)
            p.update(
                {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(längd).decode()).items()}
            )
        väg = environ["PATH_INFO"]
        if väg == "/sso":
            return self.sso(environ, start_response, p)
        if väg == "/slo":
            return self.slo(environ, start_response, p)
        return svar(start_response, "404 Not Found", "text/plain", "saknas")

    def sso(self, environ, start_response, p):
        förfrågan = self.server().parse_authn_request(p["SAMLRequest"], BINDING_HTTP_REDIRECT)
        tvinga = str(förfrågan.message.force_authn).lower() == "true"
        person, tid = self.sessioner.get(cookie(environ), (None, 0))
        if environ["REQUEST_METHOD"] == "POST":
            person, tid = self.kontrollera_lösenord(p)
            if person is None:
                return self.formulär(start_response, p, "Fel lösenord")
        elif tvinga or person is None:
            return self.formulär(start_response, p)
        kaka = secrets.token_urlsafe(16)
        self.sessioner[kaka] = (person, tid)
        sida = self.svar_till_sp(förfrågan, person, tid, p.get("RelayState", ""))
        return svar(
            start_response,
            "200 OK",
            "text/html; charset=utf-8",
            sida,
            [("Set-Cookie", f"samlidp={kaka}; Path=/")],
        )

    def svar_till_sp(self, förfrågan, användarnamn, tid, relay_state):
        data = self.data
        fel = data.get("fel", {})
        person = data["personer"][användarnamn]
        server = self.server(utgången=bool(fel.get("utgången")))
        argument = server.response_args(förfrågan.message)
        if fel.get("audience"):
            argument["sp_entity_id"] = "https://någon-annan.example.se/saml/metadata/"
        identitet = {
            "uid": [användarnamn],
            "givenName": [person.get("given_name", "")],
            "sn": [person.get("family_name", "")],
            "mail": [person.get("email", "")],
            "title": [person.get("jobTitle", "")],
            "isMemberOf": person.get("groups", []),
        }
        identitet = {k: v for k, v in identitet.items() if v and v != [""]}
        svaret = str(
            server.create_authn_response(
                identitet,
                userid=person["sub"],
                name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=person["sub"]),
                authn={
                    "class_ref": person.get("acr") or LÖSENORDSKLASS,
                    "authn_instant": tid,
                    "authn_auth": server.config.entityid,
                },
                sign_assertion=True,
                sign_response=False,
                **argument,
            )
        )
        if fel.get("signatur"):  # changed after signing: the digest no longer matches
            svaret = svaret.replace(person["given_name"], "Mallory")
        http = server.apply_binding(
            BINDING_HTTP_POST, svaret, argument["destination"], relay_state, response=True
        )
        return http["data"]

    def kontrollera_lösenord(self, p):
        person = self.data["personer"].get(p.get("användarnamn", ""))
        if person is None or not secrets.compare_digest(
            person["lösenord"].encode(), p.get("lösenord", "").encode()
        ):
            return None, 0
        return p["användarnamn"], int(time.time()) - self.data.get("auth_time_sedan_sekunder", 0)

    def formulär(self, start_response, p, fel=""):
        dolda = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
            for k, v in p.items()
            if k in ("SAMLRequest", "RelayState", "SigAlg", "Signature")
        )
        sida = f"""<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">
<title>Kommunens SAML-inloggning (test)</title></head><body><main>
<h1>Kommunens SAML-inloggning</h1>{f'<p role="alert">{fel}</p>' if fel else ""}
<form method="post" action="/sso">{dolda}
<label for="u">Användarnamn hos kommunen</label><input id="u" name="användarnamn">
<label for="l">Lösenord hos kommunen</label><input id="l" name="lösenord" type="password">
<button type="submit">Logga in hos kommunen</button></form></main></body></html>"""
        return svar(start_response, "200 OK", "text/html; charset=utf-8", sida)

    def slo(self, environ, start_response, p):
        server = self.server()
        förfrågan = server.parse_logout_request(p["SAMLRequest"], BINDING_HTTP_REDIRECT)
        self.sessioner.pop(cookie(environ), None)
        svaret = server.create_logout_response(förfrågan.message, [BINDING_HTTP_REDIRECT])
        http = server.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(svaret),
            svaret.destination,
            p.get("RelayState", ""),
            response=True,
        )
        mål = dict(http["headers"])["Location"]
        return omdirigera(start_response, mål, [("Set-Cookie", "samlidp=; Path=/; Max-Age=0")])


def cookie(environ):
    kaka = SimpleCookie(environ.get("HTTP_COOKIE", ""))
    return kaka["samlidp"].value if "samlidp" in kaka else None


def main():
    tolk = argparse.ArgumentParser()
    tolk.add_argument("--fil", required=True)
    tolk.add_argument("--katalog", required=True)
    tolk.add_argument("--sp-metadata", required=True)
    argument = tolk.parse_args()
    katalog = Path(argument.katalog)
    server = make_server(
        "127.0.0.1", 0, None, server_class=TrådadServer, handler_class=TystHanterare
    )
    # "localhost", like the live server: the IdP's POST back to Remiss stays same-site.
    url = f"http://localhost:{server.server_address[1]}"
    nyckelpar(katalog)
    (katalog / "idp-metadata.xml").write_text(
        create_metadata_string(None, config=konfiguration(url, katalog), valid=24).decode().strip()
    )
    server.set_app(Idp(argument.fil, url, katalog, argument.sp_metadata))
    print(f"LYSSNAR {server.server_address[1]}", flush=True)
    sys.stdout.close()
    server.serve_forever()


if __name__ == "__main__":
    main()
