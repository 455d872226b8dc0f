"""The client's IP address: the one reading of it (audit log, sign-in throttle, allauth)."""

import ipaddress

from django.conf import settings
from django.http.request import split_domain_port


def _clean_ip(value: str | None) -> str | None:
    """A valid IP address from a header value ("1.2.3.4", "1.2.3.4:5678", "[::1]:80"), or None."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        pass
    host, port = split_domain_port(value)
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        return str(ipaddress.ip_address(host)) if host and port else None
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The address of whoever sent the request, as far as our own proxies vouch for it.

    With TRUSTED_PROXY_COUNT = n > 0, each of our n proxies appends the address it received the
    connection from to X-Forwarded-For, so the n-th entry from the right is the client as seen
    by our outermost proxy. Entries to its left were sent by the client and may be forged. A
    header with fewer entries than n means the request entered behind the outer proxies; its
    leftmost entry was still written by one of ours. Without the header: REMOTE_ADDR.
    """
    if request is None:
        return None
    candidate = request.META.get("REMOTE_ADDR")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted > 0:
        forwarded = [
            entry.strip()
            for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if entry.strip()
        ]
        if forwarded:
            candidate = forwarded[-min(trusted, len(forwarded))]
    return _clean_ip(candidate)
