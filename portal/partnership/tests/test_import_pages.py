"""The browser's import page: who gets it, a small file's result at once, the error table, and a
queued file followed by its status part."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.conftest import make_user
from portal.partnership.models import ContactCourse, ImportStatus, PartnershipImport
from portal.partnership.tests.test_importing import GOOD_COURSE, courses_csv

pytestmark = pytest.mark.django_db

PAGE = reverse("partnership:import_page")
# Session, person, roles and the like, and the import: the same however often it polls.
QUERIES_STATUS_PART = 6


# Coordinators sign in with a second factor; without one every page sends them to set it up.
@pytest.fixture
def jobcenter_coordinator(jobcenter):
    return make_user(
        organisation=jobcenter, roles=["coordinator"], email="k@jobcenter.example.dk", mfa=True
    )


@pytest.fixture
def fund_coordinator(fund):
    return make_user(organisation=fund, roles=["coordinator"], email="k@3f.example.dk", mfa=True)


def _upload(client, user, data, kind="courses", name="kurser.csv"):
    client.force_login(user)
    return client.post(PAGE, {"kind": kind, "file": SimpleUploadedFile(name, data)})


def test_only_people_who_may_import_get_the_page(
    client, caseworker, union, fund_coordinator, jobcenter_coordinator
):
    for person in (caseworker, make_user(organisation=union, roles=["coordinator"], mfa=True)):
        client.force_login(person)
        assert client.get(PAGE).status_code == 404
        assert _upload(client, person, courses_csv(GOOD_COURSE)).status_code == 404
    assert not PartnershipImport.objects.exists()
    for person in (fund_coordinator, jobcenter_coordinator):
        client.force_login(person)
        response = client.get(PAGE)
        assert response.status_code == 200
        assert 'enctype="multipart/form-data"' in response.content.decode()
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_the_overview_and_dashboard_link_to_the_import_for_those_who_may_import(
    client, jobcenter_coordinator, fund_coordinator, caseworker, fund
):
    client.force_login(jobcenter_coordinator)
    assert PAGE in client.get(reverse("partnership:overview")).content.decode()
    dashboard = reverse("partnership:dashboard", args=[fund.slug])
    client.force_login(fund_coordinator)
    assert PAGE in client.get(dashboard).content.decode()
    client.force_login(caseworker)  # reads the fund's dashboard, imports nothing
    response = client.get(dashboard)
    assert response.status_code == 200
    assert PAGE not in response.content.decode()


def test_a_small_file_shows_its_result_at_once_and_is_listed(client, jobcenter_coordinator, fund):
    response = _upload(client, jobcenter_coordinator, courses_csv(GOOD_COURSE))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="status"' in html
    assert re.search(r"1 [^<]*: 1 [^<]*, 0 ", html)  # rows read: new, changed
    assert ContactCourse.objects.count() == 1
    record = PartnershipImport.objects.get()
    assert reverse("partnership:import_detail", args=[record.pk]) in html


def test_a_bad_file_shows_the_errors_by_row_and_column(client, jobcenter_coordinator, fund):
    bad = GOOD_COURSE.replace("2016-01-15", "15/15/2016")
    response = _upload(client, jobcenter_coordinator, courses_csv(GOOD_COURSE, bad))
    html = response.content.decode()
    assert 'id="import-errors"' in html
    message = PartnershipImport.objects.get().errors[0]["message"]
    assert "<td>3</td>" in html and "<td>unemployment_start</td>" in html
    assert str(message).replace("'", "&#x27;").split("“")[0] in html
    assert not ContactCourse.objects.exists()


def test_a_file_over_the_limit_is_refused_by_the_form(
    client, jobcenter_coordinator, fund, settings
):
    settings.PORTAL_PARTNERSHIP_IMPORT_MAX_BYTES = 10
    response = _upload(client, jobcenter_coordinator, courses_csv(GOOD_COURSE))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not PartnershipImport.objects.exists()


def test_a_queued_file_redirects_to_its_progress_which_htmx_polls_until_done(
    client, jobcenter_coordinator, fund, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_PARTNERSHIP_IMPORT_QUEUE_ROWS = 2
    rows = [f"K-{n};3f;borger-{n};2016-01-15;30plus;0;;;" for n in range(5)]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _upload(client, jobcenter_coordinator, courses_csv(*rows))
    record = PartnershipImport.objects.get()
    detail = reverse("partnership:import_detail", args=[record.pk])
    assert response.status_code == 302 and response["Location"] == detail

    page = client.get(detail).content.decode()
    assert 'hx-trigger="every 2s"' in page and "<progress" in page and "<html" in page
    part = client.get(detail, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 2s"' in part and "<html" not in part

    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    assert PartnershipImport.objects.get().status == ImportStatus.DONE
    part = client.get(detail, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in part  # done: the polling stops
    assert 'role="status"' in part


def test_an_import_is_seen_by_its_importer_and_the_jobcenter_only(
    client, fund_coordinator, jobcenter_coordinator, fund, other_fund
):
    _upload(client, fund_coordinator, courses_csv(GOOD_COURSE))
    detail = reverse("partnership:import_detail", args=[PartnershipImport.objects.get().pk])
    assert client.get(detail).status_code == 200
    client.force_login(jobcenter_coordinator)
    assert client.get(detail).status_code == 200
    other = make_user(
        organisation=other_fund, roles=["coordinator"], email="c@foa.example.dk", mfa=True
    )
    client.force_login(other)
    assert client.get(detail).status_code == 404
    assert "kurser.csv" not in client.get(PAGE).content.decode()


def test_the_importer_of_a_queued_file_is_told_by_the_bell_and_it_leads_to_the_import(
    client, jobcenter_coordinator, fund, settings, django_capture_on_commit_callbacks
):
    from portal.core.models import EmailDelivery
    from portal.notifications.models import Notification
    from portal.notifications.presentation import notification_message, notification_target_url

    settings.PORTAL_PARTNERSHIP_IMPORT_QUEUE_ROWS = 2
    rows = [f"K-{n};3f;borger-{n};2016-01-15;30plus;0;;;" for n in range(5)]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _upload(client, jobcenter_coordinator, courses_csv(*rows))
    assert not Notification.objects.exists()  # not before it has run
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    record = PartnershipImport.objects.get()
    notification = Notification.objects.get()
    assert notification.recipient == jobcenter_coordinator
    assert notification.kind == Notification.Kind.PARTNERSHIP_IMPORT_DONE
    assert notification.partnership_import == record
    # The importer's own email says it already: the bell's email round leaves it out.
    assert notification.emailed_at is not None
    assert EmailDelivery.objects.filter(reference=f"partnership_import:{record.pk}").count() == 1
    message = notification_message(notification)
    assert "“kurser.csv”" in message and "5" in message
    assert notification_target_url(notification) == reverse(
        "partnership:import_detail", args=[record.pk]
    )
    bell = client.get(reverse("notifications:notification_list")).content.decode()
    assert "kurser.csv" in bell
    opened = client.get(reverse("notifications:notification_open", args=[notification.pk]))
    assert opened["Location"] == reverse("partnership:import_detail", args=[record.pk])


def test_a_small_file_tells_nobody_by_the_bell(client, jobcenter_coordinator, fund):
    from portal.notifications.models import Notification

    _upload(client, jobcenter_coordinator, courses_csv(GOOD_COURSE))
    assert not Notification.objects.exists()


def test_a_refused_queued_file_says_so_under_the_bell(
    jobcenter_coordinator, fund, settings, django_capture_on_commit_callbacks
):
    from portal.notifications.models import Notification
    from portal.notifications.presentation import notification_message
    from portal.partnership.services import import_start

    settings.PORTAL_PARTNERSHIP_IMPORT_QUEUE_ROWS = 1
    bad = GOOD_COURSE.replace("2016-01-15", "15/15/2016")
    with django_capture_on_commit_callbacks(execute=True):
        import_start(
            kind="courses",
            file_name="fejl.csv",
            data=courses_csv(GOOD_COURSE, bad),
            by=jobcenter_coordinator,
        )
    notification = Notification.objects.get(recipient=jobcenter_coordinator)
    assert notification.partnership_import.status == ImportStatus.FAILED
    message = notification_message(notification)
    assert "“fejl.csv”" in message
    notification.partnership_import.status = ImportStatus.DONE
    assert notification_message(notification) != message  # a refusal reads as one


def test_the_status_part_polled_every_2_seconds_costs_a_fixed_few_queries(
    client, jobcenter_coordinator, fund, settings, django_assert_num_queries
):
    settings.PORTAL_PARTNERSHIP_IMPORT_QUEUE_ROWS = 0
    response = _upload(client, jobcenter_coordinator, courses_csv(GOOD_COURSE))
    detail = response["Location"]
    client.get(detail, headers={"HX-Request": "true"})  # warm: roles cached per session
    with django_assert_num_queries(QUERIES_STATUS_PART):
        part = client.get(detail, headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in part.content.decode()
