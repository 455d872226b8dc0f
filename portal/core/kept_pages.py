"""Whole pages kept as markup with holes: rendered once per key and data version, then served
to every request the key covers, with what is the reader's own filled in per request.

The busiest pages (the thread list, the front page) cost far more to render than to serve:
templates, translations, URL reversals and the queries behind them. A view that may keep its
page calls `render_kept` with

- `key`: everything the page's markup depends on besides the data (who may read what, the
  page number, the reader when the page is personal). The language, URLconf, script prefix,
  full path and the header's and footer's own keys (core/templatetags/portal_base.py) are
  always added, so a reader with other menu items or another language never gets it;
- `versions`: cache keys of version stamps that the data's owners renew on every change
  (the debate's list version, …): a page rendered under older stamps is never served;
- `build()`: the page's context, only on a miss. Where the reader's own values go (read
  marks, a count), the context holds `hole(name)` markers; `build` also returns `meta`, kept
  with the markup, from which `fill(meta)` computes those values per request;
- the base page's own holes (CSRF token, CSP nonce, name, organisation, bell) are filled here
  from the same function the header's tag uses.

A page with a flash message waiting, a non-GET request, or `PORTAL_KEPT_PAGES` off renders
as before, in full. Decision docs/decisions/0052-kept-pages.md has the reasoning and figures.
"""

import hashlib
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import engines, loader
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language

from .cache import offered, warm
from .templatetags.portal_base import (
    fill_holes,
    footer_key,
    header_key_and_holes,
    hole,
    split_holes,
)

# An entry lives this long without being read; the version stamps make it stale sooner.
TIMEOUT = 300
# What `build` returns as its meta for a page that must be rendered in full this time (a
# search without results, which counts the miss and names experts for this reader); its
# context then holds no holes.
NOT_KEPT = object()

__all__ = [
    "NOT_KEPT",
    "compact",
    "fill_holes",
    "hole",
    "kept_value",
    "render_kept",
    "renew_on_change",
    "split_holes",
    "stamp_missing",
    "version_renew",
]


def version_renew(name: str) -> None:
    """Make every page kept under this version stamp stale (one write, not a delete of many
    keys): at once, and again when the transaction commits, so that a page built from what
    was read before the commit is never kept under the newest stamp."""

    def renew():
        cache.set(name, time.time_ns(), None)

    renew()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(renew)


def renew_on_change(name: str, *models, dispatch: str) -> None:
    """Renew a version stamp whenever one of `models` is saved or deleted."""
    for model in models:

        def receiver(sender, name=name, **kwargs):
            version_renew(name)

        uid = f"{dispatch}-{model._meta.label}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}-save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


class _KeepingRequest:
    """The request as a kept rendering sees it: the CSP nonce is a hole. Everything else is the
    request's own (the full path is part of every key)."""

    csp_nonce = hole("nonce")

    def __init__(self, request):
        self._request = request

    def __getattr__(self, name):
        return getattr(self._request, name)


_PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def _may_keep(request, params: frozenset[str]) -> bool:
    """Only a GET with the page's own parameters, each once and a page number as the page's
    links write it: the full path is part of the key, so any other address (`?page=01`,
    `?x=1`) is rendered in full and never fills the cache with copies."""
    if not settings.PORTAL_KEPT_PAGES or request.method != "GET":
        return False
    if set(request.GET) - params or any(len(request.GET.getlist(p)) > 1 for p in request.GET):
        return False
    if "page" in request.GET and not _PAGE_NUMBER.fullmatch(request.GET["page"]):
        return False
    # A flash message is shown once, by the page rendered next: render that page in full.
    return not len(get_messages(request))


def stamp_missing(name: str) -> int:
    """A stamp for a version nobody renewed yet (or evicted): added only if still missing, so
    a renewal made meanwhile is never overwritten with an older one."""
    stamp = time.time_ns()
    if not cache.add(name, stamp, None):
        stamp = cache.get(name) or stamp
    return stamp


def kept_value(
    key: str,
    *,
    version: str | Sequence[str],
    compute: Callable[[], object],
    timeout: int = 3600,
):
    """`compute()`, kept in the shared cache under `key` while the stamp `version` (or each of
    several) is unchanged; with the request cache off (the test settings' pins), computed every
    time. For the facts a kept page's key is made of (a reader's networks, their signature)
    and that a kept page reads per request (a thread's row, the reader's reactions)."""
    if not settings.PORTAL_REQUEST_CACHE:
        return compute()
    versions = (version,) if isinstance(version, str) else tuple(version)
    found = cache.get_many([*versions, key])
    stamps = tuple(found.get(name) or stamp_missing(name) for name in versions)
    entry = found.get(key)
    if entry is not None and entry[0] == stamps:
        return entry[1]
    value = compute()
    cache.set(key, (stamps, value), timeout)
    return value


# Where whitespace is the content: left as it is.
_VERBATIM = re.compile(r"(<(pre|textarea|script)[\s>].*?</\2>)", re.DOTALL | re.IGNORECASE)
_INDENT = re.compile(r"\n\s+")


def compact(markup: str) -> str:
    """The template's indentation out (a quarter of a list page's bytes): each run of
    whitespace that starts a line becomes the line break alone, which HTML shows the same,
    but inside pre, textarea and script. A page kept whole must therefore not show other
    elements with `white-space: pre` (none of the kept pages does)."""
    parts = _VERBATIM.split(markup)
    # split() returns text, then per match the whole element and its tag name.
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(_INDENT.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)


# Each process keeps its latest kept pages too (LOCAL_MAX, least recently used out first): a
# copy is served only under the stamps the request read with its session and before the time
# its shared entry would expire, so it is never staler than the shared cache's.
LOCAL_MAX = 256
_local: OrderedDict[str, tuple] = OrderedDict()
_local_lock = threading.Lock()


def _local_get(entry_key: str, stamps: tuple) -> tuple | None:
    with _local_lock:
        entry = _local.get(entry_key)
        if entry is None:
            return None
        if entry[0] != stamps or entry[3] <= time.time():
            del _local[entry_key]
            return None
        _local.move_to_end(entry_key)
        return entry


def _local_put(entry_key: str, entry: tuple) -> None:
    with _local_lock:
        _local[entry_key] = entry
        _local.move_to_end(entry_key)
        while len(_local) > LOCAL_MAX:
            _local.popitem(last=False)


def render_kept(
    request,
    template_name: str,
    *,
    key: Callable[[], tuple],
    versions: Sequence[str],
    build: Callable[[bool], tuple[dict, object]],
    fill: Callable[[object], dict],
    params: frozenset[str] = frozenset({"page"}),
    timeout: int = TIMEOUT,
    also: Sequence[str] = (),
) -> HttpResponse:
    """The page from the shared cache while its versions are current, else rendered, kept and
    served; either way with this request's holes filled in. `key()` is asked only when the
    page may be kept; `params` are the query parameters the page may be kept with.
    `build(keeping)` returns the context and the meta; with `keeping` False it returns the
    reader's own values in place of holes, for a page rendered in full. `also`: cache keys that
    `fill` reads, read with the page in one round trip (core/cache.py warm)."""
    if not _may_keep(request, params):
        context, _meta = build(False)
        return render(request, template_name, context)
    base_context = {"request": request}
    for processor in engines["django"].engine.template_context_processors:
        base_context.update(processor(request))
    # The base page's holes from the header tag's own function, with this request's token.
    header_key, holes = header_key_and_holes({**base_context, "csrf_token": get_token(request)})
    full_key = (
        template_name,
        key(),
        get_language(),
        get_urlconf() or settings.ROOT_URLCONF,
        get_script_prefix(),
        request.get_full_path(),
        tuple(sorted(header_key.items())),
        tuple(sorted(footer_key(base_context).items())),
    )
    entry_key = "kept-page:" + hashlib.sha256(repr(full_key).encode()).hexdigest()
    # The stamps read with the session (core/cache.py person_keys) decide about this process's
    # copy without a round trip; else the stamps, the page and `also` come in one.
    known = offered(versions)
    entry = None
    if known is not None and all(known.get(name) for name in versions):
        stamps = tuple(known[name] for name in versions)
        entry = _local_get(entry_key, stamps)
    if entry is None:
        found = warm([*versions, entry_key, *also], offer=also)
        stamps = tuple(found.get(name) or stamp_missing(name) for name in versions)
        entry = found.get(entry_key)
        if entry is not None and len(entry) == 4 and entry[0] == stamps and entry[3] > time.time():
            _local_put(entry_key, entry)
        else:
            entry = None
    if entry is not None:
        pieces, meta = entry[1], entry[2]
    else:
        context, meta = build(True)
        if meta is NOT_KEPT:
            return render(request, template_name, context)
        rendered = loader.render_to_string(
            template_name,
            {
                **context,
                # The processors' lazy values already asked for (the bell's count) are reused.
                **{k: v for k, v in base_context.items() if k == "notification_bell"},
                "portal_keeping": True,
                "csrf_token": hole("csrf_token"),
                "request": _KeepingRequest(request),
            },
            request,
        )
        pieces = split_holes(compact(rendered))
        entry = (stamps, pieces, meta, time.time() + timeout)
        cache.set(entry_key, entry, timeout)
        _local_put(entry_key, entry)
    holes["nonce"] = str(getattr(request, "csp_nonce", ""))
    holes.update(fill(meta))
    return HttpResponse(fill_holes(pieces, holes))
