"""The Content-Security-Policy carries a real per-request nonce, and the page's scripts carry it."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

NONCE_IN_HEADER = re.compile(r"script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'")
SCRIPT_TAG = re.compile(r"<script\b[^>]*>")
NONCE_ATTRIBUTE = re.compile(r'\snonce="([^"]*)"')


def _page_nonces(client, url):
    response = client.get(url)
    assert response.status_code == 200
    header = response["Content-Security-Policy"]
    match = NONCE_IN_HEADER.search(header)
    assert match, header
    scripts = SCRIPT_TAG.findall(response.content.decode())
    assert scripts
    return header, match.group(1), [NONCE_ATTRIBUTE.search(tag) for tag in scripts]


def test_the_header_holds_a_nonce_not_the_word_nonce(client):
    header, _nonce, _scripts = _page_nonces(client, reverse("account_login"))
    assert " nonce " not in f"{header} ".replace(";", " ")
    assert "script-src 'self' 'nonce-" in header


def test_every_script_tag_carries_the_headers_nonce(client_for, caseworker):
    client = client_for(caseworker)
    _header, nonce, scripts = _page_nonces(client, reverse("core:front_page"))
    assert all(script is not None for script in scripts)
    assert {script.group(1) for script in scripts} == {nonce}


def test_the_nonce_differs_between_requests(client):
    _h1, first, _s1 = _page_nonces(client, reverse("account_login"))
    _h2, second, _s2 = _page_nonces(client, reverse("account_login"))
    assert first != second
    assert len(first) >= 16
