"""The portal on a phone and on a laptop: navigation within reach, no sideways page scroll,
axe-clean (issue 14, item 1; docs/decisions/0030-small-screens.md).

Lean on purpose (the CI's time budget): one walk per width over the demo's pages.
"""

import pytest
from django.db import transaction

from portal.conftest import make_user
from portal.core.tests.factories import TopicFactory
from portal.events.tests.factories import EventFactory, RegistrationFactory
from portal.forum.tests.factories import make_question, make_reply, make_thread
from portal.hotline.services import hotline_case_open
from portal.testing.browser import assert_accessible, sign_in_with_password
from portal.testing.totp import totp_code

pytestmark = pytest.mark.browser

FIXTURE_TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # the secret portal/conftest.py gives admins
LONG_WORD = "Arbejdsløshedsforsikringslovsbekendtgørelsesændringsforslagsbehandlingen"


@pytest.fixture
def day(fund, caseworker, jurist):
    """A caseworker's day in miniature: a thread with a long word, a hotline case, an event."""
    topic = TopicFactory(slug="dagpenge", name="Dagpenge")
    with transaction.atomic():
        thread = make_thread(
            author=caseworker,
            topic=topic,
            title=f"Rådighed ved deltid og {LONG_WORD}",
            body=f"Se https://www.retsinformation.dk/eli/lta/2024/{LONG_WORD} om {LONG_WORD}.",
        )
        colleague = make_user(organisation=fund, email="kollega@3f.example.dk")
        make_reply(author=colleague, thread=thread, body=f"Vi gør sådan: {LONG_WORD}.")
        question = make_question(author=caseworker, topic=topic, title="Aktivering efter LAB § 16?")
        hotline_case_open(thread=question, by=caseworker)
    event = EventFactory(title=f"Temamøde om {LONG_WORD}", organisers=[jurist])
    RegistrationFactory(event=event, user=caseworker)
    return {"thread": thread, "question": question, "event": event}


def assert_fits(page, path):
    """WCAG 1.4.10: the page itself never scrolls sideways (a table may, in its own region)."""
    widths = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{path} scrolls sideways at {widths[1]} px: {widths[0]} px wide"


def visit(page, path):
    response = page.goto(path)
    assert response.status == 200, f"{path} answered {response.status}"
    assert_fits(page, path)
    assert_accessible(page)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_caseworker_reaches_every_main_page_at_phone_and_laptop_width(
    page, caseworker, password, day, width
):
    page.set_viewport_size({"width": width, "height": 844 if width < 992 else 900})
    sign_in_with_password(page, email=caseworker.email, password=password)
    for path in [
        "/",
        "/debat/",
        f"/debat/traad/{day['thread'].pk}/",
        f"/debat/traad/{day['question'].pk}/",  # the caseworker's question to the hotline
        "/debat/vejledninger/",
        "/kolleger/",
        "/soeg/?q=dagpenge",
        "/arrangementer/",
        f"/arrangementer/{day['event'].pk}/",
        "/notifikationer/",
        "/profil/",
    ]:
        visit(page, path)

    menu_button = page.locator(".js-menu-open")
    drawer = page.locator(".mobile-drawer")
    desktop_menu = page.locator(".navigation-menu .mainmenu")
    if width < 992:
        assert menu_button.is_visible()
        assert not desktop_menu.is_visible()
        assert not drawer.is_visible()
        menu_button.click()
        assert drawer.is_visible()
        assert page.locator(".overlay").is_visible()
        # Focus moves into the drawer (DKFDS traps it there) and it holds the header's items.
        assert page.evaluate("() => document.activeElement.classList.contains('js-menu-close')")
        assert drawer.get_by_role("link", name="Notifikationer").is_visible()
        assert drawer.get_by_role("link", name=caseworker.get_full_name()).is_visible()
        assert drawer.get_by_role("button", name="English").is_visible()
        assert drawer.get_by_role("button", name="Log ud").is_visible()
        assert_accessible(page)
        page.keyboard.press("Escape")
        assert not drawer.is_visible()
        menu_button.click()
        drawer.get_by_role("link", name="Arrangementer").click()
        page.wait_for_url("**/arrangementer/")
        assert not page.locator(".mobile-drawer").is_visible()
        page.locator(".js-menu-open").click()
        sign_out = page.locator(".mobile-drawer").get_by_role("button", name="Log ud")
    else:
        assert not menu_button.is_visible()
        assert desktop_menu.get_by_role("link", name="Arrangementer").is_visible()
        assert page.locator(".portal-user").get_by_role("link", name="Notifikationer").is_visible()
        # A fragment swapped in by htmx starts DKFDS again; the menu keeps one "Mere" item.
        page.evaluate(
            "() => document.body.dispatchEvent("
            "new CustomEvent('htmx:afterSettle', {bubbles: true}))"
        )
        assert page.locator(".navigation-menu .mainmenu > li.more-option").count() == 1
        desktop_menu.get_by_role("link", name="Arrangementer").click()
        page.wait_for_url("**/arrangementer/")
        sign_out = page.locator(".portal-user").get_by_role("button", name="Log ud")
    assert_accessible(page)
    sign_out.click()
    page.wait_for_load_state("load")
    assert page.get_by_role("link", name="Log ind").first.is_visible()
    assert_accessible(page)


def test_pages_with_tables_fit_320_px_for_the_jurist_and_the_operator(
    page, jurist, operator_admin, fund, password, day
):
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in_with_password(page, email=jurist.email, password=password)
    for path in [
        "/debat/",
        "/debat/hotline/",
        "/debat/emner/",
        "/debat/netvaerk/",
        "/debat/vejledninger/love/",
        f"/arrangementer/{day['event'].pk}/deltagere/",
    ]:
        visit(page, path)
    # The stacked rows carry their column names (DKFDS copies them from the header).
    assert page.locator("#confirmed-participants td[data-title]").count() > 0
    page.context.clear_cookies()

    sign_in_with_password(page, email=operator_admin.email, password=password)
    page.wait_for_url("**/konto/2fa/authenticate/")
    assert_accessible(page)
    page.locator("input[name=code]").fill(totp_code(FIXTURE_TOTP_SECRET))
    page.locator("form:has(input[name=code]) button.button-primary").click()
    page.wait_for_url(lambda url: "/konto/2fa/" not in url)
    for path in [
        "/",
        "/administration/",
        "/organisationer/",
        f"/organisationer/{fund.slug}/personer/",
        "/adgangslog/",
        "/drift/post/",
        "/partnerskab/",
        "/register/",
        "/konto/sessions/",
    ]:
        visit(page, path)
