"""Settings for the quiz site. Every value that differs between machines comes from the environment.

`.env.example` lists the variables; the README's table says what each does.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from quizsite.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=True)

# A development key is kept in a git-ignored file so sessions survive a restart of `make run`.
DEV_SECRET_KEY_FILE = BASE_DIR / ".dev-secret-key"


def _secret_key() -> str:
    key = env_str("DJANGO_SECRET_KEY").strip()
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off the site refuses to start "
            "without a secret key: set DJANGO_SECRET_KEY to a long random string."
        )
    try:
        return DEV_SECRET_KEY_FILE.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        DEV_SECRET_KEY_FILE.write_text(key)
        return key


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "csp",
    "quizzes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees the flag a refused sign-in leaves and answers with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "quizsite.urls"

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
            ],
        },
    },
]

WSGI_APPLICATION = "quizsite.wsgi.application"

# SQLite by default; PostgreSQL (or any database dj-database-url knows) through DATABASE_URL.
DEFAULT_DATABASE_URL = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
# Seconds a writer waits for SQLite's lock: long enough for a whole class submitting at once.
SQLITE_BUSY_TIMEOUT = env_int("SQLITE_BUSY_TIMEOUT", 20)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", DEFAULT_DATABASE_URL),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # Runs on every new connection: readers never block the writer, and a waiting writer
        # retries for `timeout` seconds instead of failing with "database is locked".
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": SQLITE_BUSY_TIMEOUT,
        # Take the write lock at BEGIN so two transactions never deadlock upgrading a read lock.
        "transaction_mode": "IMMEDIATE",
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The lockout check runs first and refuses a locked-out sign-in before the password is tried.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Sessions live in the database so any worker or host behind a load balancer can serve any request.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# The cache holds the join throttle's counters: in the database, all workers and hosts share it.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "quizzes_cache",
    }
}
# Failed joins allowed from one address per window before the join form waits: generous enough
# for a class behind one school router mistyping codes, far too few to guess codes.
JOIN_FAILURES_ALLOWED = env_int("JOIN_FAILURES_ALLOWED", 30)
JOIN_FAILURE_WINDOW_SECONDS = env_int("JOIN_FAILURE_WINDOW_SECONDS", 300)
# Behind a load balancer, the client's address is the last one it appends to X-Forwarded-For.
TRUST_X_FORWARDED_FOR = env_bool("DJANGO_TRUST_X_FORWARDED_FOR", default=False)

# Failed admin sign-ins (django-axes), counted in the database so every worker and host sees the
# same count. A user name with this many failures is locked whatever the address (one account
# guessed from many addresses), and so is an address whatever the user names (many accounts
# tried from one address). The lock lifts after the cool-off with no further failures.
SIGNIN_FAILURES_ALLOWED = env_int("SIGNIN_FAILURES_ALLOWED", 5)
SIGNIN_LOCKOUT_MINUTES = env_int("SIGNIN_LOCKOUT_MINUTES", 15)
if SIGNIN_FAILURES_ALLOWED < 1 or SIGNIN_LOCKOUT_MINUTES < 1:
    raise ImproperlyConfigured(
        "SIGNIN_FAILURES_ALLOWED and SIGNIN_LOCKOUT_MINUTES must be at least 1; got "
        f"{SIGNIN_FAILURES_ALLOWED} and {SIGNIN_LOCKOUT_MINUTES}."
    )
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = SIGNIN_FAILURES_ALLOWED
AXES_COOLOFF_TIME = timedelta(minutes=SIGNIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The address is read as the join throttle reads it: X-Forwarded-For only when trusted.
AXES_CLIENT_IP_CALLABLE = "quizzes.throttle.client_address"
AXES_LOCKOUT_CALLABLE = "quizzes.signin.lockout_response"
# A failure while locked starts the cool-off again, so a guesser who keeps going stays locked out.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
# A success does not wipe the count: otherwise a guesser with an account of their own could sign
# in to it between guesses at other accounts and never reach the address's limit.
AXES_RESET_ON_SUCCESS = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Where `collectstatic` (`make serve`) puts the files; a test server collects into a folder of its
# own, so it never rewrites the files another process is serving.
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
# In development (and tests) whitenoise serves straight from the apps' static folders, so nothing
# needs collecting first; production serves the collected, compressed files.
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGIN_URL = "admin:login"

# A quiz's admin page posts ten fields per question: 1,018 for the largest quiz (100 questions)
# with every question ticked for deletion. Django's default of 1,000 refused such a page with a
# bare 400 and lost the edits; 2,500 leaves room for new questions added on the page.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2500

# Paper for printed handouts: A4 (most of the world) or LETTER (US, Canada).
HANDOUT_PAGE_SIZE = env_str("HANDOUT_PAGE_SIZE", "A4").strip().upper()
if HANDOUT_PAGE_SIZE not in ("A4", "LETTER"):
    raise ImproperlyConfigured(
        f"HANDOUT_PAGE_SIZE must be A4 or LETTER, not {HANDOUT_PAGE_SIZE!r}."
    )

# Behind HTTPS (a load balancer or proxy that terminates TLS), cookies are sent only over HTTPS.
HTTPS = env_bool("DJANGO_HTTPS", default=False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every page loads its scripts, styles, fonts and images from this site only, and the templates
# hold no inline <script>, <style> or style= attribute, so neither 'unsafe-inline' nor a nonce is
# needed: an injected tag or attribute is refused by the browser. Images may also be data: URIs,
# which Bootstrap's stylesheet uses for its check marks and select arrows.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=True)

LOG_LEVEL = env_str("DJANGO_LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "quizzes": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
