"""The base page (issue 17, item 3; docs/decisions/0047-base-page.md): its header, menu and
footer are rendered once per variant and kept in the process, and nothing one reader sees (name,
menu, bell, CSRF token, nonce) ever reaches another."""

import re

import pytest
from django.conf import settings
from django.template import engines
from django.template.loaders.cached import Loader as CachedLoader
from django.test import Client
from django.urls import reverse

from portal.accounts.services import roles_apply
from portal.core.templatetags import portal_base
from portal.notifications.models import Notification
from portal.notifications.tests.factories import make_thread

pytestmark = pytest.mark.django_db

NONCE_IN_HEADER = re.compile(r"script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'")
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def client_of(user, language: str | None = None) -> Client:
    client = Client()
    client.force_login(user)
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def header_of(html: str) -> str:
    return html[html.index('class="skipnav"') : html.index('<div class="overlay">')]


def menu_links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)" class="nav-link', header_of(html))


def kept_markup() -> str:
    return "".join(
        "".join(pieces[::2]) for store in portal_base._stores.values() for pieces in store.values()
    )


def test_one_persons_menu_and_name_are_never_shown_to_another(caseworker, editor):
    evaluation = reverse("evaluation:dashboard")
    partnership = reverse("partnership:overview")
    first = client_of(editor).get("/").content.decode()
    second = client_of(caseworker).get("/").content.decode()
    again = client_of(editor).get("/").content.decode()

    assert evaluation in menu_links(first) and partnership not in menu_links(first)
    assert evaluation not in menu_links(second) and partnership in menu_links(second)
    assert menu_links(again) == menu_links(first)
    assert caseworker.get_full_name() in header_of(second)
    assert editor.get_full_name() not in header_of(second)
    assert "3F A-kasse" in header_of(second) and "LO Hovedstaden" not in header_of(second)
    assert editor.get_full_name() in header_of(again)
    assert caseworker.get_full_name() not in header_of(again)


def test_the_kept_fragments_hold_nothing_of_their_readers(caseworker, editor):
    pages = [client_of(person).get("/") for person in (caseworker, editor)]
    kept = kept_markup()
    for person, response in zip((caseworker, editor), pages, strict=True):
        html = response.content.decode()
        assert person.get_full_name() not in kept and person.email not in kept
        assert f'user-organisation">{person.organisation.name}' not in kept
        for token in CSRF_INPUT.findall(html):
            assert token not in kept
        nonce = NONCE_IN_HEADER.search(response["Content-Security-Policy"]).group(1)
        assert nonce not in kept


def test_the_other_language_shows_at_once(caseworker):
    danish = client_of(caseworker, "da").get("/").content.decode()
    english = client_of(caseworker, "en").get("/").content.decode()
    assert '<html lang="da">' in danish and ">Log ud</button>" in header_of(danish)
    assert "<span>Debat</span>" in header_of(danish) and "English</button>" in header_of(danish)
    assert '<html lang="en">' in english and ">Sign out</button>" in header_of(english)
    assert "<span>Debate</span>" in header_of(english) and "Dansk</button>" in header_of(english)
    assert "Tilgængelighedserklæring" in danish and "Accessibility statement" in english


def test_the_nonce_and_csrf_token_are_fresh_on_every_request(caseworker):
    client = client_of(caseworker)
    seen_nonces, seen_tokens = set(), set()
    for _ in range(2):
        response = client.get("/")
        html = response.content.decode()
        nonce = NONCE_IN_HEADER.search(response["Content-Security-Policy"]).group(1)
        assert set(re.findall(r'<script [^>]*nonce="([^"]+)"', html)) == {nonce}
        tokens = set(CSRF_INPUT.findall(header_of(html)))
        assert len(tokens) == 1
        seen_nonces.add(nonce)
        seen_tokens |= tokens
    assert len(seen_nonces) == 2 and len(seen_tokens) == 2
    # The token in the kept header works: the language form posts with it.
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(caseworker)
    html = strict.get("/").content.decode()
    token = CSRF_INPUT.search(header_of(html)).group(1)
    response = strict.post(
        reverse("set_language"), {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_a_change_of_roles_changes_the_menu_at_once(caseworker):
    client = client_of(caseworker)
    evaluation = reverse("evaluation:dashboard")
    assert evaluation not in menu_links(client.get("/").content.decode())
    roles_apply(member=caseworker, roles=["caseworker", "editor"], actor=None, request=None)
    assert evaluation in menu_links(client.get("/").content.decode())
    roles_apply(member=caseworker, roles=["caseworker"], actor=None, request=None)
    assert evaluation not in menu_links(client.get("/").content.decode())


def test_the_active_item_follows_the_page(caseworker):
    client = client_of(caseworker)
    for url in (reverse("forum:thread_list"), "/", reverse("events:event_list")):
        html = client.get(url).content.decode()
        current = re.findall(r'<a href="([^"]+)" class="nav-link" aria-current="page"', html)
        assert current == [url, url]  # the desktop menu and the drawer
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert 'class="nav-link" aria-current="page"' not in profile


def test_the_bell_shows_each_person_their_own_count(caseworker, colleague):
    thread = make_thread(author=colleague)
    Notification.objects.bulk_create(
        Notification(
            recipient=caseworker, kind=Notification.Kind.REPLY, actor=colleague, thread=thread
        )
        for _ in range(3)
    )
    mine = header_of(client_of(caseworker).get("/").content.decode())
    theirs = header_of(client_of(colleague).get("/").content.decode())
    assert mine.count('<span class="badge badge-error" aria-hidden="true">3</span>') == 2
    assert (
        mine.count('<span class="badge badge-error portal-badge" aria-hidden="true">3</span>') == 1
    )
    assert "badge-error" not in theirs


def test_signed_out_the_header_offers_sign_in(client, caseworker):
    client_of(caseworker).get(reverse("account_login"))
    html = client.get(reverse("account_login")).content.decode()
    assert reverse("account_login") in header_of(html)
    assert caseworker.get_full_name() not in html and "portal-bell" not in html


def test_a_changed_setting_forgets_the_kept_fragments(caseworker, settings):
    client_of(caseworker).get("/")
    assert portal_base._stores
    settings.PORTAL_ACCESSIBILITY_STATEMENT_URL = "https://example.dk/tilgaengelighed"
    assert not portal_base._stores
    assert (
        'href="https://example.dk/tilgaengelighed"'
        in client_of(caseworker).get("/").content.decode()
    )


def test_templates_are_compiled_once_per_process():
    """Django caches compiled templates when no loaders are configured (also with DEBUG, since
    4.1; django-template-partials wraps that chain); the fragments' store hangs off them."""
    loaders = list(engines["django"].engine.template_loaders)
    found = []
    while loaders:
        loader = loaders.pop()
        found.append(loader)
        loaders.extend(getattr(loader, "loaders", []))
    assert any(isinstance(loader, CachedLoader) for loader in found)
