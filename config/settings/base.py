"""Settings for every environment, read from environment variables (12-factor).

The defaults give the embedded demo set-up (SQLite, local queue, local outbox). Anything that is
not the demo must set SECRET_KEY; production defaults are the secure ones.
"""

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(environ.Env().str("PORTAL_DATA_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False) if (BASE_DIR / ".env").exists() else None

DEMO_SECRET_KEY = "demo-only-secret-key-do-not-use-in-production"  # noqa: S105

# PORTAL_DEMO switches on what only belongs on a demo machine: the demo secret key, the browsable
# email outbox and plain-http cookies.
DEMO = env.bool("PORTAL_DEMO", default=False)
DEBUG = env.bool("DEBUG", default=False)
# Only PORTAL_DEMO=1 may fall back on the demo key: DEBUG=1 alone (a debugging session on a
# production copy) must not sign sessions with a key that is published in the repository.
SECRET_KEY = env.str("SECRET_KEY", default=DEMO_SECRET_KEY if DEMO else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set outside demo mode (PORTAL_DEMO=1).")
if SECRET_KEY == DEMO_SECRET_KEY and not DEMO:
    raise ImproperlyConfigured("Refusing to start with the demo SECRET_KEY outside demo mode.")

# The demo follows the port it is served on (`make demo PORT=8080`), so the links in its emails
# and calendar feeds lead back to it; elsewhere SITE_URL is set for the real address.
DEMO_SITE_URL = f"http://127.0.0.1:{env.int('PORT', default=8000)}"
SITE_URL = env.str("SITE_URL", default=DEMO_SITE_URL if DEMO else "http://127.0.0.1:8000").rstrip(
    "/"
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "portal.core.admin_site.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.saml",
    "allauth.socialaccount.providers.openid_connect",
    "huey.contrib.djhuey",
    "django_htmx",
    "template_partials",
    "csp",
    "portal.core",
    "portal.accounts",
    "portal.sso",
    "portal.api",
    "portal.forum",
    "portal.hotline",
    "portal.guides",
    "portal.notifications",
    "portal.directory",
    "portal.search",
    "portal.digests",
    "portal.newsletters",
    "portal.surveys",
    "portal.inbound_mail",
    "portal.insights",
    "portal.events",
    "portal.partnership",
    "portal.register",
    "portal.evaluation",
    "portal.home",
    "portal.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that reads the database: the session, sign-in and the views.
    "portal.core.middleware.HealthCheckMiddleware",
    "portal.core.middleware.RefuseNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.core.middleware.DanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "portal.accounts.middleware.CachedAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.core.middleware.QueueUnavailableMiddleware",
    "portal.core.middleware.ThrottledUserSessionsMiddleware",
    "portal.insights.middleware.VisitCountingMiddleware",
    "portal.accounts.middleware.RequireMfaMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Overrides of third-party templates (allauth's layouts and elements) in DKFDS markup.
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "portal.core.context_processors.portal",
                "portal.notifications.context_processors.notification_bell",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL in production via DATABASE_URL.
DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'portal.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the queue worker read while the other writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
else:
    # Persistent connections, one per gunicorn thread; psycopg's pool measured no better
    # (docs/decisions/0046-signed-in-request.md).
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # No JIT compilation: the portal's queries are short, and at a million posts the planner's
    # cost estimates crossed jit_above_cost, so PostgreSQL compiled for seconds to run for
    # milliseconds on every front page (bench/scale.py; docs/decisions/0050-front-page-at-scale.md).
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# Both keep the cache shared by every process, so login rate limits hold across workers.
_DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "portal_cache",
}
if REDIS_URL:
    # Redis down is a slower portal, not a broken one: cache calls fall through to the database
    # cache (portal/core/cache.py, docs/decisions/0017-degradation-and-access-log.md).
    CACHES = {
        "default": {
            "BACKEND": "portal.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "FALLBACK": "fallback",
            "RETRY_AFTER": env.int("REDIS_RETRY_SECONDS", default=30),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 5},
        },
        "fallback": _DATABASE_CACHE,
    }
else:
    CACHES = {"default": _DATABASE_CACHE}
# Sessions: with Redis, the database row read through the cache (no query on most requests;
# portal/accounts/session_engine.py); without it, the database alone, as the cache would be the
# database too (docs/decisions/0046-signed-in-request.md).
SESSION_ENGINE = (
    "portal.accounts.session_engine" if REDIS_URL else "django.contrib.sessions.backends.db"
)
# Where allauth's session tracking remembers when it last wrote (portal/core/middleware.py).
PORTAL_SESSION_SEEN_IN_CACHE = bool(REDIS_URL)
# The signed-in person (with roles and second factor) and the bell's count from the shared cache
# (portal/accounts/user_cache.py, notifications.selectors.notification_bell_count).
PORTAL_REQUEST_CACHE = True
# The busiest pages kept whole in the cache per reader signature and data version, the reader's
# own values filled in per request (portal/core/kept_pages.py, docs/decisions/0052-kept-pages.md).
PORTAL_KEPT_PAGES = True

# Background work: Huey, persisted in SQLite by default and in Redis when REDIS_URL is set.
HUEY = {
    "name": "portal",
    "immediate": False,
    "utc": True,
    "consumer": {
        "workers": env.int("HUEY_WORKERS", default=2),
        "worker_type": "thread",
        "periodic": True,
    },
}
if REDIS_URL:
    # A bounded connect: an unreachable Redis must fail an enqueue fast, so its fallback runs.
    _separator = "&" if "?" in REDIS_URL else "?"
    _queue_url = REDIS_URL
    if "socket_connect_timeout" not in REDIS_URL:
        _queue_url = f"{REDIS_URL}{_separator}socket_connect_timeout=2"
    # Each periodic task once a minute however many schedulers run (portal/core/periodic.py).
    HUEY.update({"huey_class": "portal.core.periodic.OncePerMinuteRedisHuey", "url": _queue_url})
else:
    HUEY.update({"huey_class": "huey.SqliteHuey", "filename": str(DATA_DIR / "queue.sqlite3")})

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:front_page"

# django-allauth: email login, no usernames, login codes, MFA (TOTP + recovery codes), sessions.
ACCOUNT_ADAPTER = "portal.accounts.adapter.PortalAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Samarbejdsportalen] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# Failed password sign-ins are not limited here but by portal.accounts.sign_in_throttle: growing
# delays per account and per client IP instead of a fixed-window lockout (decision 0015).
# "login_failed" below is what allauth itself still applies to second-factor codes (keyed per
# person; the IP part is generous, a whole jobcenter may share one address). The per-IP limits
# on all requests are sized for a jobcenter's morning behind one NAT address.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "100/5m/ip,5/5m/key",
    "login": "120/m/ip",
    "request_login_code": "60/m/ip,3/m/key",
    "signup": "10/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
ACCOUNT_FORMS = {
    "signup": "portal.accounts.forms.SignupForm",
    "confirm_login_code": "portal.accounts.forms.ConfirmLoginCodeForm",
    # No code by email for an address whose organisation signs in with its own identity
    # provider (portal/sso): the sign-in page sends those to the provider.
    "request_login_code": "portal.sso.forms.SsoAwareRequestLoginCodeForm",
}
# The client's address: the REMOTE_ADDR, or, behind this many proxies of our own (the load
# balancer, nginx), the X-Forwarded-For entry the outermost of them added. Entries further left
# are written by the client and ignored. allauth is told the same (portal.core.http.client_ip).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Sign-in throttle (portal.accounts.sign_in_throttle): after `free` failed attempts within
# `memory_seconds` of each other, every further attempt waits `base_seconds` doubling per
# failure, at most `cap_seconds`. Per account it applies to whoever tries (capped, so the owner
# waits at most the cap, or signs in with an emailed code); per IP the threshold is far higher.
PORTAL_SIGN_IN_THROTTLE = {
    "account": {"free": 5, "base_seconds": 30, "cap_seconds": 15 * 60, "memory_seconds": 86400},
    "ip": {"free": 100, "base_seconds": 1, "cap_seconds": 60, "memory_seconds": 3600},
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Samarbejdsportalen"
# Accept the neighbouring 30-second step too: phone clocks drift, and codes typed at a step's
# end would otherwise fail.
MFA_TOTP_TOLERANCE = 1
USERSESSIONS_TRACK_ACTIVITY = True
# Roles that must have a second factor before they can use the portal.
PORTAL_MFA_REQUIRED_ROLES = ["admin", "coordinator", "operator_admin"]

# Single sign-on per organisation (portal/sso, docs/decisions/0043-single-sign-on.md). The
# identity provider vouches for the address (within its organisation's domains, which the
# adapter checks), so no verification mail; the first sign-in creates the person; an existing
# person with the address is connected (adapter: only within the provider's organisation).
SOCIALACCOUNT_ADAPTER = "portal.sso.adapter.SsoSocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_EMAIL_REQUIRED = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_OAUTH_PKCE_ENABLED = True
# Levels of assurance (OIOSAML's NSIS loa attribute, OIDC's acr claim) at which the identity
# provider's sign-in counts as the portal's second factor; compared without case.
PORTAL_SSO_MFA_LEVELS = env.list(
    "PORTAL_SSO_MFA_LEVELS",
    default=[
        "Substantial",
        "High",
        "https://data.gov.dk/concept/core/nsis/loa/Substantial",
        "https://data.gov.dk/concept/core/nsis/loa/High",
    ],
)

# Email: SMTP from EMAIL_URL; without it, the local outbox (readable in the browser in the demo).
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "portal.core.email_backends.OutboxBackend"
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Samarbejdsportalen <noreply@samarbejdsportalen.dk>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 20
PORTAL_OUTBOX_VISIBLE = DEMO
# The portal's mail domain: reply addresses (svar+TOKEN@) and bounce addresses (retur+ID@) live
# here; the MTA for this domain forwards to `manage.py receive_mail` (docs/email.md).
PORTAL_MAIL_DOMAIN = env.str("MAIL_DOMAIN", default="svar.samarbejdsportalen.dk")
# The inbound webhook (POST /email/indgaaende/) is off unless this shared secret is set.
PORTAL_INBOUND_MAIL_SECRET = env.str("INBOUND_MAIL_SECRET", default="")
PORTAL_INBOUND_MAIL_MAX_BYTES = env.int("INBOUND_MAIL_MAX_BYTES", default=5 * 1024 * 1024)
# How long a reply address in an email keeps working.
PORTAL_REPLY_ADDRESS_DAYS = env.int("REPLY_ADDRESS_DAYS", default=60)
# Sending throttle per sending process (0: as fast as the SMTP server takes them).
PORTAL_EMAIL_MAX_PER_SECOND = env.float("EMAIL_MAX_PER_SECOND", default=0)
# The durable outbox (docs/decisions/0014-durable-outbox.md): a message that failed is tried
# again with growing pauses (1, 2, 4 … minutes, at most 4 hours) until this many attempts or
# this age, then it is marked failed for the operator; a sender that claimed a message and did
# not finish within the lease is presumed dead and the message is due again.
PORTAL_EMAIL_MAX_ATTEMPTS = env.int("EMAIL_MAX_ATTEMPTS", default=15)
PORTAL_EMAIL_MAX_AGE_HOURS = env.int("EMAIL_MAX_AGE_HOURS", default=48)
PORTAL_EMAIL_LEASE_SECONDS = env.int("EMAIL_LEASE_SECONDS", default=300)
# Message bodies (which may hold login codes) are deleted this many days after they were
# written; the delivery record and its figures stay.
PORTAL_EMAIL_BODY_RETENTION_DAYS = env.int("EMAIL_BODY_RETENTION_DAYS", default=14)
# Notification emails wait this long so that a burst of replies becomes one email.
PORTAL_NOTIFICATION_EMAIL_DELAY_MINUTES = env.int("NOTIFICATION_EMAIL_DELAY_MINUTES", default=10)
# The most items a personal digest lists.
PORTAL_DIGEST_MAX_ITEMS = env.int("DIGEST_MAX_ITEMS", default=10)
# Posts per page of a thread; a link to a post leads to the page that holds it.
PORTAL_THREAD_PAGE_SIZE = env.int("THREAD_PAGE_SIZE", default=30)
# A hard bounce stops mail to an address at once; this many soft bounces in 30 days do too.
PORTAL_SOFT_BOUNCE_LIMIT = env.int("SOFT_BOUNCE_LIMIT", default=3)
# Events: participants are reminded this many hours before an event starts, and asked for
# feedback once it has ended.
PORTAL_EVENT_REMINDER_HOURS = env.int("EVENT_REMINDER_HOURS", default=48)
# How long a "sign me up" link in an email (the digest) keeps working.
PORTAL_EVENT_RSVP_DAYS = env.int("EVENT_RSVP_DAYS", default=30)

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
# Danish times as "kl. 09.00" (config/formats/da/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
NODE_MODULES = BASE_DIR / "node_modules"
# Front-end packages come from the npm registry at build time and are served from node_modules.
STATICFILES_DIRS = [
    ("dkfds", NODE_MODULES / "dkfds" / "dist"),
    ("htmx", NODE_MODULES / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "media")},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Security: secure by default; the demo on plain http on loopback relaxes only the cookie flags.
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=not DEMO and not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=SECURE_COOKIES)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if SECURE_COOKIES else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # NONCE (the library's constant, not the string "nonce") puts this request's nonce in
        # the header; base.html gives its script tags the same nonce.
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Portal settings.
PORTAL_ACCESSIBILITY_STATEMENT_URL = env.str(
    "ACCESSIBILITY_STATEMENT_URL", default="https://www.was.digst.dk/"
)
PORTAL_AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=730)
# The log of who read or exported person-level data (portal/core PersonalDataAccess).
PORTAL_ACCESS_LOG_RETENTION_DAYS = env.int("ACCESS_LOG_RETENTION_DAYS", default=180)
PORTAL_INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)
PORTAL_BENCH_HELLO = env.bool("PORTAL_BENCH_HELLO", default=False)
# Debate: attachments are checked by content (not by name) against this list and this size.
PORTAL_ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
# Volume limits: per post (new and existing files together) and per person in any 24 hours.
PORTAL_ATTACHMENTS_PER_POST = env.int("ATTACHMENTS_PER_POST", default=5)
PORTAL_ATTACHMENT_POST_MAX_BYTES = env.int("ATTACHMENT_POST_MAX_BYTES", default=25 * 1024 * 1024)
PORTAL_ATTACHMENTS_PER_DAY = env.int("ATTACHMENTS_PER_DAY", default=30)
PORTAL_ATTACHMENT_DAY_MAX_BYTES = env.int("ATTACHMENT_DAY_MAX_BYTES", default=100 * 1024 * 1024)
PORTAL_ATTACHMENT_TYPES = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "text/plain": ".txt",
    "text/csv": ".csv",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}
# Legal hotline: working days (Danish public holidays excluded) the jurists have to answer.
PORTAL_HOTLINE_RESPONSE_WORKING_DAYS = env.int("HOTLINE_RESPONSE_WORKING_DAYS", default=3)
# Partnership imports with more rows than this run in the queue (progress bar, email when done).
PORTAL_PARTNERSHIP_IMPORT_QUEUE_ROWS = env.int("PARTNERSHIP_IMPORT_QUEUE_ROWS", default=5000)
# The largest partnership file accepted, in bytes (browser and API); larger ones are refused.
PORTAL_PARTNERSHIP_IMPORT_MAX_BYTES = env.int(
    "PARTNERSHIP_IMPORT_MAX_BYTES", default=50 * 1024 * 1024
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"huey": {"level": "INFO"}},
}

# The evaluation measures the portal against its goal: this many registered people (seed 000).
PORTAL_EVALUATION_GOAL_PEOPLE = env.int("EVALUATION_GOAL_PEOPLE", default=300)
