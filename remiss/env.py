"""Typed readers for environment variables.

Each helper fails loudly, naming the variable, when a value is set but cannot be read, so that a
typo in a deployment stops the process at start-up instead of silently running with a default.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on", "ja", "sant"}
FALSE_WORDS = {"0", "false", "no", "off", "nej", "falskt", ""}


def _raw(name):
    value = os.environ.get(name)
    return None if value is None else value.strip()


def env_str(name, default=None, *, required=False):
    value = _raw(name)
    if value:
        return value
    if required:
        raise ImproperlyConfigured(f"Miljövariabeln {name} måste anges.")
    return default


def env_bool(name, default):
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in TRUE_WORDS:
        return True
    if value.lower() in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"Miljövariabeln {name} har värdet {value!r}; ange true eller false."
    )


def env_int(name, default, *, minimum=None):
    value = _raw(name)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"Miljövariabeln {name} har värdet {value!r}; ange ett heltal."
        ) from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(
            f"Miljövariabeln {name} har värdet {number}; det minsta tillåtna är {minimum}."
        )
    return number


def env_list(name, default=()):
    value = _raw(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_database(name, default):
    value = _raw(name) or default
    try:
        config = dj_database_url.parse(value, conn_max_age=600, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"Miljövariabeln {name} kunde inte tolkas som en databas-URL: {error}"
        ) from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(f"Miljövariabeln {name} anger en okänd databastyp.")
    return config


def env_url(name, default=None, *, schemes):
    value = _raw(name)
    if not value:
        return default
    scheme = value.split("://", 1)[0] if "://" in value else ""
    if scheme not in schemes:
        allowed = ", ".join(f"{s}://" for s in schemes)
        raise ImproperlyConfigured(
            f"Miljövariabeln {name} har värdet {value!r}; den ska börja med {allowed}."
        )
    return value
