"""Links for use outside a request: absolute URLs, and links to a route with one argument made
many times over in a loop (digests and their emails).

reverse() walks the URL patterns on every call; in a digest round that costs more than composing
the item it links to. `link_builder` reverses the route once with a marker in place of the
argument and keeps the text before and after it; each link is then that prefix, the argument
quoted exactly as reverse() quotes it, and the suffix. The prefix is cached per route, URLconf
and script prefix, so a test or a request that changes either gets its own.
"""

from collections.abc import Callable
from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS

# Digits, so that it fits <int:…>, <str:…> and <slug:…> alike; long enough never to occur in
# a route's own text.
_MARKER = "987654321"
# What reverse() leaves unquoted in a path (the `pchar` of RFC 3986).
_SAFE = RFC3986_SUBDELIMS + "/~:@"


def absolute(path: str) -> str:
    """The URL of a portal path for use outside the portal (emails, calendar files)."""
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path


def link_builder(viewname: str) -> Callable[[int | str], str]:
    """A function giving `reverse(viewname, args=[value])` for the route's single argument.

    The value is not checked against the route's converter: pass what reverse() would accept
    (an id for <int:…>, a token without "/" for <str:…>).
    """
    prefix, suffix = _around_marker(
        viewname, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()
    )

    def link(value: int | str) -> str:
        return prefix + quote(str(value), safe=_SAFE) + suffix

    return link


@lru_cache(maxsize=256)
def _around_marker(viewname: str, urlconf: str, script_prefix: str) -> tuple[str, str]:
    path = reverse(viewname, urlconf=urlconf, args=[_MARKER])
    if path.count(_MARKER) != 1:
        raise ValueError(f"{viewname}: the marker argument does not appear once in {path!r}")
    prefix, _marker, suffix = path.partition(_MARKER)
    return prefix, suffix
