"""Production settings are secure by default and refuse the demo secret key."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({k: getattr(settings, k) for k in ["
    "'DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', "
    "'SECURE_SSL_REDIRECT', 'PORTAL_OUTBOX_VISIBLE', 'EMAIL_BACKEND', 'HUEY', 'CACHES', "
    "'SITE_URL']}, "
    "default=str))"
)


def load_settings(**env):
    """Settings as a fresh process sees them with exactly `env` (plus PATH and the like)."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "PORTAL_DEMO",
            "SECRET_KEY",
            "DEBUG",
            "EMAIL_URL",
            "SECURE_COOKIES",
            "REDIS_URL",
            "SITE_URL",
            "PORT",
        }
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="config.settings.base")
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings()
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_with_the_demo_secret_key():
    result = load_settings(SECRET_KEY="demo-only-secret-key-do-not-use-in-production")
    assert result.returncode != 0
    assert "demo SECRET_KEY" in result.stderr


def test_debug_alone_does_not_start_with_the_demo_secret_key():
    result = load_settings(DEBUG="1")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_refuses_the_demo_secret_key_outside_demo_mode():
    result = load_settings(DEBUG="1", SECRET_KEY="demo-only-secret-key-do-not-use-in-production")
    assert result.returncode != 0
    assert "demo SECRET_KEY" in result.stderr


def test_debug_with_a_real_secret_key_starts():
    result = load_settings(DEBUG="1", SECRET_KEY="a-real-secret-key-from-the-vault-0123456789")
    assert result.returncode == 0, result.stderr
    assert settings_values(result)["DEBUG"] is True


def test_demo_mode_may_use_the_demo_secret_key():
    result = load_settings(PORTAL_DEMO="1", DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_production_defaults_are_secure():
    result = load_settings(SECRET_KEY="a-real-secret-key-from-the-vault-0123456789")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["PORTAL_OUTBOX_VISIBLE"] is False


def test_email_url_selects_smtp():
    result = load_settings(
        SECRET_KEY="a-real-secret-key-from-the-vault-0123456789",
        EMAIL_URL="smtp://mailer:secret@127.0.0.1:2525",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"


def test_demo_mode_uses_the_browsable_outbox():
    result = load_settings(PORTAL_DEMO="1")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["PORTAL_OUTBOX_VISIBLE"] is True
    assert values["EMAIL_BACKEND"] == "portal.core.email_backends.OutboxBackend"
    assert values["SESSION_COOKIE_SECURE"] is False


def settings_values(result) -> dict:
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_redis_the_queue_and_cache_are_embedded():
    values = settings_values(load_settings(PORTAL_DEMO="1"))
    assert values["HUEY"]["huey_class"] == "huey.SqliteHuey"
    assert values["CACHES"]["default"]["BACKEND"].endswith("DatabaseCache")


def test_redis_url_moves_queue_and_cache_to_redis():
    values = settings_values(load_settings(PORTAL_DEMO="1", REDIS_URL="redis://10.0.0.5:6379/2"))
    assert values["HUEY"]["huey_class"] == "portal.core.periodic.OncePerMinuteRedisHuey"
    assert values["HUEY"]["url"] == "redis://10.0.0.5:6379/2?socket_connect_timeout=2"
    assert values["CACHES"]["default"]["BACKEND"] == "portal.core.cache.ResilientRedisCache"
    assert values["CACHES"]["default"]["LOCATION"] == "redis://10.0.0.5:6379/2"
    assert values["CACHES"]["default"]["FALLBACK"] == "fallback"
    assert values["CACHES"]["fallback"]["BACKEND"].endswith("DatabaseCache")


def test_the_demos_links_follow_its_port_and_production_needs_its_own_address():
    demo = load_settings(PORTAL_DEMO="1", PORT="8080", PORTAL_DATA_DIR="/tmp/portal-settings")
    assert json.loads(demo.stdout)["SITE_URL"] == "http://127.0.0.1:8080"
    production = load_settings(SECRET_KEY="x" * 50, PORT="8080")
    assert json.loads(production.stdout)["SITE_URL"] == "http://127.0.0.1:8000"
    chosen = load_settings(PORTAL_DEMO="1", PORT="8080", SITE_URL="https://demo.example.dk/")
    assert json.loads(chosen.stdout)["SITE_URL"] == "https://demo.example.dk"
