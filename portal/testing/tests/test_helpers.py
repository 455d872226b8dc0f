"""The test helpers themselves: the TOTP computation, the SMTP server and the email parsers."""

import smtplib
from email.message import EmailMessage

import pytest

from portal.testing.smtp import SmtpServer, extract_login_code, extract_url
from portal.testing.totp import totp_code

# RFC 6238 appendix B: the SHA-1 secret "12345678901234567890", in base32.
RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


@pytest.mark.parametrize(
    ("at", "code"),
    [(59, "287082"), (1111111109, "081804"), (1234567890, "005924"), (2000000000, "279037")],
)
def test_totp_code_matches_the_rfc_6238_test_vectors(at, code):
    assert totp_code(RFC_SECRET, at=at) == code


def test_totp_code_accepts_an_unpadded_lowercase_secret():
    assert totp_code(RFC_SECRET.lower().rstrip("="), at=59) == "287082"


def test_smtp_server_hands_out_each_message_once_in_order():
    with SmtpServer() as server:
        for subject in ("first", "second"):
            message = EmailMessage()
            message["From"] = "portal@example.dk"
            message["To"] = "Anna@3f.example.dk"
            message["Subject"] = subject
            message.set_content("Hej\n")
            message.add_alternative("<p>Hej</p>", subtype="html")
            with smtplib.SMTP(server.host, server.port) as client:
                client.send_message(message)

        first = server.wait_for_message(to="anna@3f.example.dk")
        second = server.wait_for_message(to="anna@3f.example.dk")

    assert (first.subject, second.subject) == ("first", "second")
    assert first.text == "Hej\n"
    assert first.html.strip() == "<p>Hej</p>"


def test_smtp_server_says_what_it_got_when_the_message_never_comes():
    with SmtpServer() as server, pytest.raises(AssertionError, match="No email to nobody@"):
        server.wait_for_message(to="nobody@example.dk", timeout=0.1)


def test_extract_login_code_finds_the_code_on_its_own_line():
    text = "Hello from Samarbejdsportalen!\n\nYour code:\n\nBCDF-GHJK\n\nlocalhost:8000\n"
    assert extract_login_code(text) == "BCDF-GHJK"


def test_extract_url_finds_the_link_with_the_given_path():
    text = "See http://127.0.0.1:8000/ or\nhttp://127.0.0.1:8000/invitation/abc_DEF-1/.\n"
    assert (
        extract_url(text, contains="/invitation/") == "http://127.0.0.1:8000/invitation/abc_DEF-1/"
    )
