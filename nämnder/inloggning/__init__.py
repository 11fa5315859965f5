"""Logging in with the kommun's own account: OpenID Connect (``oidc``) and SAML 2.0 (``saml``)
end in the same place (``grupper``: the person and their roles from the IdP's groups), and the
session remembers how and when the person authenticated (``session``), which the attest's
step-up check (``stegupp``) reads."""
