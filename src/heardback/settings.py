"""heardback settings: every value comes from the environment (see .env.example)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def envstr(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


def envrate(name: str, default: str) -> str:
    """A rate such as '1200/m': a positive number of requests per s, m, h or d."""
    raw = envstr(name, default).replace(" ", "") or default
    count, _, period = raw.partition("/")
    if not (count.isdigit() and int(count) > 0 and period in {"s", "m", "h", "d"}):
        raise ImproperlyConfigured(
            f"{name} must be a rate such as '1200/m' (per s, m, h or d), got {raw!r}"
        )
    return raw


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in envstr(name, default).split(",") if item.strip()]


CACHE_TABLE = "heardback_cache"


def cache_settings(url: str) -> dict[str, object]:
    """Translate CACHE_URL: empty or db:// (the database: every process shares the counts),
    redis:// or rediss:// (faster shared counts), locmem:// (this process only: one machine,
    one process, or tests)."""
    scheme = urlsplit(url).scheme
    if not url or scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if scheme not in {"redis", "rediss"}:
        raise ImproperlyConfigured(
            f"CACHE_URL scheme must be db, redis, rediss or locmem, got {scheme!r}"
        )
    return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}


def email_settings(url: str) -> dict[str, object]:
    """Translate EMAIL_URL (console://, smtp://, smtps://, submission://, locmem://) to settings."""
    parts = urlsplit(url)
    scheme = parts.scheme
    if scheme == "console":
        if "links=show" in parts.query:
            return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
        return {"EMAIL_BACKEND": "heardback.core.logs.RedactingConsoleEmailBackend"}
    if scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if scheme not in {"smtp", "smtps", "submission"}:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme must be console, smtp, smtps or submission, got {scheme!r}"
        )
    default_port = {"smtp": 25, "smtps": 465, "submission": 587}[scheme]
    query = parse_qs(parts.query)
    try:
        port = parts.port or default_port
    except ValueError:
        raise ImproperlyConfigured(f"EMAIL_URL has a bad port: {url!r}") from None
    timeout = query.get("timeout", ["30"])[0]
    # Without a timeout a silent server holds the worker forever; 0 would fail every send.
    if not timeout.isdigit() or int(timeout) < 1:
        raise ImproperlyConfigured(
            f"EMAIL_URL timeout must be a whole number of seconds, 1 or more, got {timeout!r}"
        )
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": scheme == "smtps",
        "EMAIL_USE_TLS": scheme == "submission" or query.get("starttls") == ["1"],
        "EMAIL_TIMEOUT": int(timeout),
    }


DEBUG = envbool("DEBUG", False)
SECRET_KEY = envstr("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (see .env.example), "
            "or set DEBUG=1 on a development machine."
        )
    # The demo's own key when `heardback demo` made one here, so that the links it printed and
    # the emails it queued still open under `heardback runserver`; else a fixed one.
    _demo_key = Path(envstr("HEARDBACK_VAR_DIR", "var")) / "demo_secret_key"
    SECRET_KEY = (
        _demo_key.read_text().strip()
        if _demo_key.is_file()
        else "insecure-development-only-key"  # DEBUG only
    )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
HEARDBACK_BASE_URL = envstr("HEARDBACK_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
VAR_DIR = Path(envstr("HEARDBACK_VAR_DIR", "var")).resolve()
# The SQLite file and collected static files live here; SQLite will not create the folder.
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "heardback.core",
    "heardback.accounts",
    "heardback.hiring",
    "heardback.feedback",
    "heardback.outbox",
    "heardback.closure",
    "heardback.portal",
    "heardback.integrations",
    "heardback.reroute",
    "heardback.partners",
    "heardback.api",
    "heardback.seeker",
    "heardback.demo",
    "ninja",  # serves the API docs page's scripts itself instead of from a CDN
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "heardback.core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "heardback.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees the view's own answer, with the user and their language known.
    "heardback.core.middleware.MethodNotAllowedPageMiddleware",
]

ROOT_URLCONF = "heardback.urls"
WSGI_APPLICATION = "heardback.wsgi.application"

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
                "django.template.context_processors.i18n",
                "heardback.accounts.context_processors.navigation",
            ],
        },
    },
]

# SQLite by default, tuned so a web server and a worker can write at once: WAL lets readers
# run beside the writer, IMMEDIATE takes the write lock at BEGIN (no upgrade deadlocks), and
# the busy timeout makes a second writer wait instead of failing with "database is locked".
DATABASE_URL = envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'heardback.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests run on a file too (not SQLite's shared in-memory database, whose table locks
    # ignore the busy timeout): the live server thread and the test share it like production.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
else:
    DATABASES["default"]["CONN_MAX_AGE"] = envint("DATABASE_CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {
        # Compares with the email's local part and domain and the name: "samira.haddad" is
        # refused for samira.haddad@….
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name")},
    },
    {"NAME": "heardback.accounts.validators.NotTheAddressValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Dates on pages through each language's formats (heardback/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["heardback.formats"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"  # heardback.urls.home: a job seeker\'s board, else hiring.views.home
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = envstr("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
# Uploaded files (the companion's documents) live here; nothing serves this folder directly:
# every file goes out through a view that checks whose it is.
MEDIA_ROOT = Path(envstr("HEARDBACK_MEDIA_DIR", "") or VAR_DIR / "media").resolve()
# Whitenoise serves straight from the app directories, so `heardback serve` needs no
# collectstatic step; operators who want hashed, far-future-cached files run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_URL = envstr("EMAIL_URL", "console://")
globals().update(email_settings(EMAIL_URL))
if envstr("EMAIL_BACKEND"):
    # Providers through django-anymail, e.g. anymail.backends.postmark.EmailBackend,
    # configured with ANYMAIL_* variables.
    EMAIL_BACKEND = envstr("EMAIL_BACKEND")
    ANYMAIL = {
        key.removeprefix("ANYMAIL_"): value
        for key, value in os.environ.items()
        if key.startswith("ANYMAIL_")
    }
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "heardback <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

TASKS = {
    "default": {
        "BACKEND": envstr("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = envbool(
    "SECURE_COOKIES", not DEBUG and HEARDBACK_BASE_URL.startswith("https")
)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind HTTPS in production: HSTS for a year (or what SECURE_HSTS_SECONDS says), and a
# redirect of plain HTTP. Both off by default so a laptop demo on http:// works.
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
# The proxy in front says the request came over HTTPS (X-Forwarded-Proto: https).
if envbool("SECURE_PROXY_SSL", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

TASKS_LOG_LEVEL = envstr("TASKS_LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_links": {"()": "heardback.core.logs.RedactingFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_links"]},
    },
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # The worker runs a task every few seconds (the outbox sweep); at INFO each one writes
        # two lines, which bury the demo's sign-in details and every other log line. Failed
        # tasks are logged as errors, so they still show. (`heardback worker` applies it too.)
        "django_tasks": {"level": TASKS_LOG_LEVEL},
    },
}

# Outbox: attempts before an email fails, sends a minute per organization, emails per
# connection, how long a worker's claim lasts before another worker may retry it (well above
# EMAIL_TIMEOUT), and how often every worker sweeps for due emails. See docs/delivery.md.
OUTBOX_MAX_ATTEMPTS = envint("OUTBOX_MAX_ATTEMPTS", 8)
OUTBOX_RATE_PER_MINUTE = envint("OUTBOX_RATE_PER_MINUTE", 120)
OUTBOX_BATCH_SIZE = envint("OUTBOX_BATCH_SIZE", 100)
OUTBOX_LEASE_SECONDS = envint("OUTBOX_LEASE_SECONDS", 300)
OUTBOX_SWEEP_SECONDS = envint("OUTBOX_SWEEP_SECONDS", 5)

# The cache holds the sign-in, portal and API request counts (below). Unset, they live in the
# database (table heardback_cache, made by `heardback migrate`), shared by every process;
# CACHE_URL=redis://host:6379/0 is faster; locmem:// counts per process (a warning at start-up
# says so unless DEBUG). See docs/operators.md.
CACHE_URL = envstr("CACHE_URL", "")
CACHES = {"default": cache_settings(CACHE_URL)}

# Sign-in: wrong passwords allowed per account and per client address in a quarter of an hour;
# past either, sign-in is refused (even with the right password) until the window ends.
LOGIN_FAILURES_PER_ACCOUNT = envint("LOGIN_FAILURES_PER_ACCOUNT", 10)
LOGIN_FAILURES_PER_ADDRESS = envint("LOGIN_FAILURES_PER_ADDRESS", 50)

# Portal: how long a candidate's private link lasts, and how many link lookups one client IP
# may make a minute (beyond that: 429). See docs/candidates.md.
PORTAL_LINK_DAYS = envint("PORTAL_LINK_DAYS", 365)
PORTAL_LOOKUPS_PER_MINUTE = envint("PORTAL_LOOKUPS_PER_MINUTE", 30)

# Companion: sign-ups one client address may make an hour (beyond that: 429). See docs/seekers.md.
SEEKER_SIGNUPS_PER_HOUR = envint("SEEKER_SIGNUPS_PER_HOUR", 10)
# The largest document a seeker may attach to an application, in megabytes.
SEEKER_DOCUMENT_MAX_MB = envint("SEEKER_DOCUMENT_MAX_MB", 10)

# API: requests one key may make (beyond that: 429 with Retry-After), e.g. "1200/m". The count
# lives in the cache, like the portal's. See docs/api.md.
HEARDBACK_API_RATE = envrate("HEARDBACK_API_RATE", "1200/m")

# Imports: the size limit per file and per upload (unpacked), and where uploaded dumps wait for
# the worker (a private directory; emptied when the run ends). See docs/importing.md.
HEARDBACK_IMPORT_MAX_FILE_MB = envint("HEARDBACK_IMPORT_MAX_FILE_MB", 200)
HEARDBACK_IMPORT_MAX_UPLOAD_MB = envint("HEARDBACK_IMPORT_MAX_UPLOAD_MB", 1024)
# A run still "running" this long after it started lost its worker: the sweep marks it failed.
HEARDBACK_IMPORT_ABANDONED_MINUTES = envint("HEARDBACK_IMPORT_ABANDONED_MINUTES", 180)
HEARDBACK_IMPORT_UPLOAD_DIR = envstr("HEARDBACK_IMPORT_UPLOAD_DIR", "") or str(VAR_DIR / "imports")
