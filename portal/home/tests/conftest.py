import pytest


@pytest.fixture(autouse=True, params=["full", "kept"])
def page_kept_or_full(request, settings):
    """Every front-page test twice: rendered in full, and kept whole (portal/core/kept_pages.py,
    home/kept.py), so each change a test makes between two loads must reach the kept page."""
    settings.PORTAL_KEPT_PAGES = request.param == "kept"
    return request.param
