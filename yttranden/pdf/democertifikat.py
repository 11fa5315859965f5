"""A self-signed CA and an organisation-seal certificate for the demo and the tests.

Real deployments use an e-stämpel certificate from a trust service provider; this one only lets
the demo and the tests seal and verify PDFs the same way.
"""

import datetime
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

# id-kp-documentSigning (RFC 9336): what a seal on documents is for.
DOKUMENTSIGNERING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")


@dataclass(frozen=True)
class Democertifikat:
    ca_pem: bytes
    certifikat_pem: bytes  # the seal's certificate followed by the CA: a complete chain
    nyckel_pem: bytes


def _namn(organisation, vanligt_namn):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, vanligt_namn),
        ]
    )


def _nyckel():
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)


def _bygg(ämne, utfärdare, publik, signeringsnyckel, dagar, nu):
    return (
        x509.CertificateBuilder()
        .subject_name(ämne)
        .issuer_name(utfärdare)
        .public_key(publik)
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - datetime.timedelta(days=1))
        .not_valid_after(nu + datetime.timedelta(days=dagar))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(publik), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signeringsnyckel.public_key()),
            critical=False,
        )
    )


def skapa(organisation="Remiss demokommun", *, lösenord="", dagar=3 * 365):
    nu = datetime.datetime.now(datetime.UTC)
    ca_nyckel, nyckel = _nyckel(), _nyckel()
    ca_namn = _namn(organisation, f"{organisation} demo-CA")
    ca = (
        _bygg(ca_namn, ca_namn, ca_nyckel.public_key(), ca_nyckel, 10 * 365, nu)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_nyckel, hashes.SHA256())
    )
    certifikat = (
        _bygg(
            _namn(organisation, f"{organisation} e-stämpel"),
            ca_namn,
            nyckel.public_key(),
            ca_nyckel,
            dagar,
            nu,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([DOKUMENTSIGNERING, ExtendedKeyUsageOID.EMAIL_PROTECTION]),
            critical=False,
        )
        .sign(ca_nyckel, hashes.SHA256())
    )
    kryptering = (
        serialization.BestAvailableEncryption(lösenord.encode())
        if lösenord
        else serialization.NoEncryption()
    )
    pem = serialization.Encoding.PEM
    return Democertifikat(
        ca_pem=ca.public_bytes(pem),
        certifikat_pem=certifikat.public_bytes(pem) + ca.public_bytes(pem),
        nyckel_pem=nyckel.private_bytes(pem, serialization.PrivateFormat.PKCS8, kryptering),
    )
