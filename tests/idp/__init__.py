"""Identity providers the browser tests log in through: a small OpenID Connect provider
(``oidc_provider``) and a SAML IdP (``saml_idp``), each run as a process of its own on a free
port of 127.0.0.1 and each reading its people, groups and faults from a JSON file the test may
change between logins (``process``)."""
