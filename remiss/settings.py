"""Settings for Remiss, read from environment variables (see README.md, "Konfiguration")."""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from remiss.env import env_bool, env_database, env_int, env_list, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("REMISS_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", required=not DEBUG) or "django-insecure-endast-for-utveckling"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "guardian",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_htmx",
    "django_prose_editor",
    "nämnder",
    "remiss",
    "yttranden",
    # After the project's apps: nämnder's catalogue keeps Django's wording where DRF's Swedish
    # differs (nämnder/locale), so the web's forms read as before.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "nämnder.inloggning.krav.KravPåEngångskod",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Axes last, as its documentation asks: it must see the finished authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "remiss.urls"
WSGI_APPLICATION = "remiss.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "remiss.navigation.navigering",
                "nämnder.context_processors.kommun",
            ],
        },
    },
]

# The embedded default is a SQLite file, so that `make run` works on a machine with nothing else.
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# A form's choices from a queryset (ModelChoiceField) are read with .iterator(), which on
# PostgreSQL declares a server-side cursor: three round trips (DECLARE, FETCH, CLOSE) for a list
# of a few dozen nämnder on every page with such a filter. The project reads no result large
# enough to need one (it also keeps working behind a transaction-pooling pgbouncer).
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server, so psycopg prepares a query it has run five times on a
    # connection and PostgreSQL plans it once: a page's queries are the same every time, and
    # planning a join over eight tables took longer than running it (1.7 against 0.2 ms).
    # Django turns psycopg's preparing off unless told (prepare_threshold), for the poolers
    # that cannot keep prepared statements: DATABASE_PREPARED_STATEMENTS=false behind one.
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True
    if env_bool("DATABASE_PREPARED_STATEMENTS", True):
        DATABASES["default"]["OPTIONS"].setdefault("prepare_threshold", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "nämnder.Användare"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"

# Single sign-on with the kommun's identity provider (README "Inloggning med kommunens konto").
# OpenID Connect is on when REMISS_OIDC_ISSUER is set; then the client id and secret must be.
REMISS_OIDC_ISSUER = env_url("REMISS_OIDC_ISSUER", schemes=("https",))
REMISS_OIDC_CLIENT_ID = env_str("REMISS_OIDC_CLIENT_ID", required=bool(REMISS_OIDC_ISSUER))
REMISS_OIDC_CLIENT_SECRET = env_str("REMISS_OIDC_CLIENT_SECRET", required=bool(REMISS_OIDC_ISSUER))
REMISS_OIDC_SCOPES = env_str("REMISS_OIDC_SCOPES", "openid profile email")
REMISS_OIDC_GROUPS_CLAIM = env_str("REMISS_OIDC_GROUPS_CLAIM", "groups")
REMISS_OIDC_TITLE_CLAIM = env_str("REMISS_OIDC_TITLE_CLAIM", "jobTitle")
# SAML 2.0 is on when REMISS_SAML_IDP_METADATA names the IdP's metadata (a file or an https
# URL); Remiss signs its requests with its own key pair, which must then be given.
REMISS_SAML_IDP_METADATA = env_str("REMISS_SAML_IDP_METADATA")
if REMISS_SAML_IDP_METADATA and "://" in REMISS_SAML_IDP_METADATA:
    env_url("REMISS_SAML_IDP_METADATA", schemes=("https",))
elif REMISS_SAML_IDP_METADATA and not Path(REMISS_SAML_IDP_METADATA).is_file():
    raise ImproperlyConfigured(
        f"Miljövariabeln REMISS_SAML_IDP_METADATA: filen {REMISS_SAML_IDP_METADATA} finns inte."
    )
REMISS_SAML_CERT = env_str("REMISS_SAML_CERT", required=bool(REMISS_SAML_IDP_METADATA))
REMISS_SAML_KEY = env_str("REMISS_SAML_KEY", required=bool(REMISS_SAML_IDP_METADATA))
REMISS_SAML_ENTITY_ID = env_str("REMISS_SAML_ENTITY_ID")  # default: the SP metadata's URL
REMISS_SAML_GROUPS_ATTRIBUTE = env_str("REMISS_SAML_GROUPS_ATTRIBUTE", "isMemberOf")
REMISS_SAML_TITLE_ATTRIBUTE = env_str("REMISS_SAML_TITLE_ATTRIBUTE", "title")
# Local passwords: on for the demo; off, only a superuser (the break-glass administrator) may
# still log in with a password.
REMISS_LOSENORD_INLOGGNING = env_bool("REMISS_LOSENORD_INLOGGNING", True)
# One-time codes (TOTP) for local accounts: optional for everyone; on, staff (is_staff) who log
# in with a password must have one (single sign-on is left to the IdP's MFA).
REMISS_KRAV_ENGANGSKOD = env_bool("REMISS_KRAV_ENGANGSKOD", False)
OTP_TOTP_ISSUER = "Remiss"
# Whom a person whose groups give no role should ask (shown to them), e.g. "IT-servicedesk,
# 08-508 000 00".
REMISS_SSO_KONTAKT = env_str("REMISS_SSO_KONTAKT", "")
# Step-up for attest: the direktör's authentication may be at most this many minutes old and,
# when the IdP reports an assurance level (OIDC acr, SAML AuthnContextClassRef), one of these
# levels (comma-separated, the accepted values as the IdP spells them; empty: any level).
REMISS_ATTEST_MAX_MINUTER = env_int("REMISS_ATTEST_MAX_MINUTER", 15, minimum=1)
REMISS_ATTEST_NIVAER = env_list("REMISS_ATTEST_NIVAER")
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

# django-guardian: object permissions on nämnder carry the roles. No anonymous user row.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

# django-axes: throttle repeated failed logins per user name and address.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0, minimum=0)

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
NODE_MODULES = BASE_DIR / "node_modules"
# Front-end packages come from npm at install time (make run / make test); Django serves them
# from node_modules under a stable prefix so templates never name a package's internal layout.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/designsystemet", NODE_MODULES / "@digdir" / "designsystemet-css" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/inter", NODE_MODULES / "@fontsource" / "inter"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploaded handlingar live outside the web root and are served only through views that check
# permissions, never by the static file server.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "handlingar")))
MEDIA_URL = "/_handlingar/"  # never routed: handlingar are served by permission-checking views
# The largest handling (PDF, DOCX, XLSX, ODT) a remiss may carry, in megabytes.
REMISS_MAX_UPLOAD_MB = env_int("REMISS_MAX_UPLOAD_MB", 25, minimum=1)
# The largest form a browser may post, files aside (those have REMISS_MAX_UPLOAD_MB). A whole
# tjänsteutlåtande is rarely over 200 kB of text, twice that as HTML, and the editor's autosave
# posts every section at once: 5 MB leaves room for long tables while a paste of megabytes of
# Word markup is refused with a Swedish message naming the limit (remiss/views/fel.py).
REMISS_MAX_FORMULAR_MB = env_int("REMISS_MAX_FORMULAR_MB", 5, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = REMISS_MAX_FORMULAR_MB * 1024 * 1024

# Redis is used as cache and as Celery's broker when configured.
REDIS_URL = env_url("REDIS_URL", schemes=("redis", "rediss", "unix"))
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }

CELERY_BROKER_URL = env_url(
    "CELERY_BROKER_URL", REDIS_URL, schemes=("redis", "rediss", "amqp", "amqps", "memory")
)
# With no broker the demo runs tasks in the web process; the log says so at start-up.
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Beat's schedule. Each entry expires before the next is due, so a backlog after an outage
# runs once, not once per missed interval. Several sweeps at once are harmless (paminnelser.py).
CELERY_BEAT_SCHEDULE = {
    "utkorgen": {
        "task": "remiss.tasks.utkorg.svep",
        "schedule": timedelta(seconds=env_int("REMISS_UTKORG_SVEP_SEKUNDER", 60, minimum=1)),
        "options": {"expires": 50},
    },
    "påminnelser": {
        "task": "remiss.tasks.paminnelser.svep",
        "schedule": timedelta(minutes=5),
        "options": {"expires": 4 * 60},
    },
    "idempotensnycklar": {
        "task": "nämnder.tasks.rensa_idempotens",
        "schedule": timedelta(hours=1),
        "options": {"expires": 50 * 60},
    },
}
# An API POST's Idempotency-Key is kept this long: the same key within it replays the answer,
# after it the request is done again (a client retries within minutes, not days).
REMISS_API_IDEMPOTENS_TIMMAR = env_int("REMISS_API_IDEMPOTENS_TIMMAR", 24, minimum=1)

# The outbox (remiss/utkorg.py). A claimed row whose worker has not finished within the lease
# is taken over: the lease must exceed the task's hard time limit, which exceeds the soft one.
REMISS_UTKORG_MJUK_TIDSGRANS = 150
REMISS_UTKORG_TIDSGRANS = 180
REMISS_UTKORG_LASTID_SEKUNDER = env_int("REMISS_UTKORG_LASTID_SEKUNDER", 240, minimum=1)
# A row published this long ago and still not claimed is published again (its message was lost).
REMISS_UTKORG_KOMARGINAL_SEKUNDER = env_int("REMISS_UTKORG_KOMARGINAL_SEKUNDER", 300, minimum=1)
# Transient errors are retried after 1, 2, 4 … times this many seconds (at most an hour).
REMISS_UTKORG_BACKOFF_SEKUNDER = env_int("REMISS_UTKORG_BACKOFF_SEKUNDER", 60, minimum=1)
# The most rows one sweep publishes; the next sweep takes the rest.
REMISS_UTKORG_SVEP_HOGST = 5_000
# Webhook receivers (remiss/webbkrokar.py) must be https unless DEBUG or this allows plain http.
REMISS_WEBBKROK_TILLAT_HTTP = env_bool("REMISS_WEBBKROK_TILLAT_HTTP", False)

# Deadline reminders (remiss/paminnelser.py). Days before the deadline (negative: after it).
REMISS_PAMINNELSER_DAGAR = [14, 7, 2, 0, -1, -7]
# An instans still without a handläggare this many days after arrival alerts the registrator.
REMISS_PAMINNELSER_OTILLDELAD_DAGAR = 3
# KS's daily digest: sent on weekdays from this hour; "at risk" = due within this many days and
# not yet attested.
REMISS_PAMINNELSER_SAMMANSTALLNING_KLOCKAN = 7
REMISS_PAMINNELSER_RISK_DAGAR = 7
# The meeting-calendar check (nämnder/kalender.py): preparation a nämnd needs before a meeting.
REMISS_BEREDNINGSTID_DAGAR = 14

# External organisations' personal links (remiss/models/svarslank.py): valid until the instans's
# svarsdatum plus this many days, unless KS sets a date; at most this many refused links per
# address within the lock-out, after which that address gets 429 until it has passed.
REMISS_SVARSLANK_DAGAR = env_int("REMISS_SVARSLANK_DAGAR", 30, minimum=0)
REMISS_SVARSLANK_FORSOK = env_int("REMISS_SVARSLANK_FORSOK", 10, minimum=1)
REMISS_SVARSLANK_SPARR_MINUTER = env_int("REMISS_SVARSLANK_SPARR_MINUTER", 15, minimum=1)
# The longest answer an external organisation may write (characters of HTML).
REMISS_EXTERNT_SVAR_MAX_TECKEN = 200_000

# E-mail: SMTP when EMAIL_HOST is set, otherwise printed to the console (demo).
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured(
        "Miljövariablerna EMAIL_USE_TLS och EMAIL_USE_SSL utesluter varandra."
    )
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30, minimum=1)
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = EMAIL_HOST or "localhost"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Remiss <remiss@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: strict by default outside DEBUG; `manage.py check --deploy` is clean in production.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60, minimum=60)
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    # A personal link's secret never reaches a log: Django's request and server loggers name
    # the path of every refused request (remiss/svarslank.py).
    "filters": {"dolj_svarslankar": {"()": "remiss.svarslank.DöljSvarslänkar"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"level": "INFO", "filters": ["dolj_svarslankar"]},
        "django.request": {"filters": ["dolj_svarslankar"]},
        "axes": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},  # one line per page rendered otherwise
    },
}

# Demo logins are shown on the login page only when this is on (make run turns it on).
REMISS_DEMO = env_bool("REMISS_DEMO", False)

# The organisation seal (e-stämpel) on archived PDFs: certificate chain (PEM, the seal's own
# certificate first), its private key and the key's password. `manage.py check` reports a bad
# one; `manage.py create_demo_certificate` makes a self-signed one. See README "Signerade PDF:er".
REMISS_SIGILL_CERT = Path(env_str("REMISS_SIGILL_CERT", str(VAR_DIR / "sigill" / "sigill.pem")))
REMISS_SIGILL_NYCKEL = Path(
    env_str("REMISS_SIGILL_NYCKEL", str(VAR_DIR / "sigill" / "sigill-nyckel.pem"))
)
REMISS_SIGILL_LOSENORD = env_str("REMISS_SIGILL_LOSENORD", "")
# An RFC 3161 timestamp authority makes the seal PAdES B-T; without it, B-B.
REMISS_TSA_URL = env_url("REMISS_TSA_URL", schemes=("http", "https"))

FORM_RENDERER = "remiss.formrenderer.FormRenderer"

# The API (README "API"): API clients' tokens only (no session, so no CSRF), JSON in and out,
# errors as problem details, cursor pages, a rate limit per client counted in the cache (Redis).
REMISS_API_GRANS = env_str("REMISS_API_GRANS", "600/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["nämnder.api.autentisering.ApiToken"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["nämnder.api.strypning.PerKlient"],
    "DEFAULT_PAGINATION_CLASS": "nämnder.api.sidor.Markörsidor",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "nämnder.api.fel.hanterare",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATETIME_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Remiss API",
    "DESCRIPTION": (
        "Remisser, remissinstanser, tjänsteutlåtanden, beslut och svar för kommunens diarium "
        "och andra system. Varje anrop görs som API-klientens roller (omfång) och går genom "
        "samma åtkomstregler som webbsidorna. Fel är problem enligt RFC 9457."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "APPEND_COMPONENTS": {
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
    },
    "SECURITY": [{"token": []}],
    "ENUM_NAME_OVERRIDES": {
        "RemissStatus": "remiss.models.Remiss.Status",
        "InstansStatus": "remiss.models.Remissinstans.Status",
        "AnstandStatus": "remiss.models.Anstånd.Status",
        "UtlatandeStatus": "yttranden.models.Tjänsteutlåtande.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "nämnder.api.schema.problemsvar",
    ],
    "AUTHENTICATION_WHITELIST": ["nämnder.api.autentisering.ApiToken"],
}
