"""What kept_pages does to a page on its own: the templates' indentation left out but where
whitespace is content, and each process's copy of a kept page served only under the stamps the
shared cache holds now and before its shared entry would expire."""

import pytest
from django.core.cache import cache

from portal.core import kept_pages
from portal.core.kept_pages import compact
from portal.forum import list_cache
from portal.forum.models import Thread
from portal.forum.tests.factories import make_thread
from portal.testing.pages import signed_in
from portal.testing.redis_cache import redis_cache

pytestmark = pytest.mark.django_db


def test_compact_leaves_out_indentation_but_where_whitespace_is_content():
    markup = (
        "<main>\n    <p>Tekst\n      <a>link</a>\n    </p>\n"
        "    <pre><code>def f():\n    return 1\n</code></pre>\n"
        '    <textarea name="body">\n  indrykket svar\n</textarea>\n'
        "    <script>\n  const x = 1;\n</script>\n  </main>"
    )
    assert compact(markup) == (
        "<main>\n<p>Tekst\n<a>link</a>\n</p>\n"
        "<pre><code>def f():\n    return 1\n</code></pre>\n"
        '<textarea name="body">\n  indrykket svar\n</textarea>\n'
        "<script>\n  const x = 1;\n</script>\n</main>"
    )
    assert compact(compact(markup)) == compact(markup)


@pytest.fixture
def production_cache(settings):
    """Redis with the request cache and kept pages on, as production runs."""
    settings.PORTAL_REQUEST_CACHE = True
    settings.PORTAL_KEPT_PAGES = True
    settings.SESSION_ENGINE = "portal.accounts.session_engine"
    kept_pages._local.clear()
    with redis_cache(settings):
        yield
    kept_pages._local.clear()


def _renew_elsewhere(name: str) -> None:
    """A stamp renewed by another process: straight in Redis, no signal in this one."""
    cache._cache.set(cache.make_and_validate_key(name), 10**19 + len(kept_pages._local), None)


def test_this_processs_copy_is_never_served_under_a_renewed_stamp(production_cache, caseworker):
    thread = make_thread(author=caseworker, title="Den første tråd")
    client = signed_in(caseworker)
    for _ in range(3):
        assert "Den første tråd" in client.get("/debat/").content.decode()
    assert kept_pages._local
    # A title changed without signals (as by another server's script) and the debate's stamp
    # renewed there: the next page is built anew here.
    Thread.objects.filter(pk=thread.pk).update(title="Omdøbt et andet sted")
    assert "Omdøbt et andet sted" not in client.get("/debat/").content.decode()
    _renew_elsewhere(list_cache.VERSION_KEY)
    assert "Omdøbt et andet sted" in client.get("/debat/").content.decode()


def test_this_processs_copy_expires_with_its_shared_entry_and_keeps_the_newest(monkeypatch):
    kept_pages._local.clear()
    now = 1_000_000.0
    monkeypatch.setattr(kept_pages.time, "time", lambda: now)
    kept_pages._local_put("page", ((1,), ("markup",), None, now + 60))
    assert kept_pages._local_get("page", (1,))[1] == ("markup",)
    assert kept_pages._local_get("page", (2,)) is None  # another stamp: gone
    kept_pages._local_put("page", ((1,), ("markup",), None, now + 60))
    now += 61
    assert kept_pages._local_get("page", (1,)) is None
    monkeypatch.setattr(kept_pages, "LOCAL_MAX", 2)
    for name in ("a", "b", "c"):
        kept_pages._local_put(name, ((1,), (name,), None, now + 60))
    assert list(kept_pages._local) == ["b", "c"]
    kept_pages._local.clear()
