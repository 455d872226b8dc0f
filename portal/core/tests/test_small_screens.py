"""Small screens (issue 14, item 1): DKFDS's drawer carries everything the desktop header has,
and every table too wide for a phone scrolls in its own named, focusable region."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PORTAL = Path(__file__).resolve().parents[2]
# Another helper rewrites the outbox list (issue 14, item 9); it gets its region there.
NOT_MINE = {"core/templates/core/outbox_list.html"}


def drawer_of(html: str) -> str:
    start = html.index('<div class="mobile-drawer"')
    return html[start : html.index('<div class="overlay">', start)]


def desktop_menu_of(html: str) -> str:
    start = html.index('<div class="navigation-menu">')
    return html[start : html.index('<div class="mobile-drawer"', start)]


def links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)" class="nav-link', html)


def test_the_drawer_holds_the_menu_the_bell_the_name_the_language_and_sign_out(
    fund_admin, client_for
):
    html = client_for(fund_admin).get(reverse("forum:thread_list")).content.decode()
    assert 'class="function-link button-menu-open js-menu-open' in html
    drawer = drawer_of(html)
    menu = links(desktop_menu_of(html))
    assert reverse("accounts:administration") in menu
    assert links(drawer) == [*menu, reverse("notifications:notification_list")]
    assert drawer.count('aria-current="page"') == 1  # the debate, as in the desktop menu
    assert f'<a href="{reverse("accounts:profile")}">{fund_admin.get_full_name()}</a>' in drawer
    assert f'action="{reverse("set_language")}" method="post"' in drawer
    assert 'value="en" lang="en">English</button>' in drawer
    sign_out = drawer[drawer.index(f'action="{reverse("account_logout")}"') :]
    assert sign_out.startswith(f'action="{reverse("account_logout")}" method="post"')
    assert "csrfmiddlewaretoken" in sign_out
    assert ">Log ud</button>" in sign_out
    assert 'role="dialog" aria-modal="true" aria-labelledby="portal-menu-heading"' in drawer
    assert 'class="function-link button-menu-close js-menu-close"' in drawer


def test_the_drawer_costs_no_query(caseworker, client_for, django_assert_num_queries):
    client = client_for(caseworker)
    client.get("/")
    # The drawer reuses the header's lazy bell and menu: no query more than before (the
    # personal front page's own blocks cost the rest; portal/home pins them).
    with django_assert_num_queries(12):
        html = client.get("/").content.decode()
    assert html.count("js-menu-open") == 1


def test_a_visitor_signs_in_from_the_drawer(client):
    drawer = drawer_of(client.get(reverse("account_login")).content.decode())
    assert f'href="{reverse("account_login")}"' in drawer
    assert "account_logout" not in drawer and "Log ud" not in drawer


def test_every_scrolling_table_is_a_named_focusable_region():
    unnamed = []
    for template in sorted(PORTAL.glob("**/templates/**/*.html")):
        name = str(template.relative_to(PORTAL))
        if name in NOT_MINE:
            continue
        for tag in re.findall(r'<div class="table--responsive-scroll"[^>]*>', template.read_text()):
            named = 'aria-label="' in tag or 'aria-labelledby="' in tag
            if not (named and all(a in tag for a in ('tabindex="0"', 'role="region"'))):
                unnamed.append(f"{name}: {tag}")
    assert not unnamed, unnamed
