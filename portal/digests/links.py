"""Signed links in emails: one-click unsubscribe and first-party click-through measurement.

Links in portal emails go through /e/k/<token>/, which records which email (delivery) and which
item was clicked and redirects to the portal page: the portal learns how many visits come from
email without any third-party tracker. The token is signed, so it cannot be turned into an open
redirect or used to forge clicks for another delivery.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.urls import reverse

from portal.core.links import absolute

_UNSUBSCRIBE_SALT = "digests.unsubscribe"
_CLICK_SALT = "digests.click"
_OPEN_SALT = "digests.open"


def portal_path(url: str) -> str:
    """The path of a portal URL; ValueError for anything that would leave the portal."""
    parts = urlsplit(url)
    site = urlsplit(settings.SITE_URL)
    if (parts.scheme or parts.netloc) and (parts.scheme, parts.netloc) != (
        site.scheme,
        site.netloc,
    ):
        raise ValueError("not a portal URL")
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError("not a portal path")
    return (
        path
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def unsubscribe_token(*, user_id: int, category: str) -> str:
    return signing.dumps([user_id, category], salt=_UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_token_parse(token: str) -> tuple[int, str]:
    """(user id, category); signing.BadSignature when altered. Old links keep working."""
    user_id, category = signing.loads(token, salt=_UNSUBSCRIBE_SALT)
    return int(user_id), str(category)


def unsubscribe_url(*, user_id: int, category: str) -> str:
    token = unsubscribe_token(user_id=user_id, category=category)
    return absolute(reverse("digests:unsubscribe", args=[token]))


def tracked_url(*, delivery_id: int | None, url: str, item: str = "") -> str:
    """The link to put in an email for `url` (a portal path or URL).

    Without a delivery (web archive, preview) it is the plain absolute URL.
    """
    path = portal_path(url)
    if delivery_id is None:
        return absolute(path)
    return absolute(reverse("digests:email_click", args=[tracked_token(delivery_id, item, path)]))


def tracked_token(delivery_id: int, item: str, path: str) -> str:
    """The signed token of a click-measured link (for renderers that build URLs themselves)."""
    # A plain Signer (no timestamp, no compression): these links never expire, and a digest
    # signs a dozen per message, so the cheaper signature counts.
    return signing.Signer(salt=_CLICK_SALT).sign_object([delivery_id, item, path])


def tracked_url_parse(token: str) -> tuple[int, str, str]:
    """(delivery id, item key, portal path); signing.BadSignature when altered."""
    delivery_id, item, path = signing.Signer(salt=_CLICK_SALT).unsign_object(token)
    return int(delivery_id), str(item), portal_path(str(path))


def open_pixel_url(*, delivery_id: int) -> str:
    return absolute(reverse("digests:email_open", args=[open_token(delivery_id)]))


def open_token(delivery_id: int) -> str:
    return signing.Signer(salt=_OPEN_SALT).sign_object(delivery_id)


def open_pixel_parse(token: str) -> int:
    return int(signing.Signer(salt=_OPEN_SALT).unsign_object(token))
