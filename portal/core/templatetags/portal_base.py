"""The base page's header, navigation, footer and asset tags, rendered once per variant.

Every page paid ~3 ms of CPU (more on a loaded machine) for the same markup: some 25
`{% url %}` reversals, the static tags and the translations of the header, the mobile drawer
and the footer. Each of the three parts is now a template (core/base/*.html) rendered through
`fragment()`, which keeps its output per process and reuses it: the header's for each
combination of language, navigation set, active item, administration link and the like, the
footer's per language, the assets' for everyone.

Nothing per reader is ever kept. A fragment's template sees only its *key* (values the output
depends on, all of them part of the cache key) and *holes*: per-request values (the CSRF token,
the CSP nonce, the person's name, the bell's badge) that are rendered as placeholders, cut out
of the kept markup and filled in, escaped, on every request. A fragment kept for one person
therefore holds nothing of theirs, and a change of roles or language simply gives another key.
docs/decisions/0047-base-page.md has the figures.
"""

import re
import secrets
import threading
import weakref
from html import escape

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.template import engines
from django.urls import get_script_prefix, get_urlconf
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

# A hole renders as this marker; the private-use characters never occur in the portal's markup
# and pass autoescaping unchanged.
_HOLE = "\ue000{}\ue001"
_HOLE_RE = re.compile("\ue000([a-z_]+)\ue001")
# The variants a process keeps per fragment template: navigation sets × active item ×
# language × a few flags stay in the hundreds; past this the store starts again.
MAX_VARIANTS = 2000

# Kept per compiled template: when the cached template loader drops its templates (a template
# edited under runserver), their variants go with them.
_stores: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _forget(**kwargs) -> None:
    """A changed setting (only ever in tests: urls, static files, languages) may change any
    fragment: start again."""
    _stores.clear()


setting_changed.connect(_forget, dispatch_uid="portal_base_forget")


def _pieces(compiled, variables: dict, hole_names) -> tuple[str, ...]:
    """The fragment rendered with markers for its holes, split into literal text (even
    positions) and hole names (odd positions)."""
    markers = {name: _HOLE.format(name) for name in hole_names}
    rendered = compiled.render(template.Context({**variables, **markers}))
    pieces = tuple(_HOLE_RE.split(rendered))
    if set(pieces[1::2]) - set(hole_names) or any("\ue000" in text for text in pieces[::2]):
        raise ValueError(f"{compiled.origin.name}: a hole's marker was altered or is unknown")
    return pieces


def fragment(template_name: str, *, key: dict, holes: dict, variables=None) -> SafeString:
    """`template_name` rendered with the variables in `key` and `holes`, from the process's
    store when this key was rendered before. `key` holds hashable values: everything the
    template may branch on or print as shared text. `variables`, if given, replaces `key` as
    the template's variables and must follow from `key` alone. `holes` holds the per-request
    values, which the template may only print (never test: a marker is always true); they are
    escaped unless marked safe."""
    compiled = engines["django"].engine.get_template(template_name)
    store = _stores.get(compiled)
    if store is None:
        with _lock:
            store = _stores.setdefault(compiled, {})
    # The language, URLconf and script prefix change what {% translate %} and {% url %} print
    # (as portal/core/links.py keys its prefixes).
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    store_key = (get_language(), urlconf, get_script_prefix(), *sorted(key.items()))
    pieces = store.get(store_key)
    if pieces is None:
        pieces = _pieces(compiled, key if variables is None else variables, tuple(holes))
        if len(store) >= MAX_VARIANTS:
            store.clear()
        store[store_key] = pieces
    return mark_safe(fill_holes(pieces, holes))  # noqa: S308 (our templates' markup, holes escaped)


def _badge(bell, extra_class: str = "") -> SafeString:
    """The unread badge after "Menu" and "Notifications" (the count is the notifications
    selector's, asked only here)."""
    if bell is None or not bell.unread_count:
        return mark_safe("")
    return format_html(
        ' <span class="badge badge-error{}" aria-hidden="true">{}</span>'
        '<span class="sr-only">{}</span>',
        extra_class,
        bell.badge,
        bell.label,
    )


def _csrf_token(context) -> str:
    """The page's one masked token: the context's lazy value (the one `{% csrf_token %}` and
    the body's htmx header print), masked once per page (each masking draws 32 random
    characters from the system)."""
    token = context.get("csrf_token")
    token = str(token) if token else ""
    return "" if token == "NOTPROVIDED" else token


# A page kept whole (portal/core/kept_pages.py) holds what people wrote, so its markers carry a
# secret of the process: text that imitates a marker (a post with these characters) is never
# taken for a hole. The kept markup is split right after rendering, in the same process.
_KEPT_SECRET = secrets.token_hex(8)
_KEPT_HOLE_RE = re.compile(f"\ue000{_KEPT_SECRET}:([a-z0-9_]+)\ue001")


def hole(name: str) -> SafeString:
    """The marker of a hole, for a page kept whole (portal/core/kept_pages.py): printed where
    the per-request value goes, cut out of the kept markup and filled in per request."""
    return mark_safe(f"\ue000{_KEPT_SECRET}:{name}\ue001")  # noqa: S308 (hex and a name)


def split_holes(rendered: str) -> tuple[str, ...]:
    """Markup with markers, as literal text (even positions) and hole names (odd positions).
    Anything else in the text, private-use characters included, stays text."""
    return tuple(_KEPT_HOLE_RE.split(rendered))


def fill_holes(pieces: tuple[str, ...], holes: dict) -> str:
    """Markup split by split_holes (or a fragment's store) with each hole's value in its place,
    escaped unless marked safe (conditional_escape, without its lazy-text wrapper: a kept page
    has dozens of holes)."""
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            value = holes[piece]
            piece = value.__html__() if hasattr(value, "__html__") else escape(str(value))
        out.append(piece)
    return "".join(out)


def header_key_and_holes(context) -> tuple[dict, dict]:
    """What the header's markup depends on (its key) and what is filled in per request (its
    holes), from the template context: the tag and a page kept whole ask this one function.
    `context` is a template Context or a plain dict of the same variables."""
    request = context.get("request")
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    match = getattr(request, "resolver_match", None)
    navigation = context.get("portal_navigation") or ()
    bell = context.get("notification_bell") if signed_in else None
    organisation = user.organisation if signed_in and user.organisation_id else None
    key = {
        "navigation": tuple((item["url_name"], item["active"]) for item in navigation),
        "can_administer": bool(context.get("can_administer")),
        "signed_in": signed_in,
        "has_organisation": organisation is not None,
        "notifications_current": getattr(match, "app_name", None) == "notifications",
    }
    holes = {
        "csrf_token": _csrf_token(context),
        "next_path": request.get_full_path() if request is not None else "",
        "user_name": user.get_full_name() if signed_in else "",
        "organisation_name": organisation.name if organisation is not None else "",
        "bell_badge": _badge(bell),
        "bell_badge_mobile": _badge(bell, " portal-badge"),
    }
    return key, holes


def footer_key(context) -> dict:
    return {
        "can_read_outbox": bool(context.get("can_read_outbox")),
        "accessibility_statement_url": settings.PORTAL_ACCESSIBILITY_STATEMENT_URL,
    }


@register.simple_tag(takes_context=True)
def portal_assets(context) -> SafeString:
    """The stylesheets and scripts, the same for everyone; the nonce is the request's."""
    request = context.get("request")
    nonce = getattr(request, "csp_nonce", "") if request is not None else ""
    return fragment("core/base/assets.html", key={}, holes={"nonce": nonce})


@register.simple_tag(takes_context=True)
def portal_header(context) -> SafeString:
    """Skip link, header, main menu and the small screens' drawer."""
    key, holes = header_key_and_holes(context)
    if context.get("portal_keeping"):
        # A page kept whole: the person's own values become the page's holes, filled in per
        # request by kept_pages with this function's holes.
        holes = {name: hole(name) for name in holes}
    # The items' labels follow from their url names (NAVIGATION) and the language.
    variables = {**key, "navigation": context.get("portal_navigation") or ()}
    return fragment("core/base/header.html", key=key, holes=holes, variables=variables)


@register.simple_tag(takes_context=True)
def portal_footer(context) -> SafeString:
    """The footer: the same for everyone who may (or may not) read the demo outbox."""
    return fragment("core/base/footer.html", key=footer_key(context), holes={})
