"""What every API shares: the clients' token authentication, rate limits per client, errors as
RFC 9457 problem details, idempotency keys, ETags and cursor pages. The endpoints themselves
live in the apps (``remiss/api/``, ``yttranden/api/``), under ``/api/v1/``."""
