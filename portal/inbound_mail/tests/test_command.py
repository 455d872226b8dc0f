"""manage.py receive_mail: serves SMTP or LMTP and stops cleanly on SIGTERM."""

import os
import signal
import smtplib
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from portal.testing.smtp import LOOPBACK, free_port

ROOT = Path(__file__).resolve().parents[3]


def _start(*args: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "PORTAL_DEMO": "1", "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    process = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "receive_mail",
            "--host",
            LOOPBACK,
            "--port",
            str(port),
            *args,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    client_class = smtplib.LMTP if "--lmtp" in args else smtplib.SMTP
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with client_class(LOOPBACK, port, timeout=2):
                return process, port
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stdout.read())
            time.sleep(0.2)
    process.kill()
    pytest.fail("receive_mail did not start")


@pytest.mark.parametrize("lmtp", [False, True], ids=["smtp", "lmtp"])
def test_receive_mail_refuses_foreign_recipients_and_stops_on_sigterm(lmtp):
    process, port = _start(*(["--lmtp"] if lmtp else []))
    try:
        client_class = smtplib.LMTP if lmtp else smtplib.SMTP
        with client_class(LOOPBACK, port, timeout=10) as client:
            client.ehlo("mx.example.dk")
            client.mail("someone@example.dk")
            code, _message = client.rcpt(f"postmaster@{settings.PORTAL_MAIL_DOMAIN}")
            assert code == 550
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert "Stopped." in output
