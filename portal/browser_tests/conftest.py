"""Browser fixtures: Debian's headless Chromium driven by Playwright against live_server.

Playwright's sync API keeps an asyncio loop running in the test thread, which Django's
async-safety check takes for async code; DJANGO_ALLOW_ASYNC_UNSAFE is set only while a browser
is open, so the rest of the suite keeps the check.
"""

import os
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache

from portal.testing.browser import (
    CHROMIUM_ARGS,
    CHROMIUM_MISSING,
    CHROMIUM_PATH,
    browser_tests_must_run,
    checked_paths,
    chromium_missing,
    forget_page,
)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so fixtures can tell whether the test passed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="module")
def browser():
    if chromium_missing():
        if browser_tests_must_run():
            pytest.fail(f"{CHROMIUM_MISSING} (CI=true: the browser tests must run)", pytrace=False)
        pytest.skip(CHROMIUM_MISSING)
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM_PATH), args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth's rate limits live in the cache, which outlives each test's database."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page(browser, live_server, settings, request):
    """A fresh browser tab on the live server, in Danish, at desktop size.

    After the test it checks that every page the tab reached was checked with axe-core and
    that no JavaScript error happened.
    """
    settings.SITE_URL = live_server.url  # links in emails point at the live server
    context = browser.new_context(
        base_url=live_server.url,
        bypass_csp=True,
        locale="da-DK",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    reached: set[str] = set()
    errors: list[str] = []

    def note_navigation(frame):
        if frame == tab.main_frame and frame.url.startswith(live_server.url):
            reached.add(urlsplit(frame.url).path)

    tab.on("framenavigated", note_navigation)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    unchecked = sorted(reached - checked_paths(tab))
    forget_page(tab)
    context.close()
    report = getattr(request.node, "report_call", None)
    if report is not None and report.passed:
        assert not errors, f"JavaScript errors in the browser: {errors}"
        assert not unchecked, f"Pages reached without an axe-core check: {unchecked}"
