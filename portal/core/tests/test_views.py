import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_front_page_is_danish_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="da">' in response.content.decode()
    assert "Log ind" in response.content.decode()


def test_unknown_page_gets_the_danish_404(client):
    response = client.get("/findes-ikke/")
    assert response.status_code == 404
    assert "Siden blev ikke fundet" in response.content.decode()


def test_the_registers_old_address_leads_to_the_register(client, caseworker, client_for):
    response = client_for(caseworker).get("/forenkling/")
    assert response.status_code == 301
    assert response["Location"] == reverse("register:item_list")


def test_healthz_reports_database_and_queue(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["queue"] == "ok"


def test_navigation_marks_only_the_current_module(client, caseworker, client_for):
    client = client_for(caseworker)
    register = client.get(reverse("register:item_list")).content.decode()
    # Once in the desktop menu and once in the small screens' drawer, which repeats it.
    assert register.count('aria-current="page"') == 2
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert 'aria-current="page"' not in profile


def test_the_front_page_for_those_not_signed_in_needs_no_query(client, django_assert_num_queries):
    # The signed-in person's page is portal.home's; its query count is pinned there.
    client.get("/")
    with django_assert_num_queries(0):
        client.get("/")


def test_admin_link_shows_only_for_admins(caseworker, fund_admin, client_for):
    assert "/administration/" not in client_for(caseworker).get("/").content.decode()
    assert "/administration/" in client_for(fund_admin).get("/").content.decode()


def test_an_english_browser_still_gets_danish_until_english_is_chosen(client, settings):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="da">' in response.content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="da")
    assert '<html lang="en">' in response.content.decode()


def test_the_front_page_offers_the_register_by_its_name(caseworker, client_for):
    page = client_for(caseworker).get("/").content.decode()
    assert '<a href="/register/"' in page or 'href="/register/"' in page
    assert "Tilmeld" not in page  # the events' "Register" (sign up) is another word
