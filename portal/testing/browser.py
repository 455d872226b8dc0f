"""Headless Chromium for the browser tests: where it is, how it starts, and axe-core checks.

The browser is Debian's Chromium (never a browser that Playwright downloads); the accessibility
rules are axe-core's WCAG 2.1 A/AA rules, the bar for Danish public web (webtilgængelighedsloven).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

CHROMIUM_PATH = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CHROMIUM_MISSING = (
    f"Chromium not found at {CHROMIUM_PATH}; install Debian packages chromium chromium-driver"
)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")

# Paths each open page has been checked on, by id(page): the page fixture compares them with
# the paths the page reached, so no page slips through without a check.
_checked_paths: dict[int, set[str]] = {}


def chromium_missing() -> bool:
    return not CHROMIUM_PATH.exists()


def browser_tests_must_run() -> bool:
    """In CI a missing Chromium is a failure, not a skip."""
    return os.environ.get("CI", "").lower() == "true"


def axe_script() -> Path:
    return Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"


def checked_paths(page) -> set[str]:
    return _checked_paths.setdefault(id(page), set())


def forget_page(page) -> None:
    _checked_paths.pop(id(page), None)


def assert_accessible(page) -> None:
    """Run axe-core on the page as it is now; fail on any serious or critical WCAG violation.

    axe is injected as an inline script, which the portal's CSP forbids: the browser context
    therefore runs with bypass_csp=True.
    """
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script()))
    results = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    checked_paths(page).add(urlsplit(page.url).path)
    violations = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if violations:
        lines = [f"axe-core found {len(violations)} serious/critical violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            lines.append(f"  {violation['helpUrl']}")
            for node in violation["nodes"]:
                lines.append(f"  at {', '.join(map(str, node['target']))}")
        raise AssertionError("\n".join(lines))


def sign_in_with_password(page, *, email: str, password: str) -> None:
    """Sign in through the login form, as a person would, checking the form on the way."""
    page.goto("/konto/login/")
    assert_accessible(page)
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("load")


def report_skipped_browser_tests(terminalreporter) -> None:
    """A banner nobody can miss when the browser tests were skipped for want of Chromium."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if CHROMIUM_MISSING in str(report.longrepr)
    ]
    if not skipped:
        return
    terminalreporter.write_sep("!", red=True, bold=True)
    terminalreporter.write_line(f"BROWSER TESTS SKIPPED: {CHROMIUM_MISSING}", red=True, bold=True)
    terminalreporter.write_line(f"({len(skipped)} browser tests did not run)", red=True, bold=True)
    terminalreporter.write_sep("!", red=True, bold=True)
