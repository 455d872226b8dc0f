"""Helpers for tests that compare a page kept whole (portal/core/kept_pages.py) with the same
page rendered in full."""

import re

from django.test import Client

from portal.core.kept_pages import compact

_TOKEN = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+')
_NONCE = re.compile(r'nonce="[^"]*"')


def masked(html: str) -> str:
    """The page without what is fresh on every request by design (the CSRF token, the nonce),
    and without the templates' indentation, which a kept page leaves out (kept_pages.compact,
    tested on its own in core/tests/test_kept_pages.py)."""
    return _NONCE.sub('nonce="…"', _TOKEN.sub(r"\1…", compact(html)))


def signed_in(user) -> Client:
    """A client of its own signed in as `user` (several readers side by side)."""
    client = Client()
    client.force_login(user)
    return client


def token(html: str) -> str:
    """The page's CSRF token, as its forms print it."""
    return _TOKEN.search(html).group(0)
