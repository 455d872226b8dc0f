"""The register's pages: who sees which page and form, the filters and their counts, the
exports, the report form with its similar-items hint, triage and handling through the pages,
a skipped step answered with 409 and the Danish sentence, and pinned query counts."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from portal.conftest import make_user
from portal.core.models import AuditEvent
from portal.register import services
from portal.register.models import Endorsement, ItemChange, Office, RegisterItem, Status

pytestmark = pytest.mark.django_db

CPR = "Borgeren 010190-1234 venter"


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _item(title="Dobbelt dokumentation af samtaler", **fields):
    defaults = {"problem": "Samme oplysning skrives to steder.", "main_topic": "5"}
    return RegisterItem.objects.create(title=title, **{**defaults, **fields})


@pytest.fixture
def triaged(office, coordinator):
    item = _item()
    services.item_triage(item=item, by=coordinator, section=2, office=office, timeline="2027K1")
    return item


# --- Who sees which page -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["item_list", "export_csv", "item_report", "offices"])
def test_anonymous_is_sent_to_sign_in(client, name):
    response = client.get(reverse(f"register:{name}"))
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_anonymous_is_sent_to_sign_in_from_an_item_and_a_work_list(client, office):
    item = _item()
    for url in (
        reverse("register:item_detail", args=[item.pk]),
        reverse("register:office_work_list", args=[office.slug]),
        reverse("register:items_similar") + "?title=samtaler",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/konto/login/" in response["Location"]


def test_every_approved_person_reads_the_list_and_the_item(
    caseworker, jc_caseworker, coordinator, office_member, operator_admin
):
    item = _item()
    for person in (caseworker, jc_caseworker, coordinator, office_member, operator_admin):
        client = _client(person)
        assert client.get(reverse("register:item_list")).status_code == 200
        assert client.get(reverse("register:item_detail", args=[item.pk])).status_code == 200
        assert client.get(reverse("register:item_report")).status_code == 200


def test_an_unapproved_person_gets_404(fund):
    person = make_user(organisation=fund, email="ny@3f.example.dk", approved_at=None)
    client = _client(person)
    assert client.get(reverse("register:item_list")).status_code == 404
    assert client.get(reverse("register:item_detail", args=[_item().pk])).status_code == 404


def test_the_triage_form_is_the_coordinators_and_the_step_form_the_offices(
    triaged, caseworker, coordinator, office_member
):
    url = reverse("register:item_detail", args=[triaged.pk])
    caseworker_page = _client(caseworker).get(url).content.decode()
    assert 'data-form="step"' not in caseworker_page
    assert 'data-form="triage"' not in caseworker_page
    member_page = _client(office_member).get(url).content.decode()
    assert 'data-form="step"' in member_page
    assert 'value="in_handling"' in member_page
    fresh = _item(title="Ny sag om blanketter")
    coordinator_page = (
        _client(coordinator).get(reverse("register:item_detail", args=[fresh.pk])).content.decode()
    )
    assert 'data-form="triage"' in coordinator_page


def test_the_office_work_list_is_for_its_members_and_the_coordinators(
    office, triaged, caseworker, coordinator, office_member, operator_admin
):
    url = reverse("register:office_work_list", args=[office.slug])
    assert _client(caseworker).get(url).status_code == 404
    assert _client(operator_admin).get(url).status_code == 404
    assert _client(coordinator).get(url).status_code == 200
    response = _client(office_member).get(url)
    assert response.status_code == 200
    assert triaged.title in response.content.decode()


def test_the_work_list_puts_items_past_their_timeline_first_and_leaves_out_closed_ones(
    office, coordinator, office_member
):
    later = _item(title="Senere frist")
    services.item_triage(item=later, by=coordinator, section=3, office=office, timeline="2099K4")
    overdue = _item(title="Overskredet frist")
    services.item_triage(item=overdue, by=coordinator, section=3, office=office, timeline="2020K1")
    closed = _item(title="Lukket sag")
    services.item_triage(item=closed, by=coordinator, section=6, office=office)
    services.item_update(item=closed, by=coordinator, status=Status.NOT_PURSUED)
    page = _client(office_member).get(reverse("register:office_work_list", args=[office.slug]))
    body = page.content.decode()
    assert body.index("Overskredet frist") < body.index("Senere frist")
    assert "Lukket sag" not in body
    assert "data-overdue" in body


def test_the_offices_page_is_the_operator_admins(caseworker, coordinator, operator_admin):
    url = reverse("register:offices")
    assert _client(caseworker).get(url).status_code == 404
    assert _client(coordinator).get(url).status_code == 404
    assert _client(operator_admin).get(url).status_code == 200


def test_an_operator_admin_creates_an_office_and_sets_its_members(
    operator_admin, jc_caseworker, office
):
    client = _client(operator_admin)
    response = client.post(
        reverse("register:offices"),
        {
            "office-name": "SLK",
            "office-slug": "slk",
            "office-description": "Styrelsen",
            "office-members": [jc_caseworker.pk],
        },
    )
    assert response.status_code == 302
    slk = Office.objects.get(slug="slk")
    assert list(slk.members.all()) == [jc_caseworker]
    # Renamed, and the member taken off.
    response = client.post(
        reverse("register:offices"),
        {"office": slk.pk, "office-name": "SLK (styrelsen)", "office-slug": "slk"},
    )
    assert response.status_code == 302
    slk.refresh_from_db()
    assert slk.name == "SLK (styrelsen)"
    assert not slk.members.exists()
    entry = AuditEvent.objects.filter(
        action=AuditEvent.Action.REGISTER_OFFICE_SAVED, detail__members_removed=[jc_caseworker.pk]
    )
    assert entry.exists()


def test_a_taken_short_name_is_refused_in_danish_and_nothing_changes(operator_admin, office):
    response = _client(operator_admin).post(
        reverse("register:offices"), {"office-name": "Andet kontor", "office-slug": office.slug}
    )
    assert response.status_code == 200
    assert "eksisterer allerede" in response.content.decode()
    assert Office.objects.count() == 1


def test_an_office_that_is_not_a_number_is_404_not_an_error(operator_admin, office):
    response = _client(operator_admin).post(
        reverse("register:offices"),
        {"office": "1; drop", "office-name": "X", "office-slug": "x"},
    )
    assert response.status_code == 404
    assert Office.objects.get().name == office.name


def test_a_caseworker_cannot_set_an_offices_members(caseworker, office):
    response = _client(caseworker).post(
        reverse("register:offices"),
        {
            "office": office.pk,
            "office-name": "X",
            "office-slug": "x",
            "office-members": [caseworker.pk],
        },
    )
    assert response.status_code == 404
    assert not office.members.exists()


# --- The list: filters, counts, pagination, queries ----------------------------------------


@pytest.fixture
def mixed(office, coordinator, jobcenter, fund):
    items = [
        _item(title="Samtaler dobbelt", main_topic="5", reporting_organisation=jobcenter),
        _item(title="Lægeattester", main_topic="2+3", reporting_organisation=jobcenter),
        _item(
            title="Input fra a-kassen",
            main_topic="5",
            origin="external",
            reporting_organisation=fund,
        ),
    ]
    services.item_triage(item=items[0], by=coordinator, section=2, office=office)
    services.item_triage(item=items[2], by=coordinator, section=7, office=office)
    return items


def test_the_filters_narrow_the_list_and_the_counts_follow(caseworker, mixed, fund):
    client = _client(caseworker)
    body = client.get(reverse("register:item_list")).content.decode()
    assert all(item.title in body for item in mixed)
    body = client.get(reverse("register:item_list") + "?status=triaged").content.decode()
    assert "Samtaler dobbelt" in body and "Input fra a-kassen" in body
    assert "Lægeattester" not in body
    assert "2 sager" in body or "2 items" in body
    body = client.get(reverse("register:item_list") + "?section=7").content.decode()
    assert "Input fra a-kassen" in body and "Samtaler dobbelt" not in body
    body = client.get(reverse("register:item_list") + "?origin=external").content.decode()
    assert "Input fra a-kassen" in body and "Lægeattester" not in body
    body = client.get(reverse("register:item_list") + f"?organisation={fund.slug}").content.decode()
    assert "Input fra a-kassen" in body and "Samtaler dobbelt" not in body
    body = client.get(reverse("register:item_list") + "?main_topic=2%2B3").content.decode()
    assert "Lægeattester" in body and "Samtaler dobbelt" not in body
    body = client.get(reverse("register:item_list") + "?q=ATTESTER").content.decode()
    assert "Lægeattester" in body and "Samtaler dobbelt" not in body


def test_counts_per_value_within_the_filter(caseworker, mixed):
    response = _client(caseworker).get(reverse("register:item_list") + "?main_topic=5")
    facets = response.context["facets"]
    status = {row["label"]: row["count"] for row in facets[0]["rows"]}
    assert status == {Status.TRIAGED.label: 2}
    section = {row["label"]: row["count"] for row in facets[1]["rows"]}
    assert sorted(section.values()) == [1, 1]
    unfiltered = _client(caseworker).get(reverse("register:item_list")).context["facets"]
    assert {row["label"]: row["count"] for row in unfiltered[0]["rows"]} == {
        Status.REPORTED.label: 1,
        Status.TRIAGED.label: 2,
    }


def test_the_list_is_paginated_by_50(caseworker):
    RegisterItem.objects.bulk_create(
        [RegisterItem(title=f"Sag {number}", problem="p") for number in range(55)]
    )
    client = _client(caseworker)
    first = client.get(reverse("register:item_list"))
    assert len(first.context["page_obj"].object_list) == 50
    second = client.get(reverse("register:item_list") + "?page=2")
    assert len(second.context["page_obj"].object_list) == 5


def _queries_for(client, url, django_assert_num_queries, count):
    client.get(url)
    with django_assert_num_queries(count):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("size", [5, 30])
def test_the_list_query_count_does_not_grow_with_the_items(
    size, caseworker, office, django_assert_num_queries
):
    items = RegisterItem.objects.bulk_create(
        [
            RegisterItem(title=f"Sag {n}", problem="p", responsible_office=office, section=2)
            for n in range(size)
        ]
    )
    for item in items[:3]:
        Endorsement.objects.create(item=item, user=caseworker, organisation=caseworker.organisation)
    client = _client(caseworker)
    # session, user, roles, organisation in the header, unread bell; offices and organisations
    # for the filter, the page's count and rows, the counts, the person's offices.
    _queries_for(client, reverse("register:item_list"), django_assert_num_queries, QUERIES_LIST)


QUERIES_LIST = 11


@pytest.mark.parametrize("size", [5, 30])
def test_the_item_page_query_count_does_not_grow(
    size, triaged, fund, office_member, django_assert_num_queries
):
    for n in range(size):
        person = make_user(organisation=fund, email=f"p{n}@3f.example.dk")
        services.item_endorse(item=triaged, by=person)
        services.item_comment(item=triaged, by=person, body=f"Også hos os {n}")
    client = _client(office_member)
    _queries_for(
        client,
        reverse("register:item_detail", args=[triaged.pk]),
        django_assert_num_queries,
        QUERIES_ITEM,
    )


QUERIES_ITEM = 12


@pytest.mark.parametrize("size", [5, 30])
def test_the_work_list_query_count_does_not_grow(
    size, office, office_member, django_assert_num_queries
):
    RegisterItem.objects.bulk_create(
        [
            RegisterItem(
                title=f"Sag {n}",
                problem="p",
                responsible_office=office,
                section=2,
                status=Status.IN_HANDLING,
            )
            for n in range(size)
        ]
    )
    client = _client(office_member)
    url = reverse("register:office_work_list", args=[office.slug])
    _queries_for(client, url, django_assert_num_queries, QUERIES_WORK_LIST)
    assert len(client.get(url).context["items"]) == size


QUERIES_WORK_LIST = 8


def test_a_reported_item_offers_the_coordinator_triage_not_the_bare_step(coordinator):
    item = _item()
    response = _client(coordinator).get(reverse("register:item_detail", args=[item.pk]))
    assert [value for value, _label in response.context["step_form"].offered] == [""]


# --- Exports -------------------------------------------------------------------------------


def test_the_csv_export_is_the_filtered_list_with_a_bom_and_formulas_quoted(caseworker, mixed):
    _item(title='=HYPERLINK("http://x")', main_topic="5")
    response = _client(caseworker).get(reverse("register:export_csv") + "?main_topic=5")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    titles = [row[1] for row in rows[1:]]
    assert sorted(titles) == sorted(
        ["Samtaler dobbelt", "Input fra a-kassen", '\'=HYPERLINK("http://x")']
    )
    assert rows[0][1] == "Titel"


def test_the_xlsx_export_holds_the_filtered_list(caseworker, mixed):
    response = _client(caseworker).get(reverse("register:export_xlsx") + "?status=triaged")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(titles) == ["Input fra a-kassen", "Samtaler dobbelt"]
    offices = {row[9] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert offices == {"1. kontor"}


# --- Reporting -----------------------------------------------------------------------------


def _report(client, **fields):
    data = {
        "title": "Dobbelt registrering af jobsøgning",
        "problem": "Borgeren registrerer to steder.",
        "main_topic": "5",
        "sub_topic": "",
        "regulation_kind": "state_law",
        "regulation": "LAB § 16",
        **fields,
    }
    return client.post(reverse("register:item_report"), data)


def test_a_caseworker_reports_an_item(jc_caseworker):
    response = _report(_client(jc_caseworker))
    item = RegisterItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("register:item_detail", args=[item.pk])
    assert item.status == Status.REPORTED
    assert item.reported_by == jc_caseworker
    assert item.origin == "internal"
    assert item.law_references == [["LAB", "16"]]


def test_a_report_without_a_problem_is_refused_in_danish(jc_caseworker):
    response = _report(_client(jc_caseworker), problem="")
    assert response.status_code == 200
    assert "Beskriv problemet" in response.content.decode()
    assert not RegisterItem.objects.exists()


def test_a_cpr_number_is_refused_and_the_typed_text_kept(jc_caseworker):
    response = _report(_client(jc_caseworker), problem=CPR)
    body = response.content.decode()
    assert response.status_code == 200
    assert "CPR" in body
    assert "Dobbelt registrering af jobsøgning" in body
    assert "Borgeren 010190-1234 venter" in body or "Borgeren" in body
    assert not RegisterItem.objects.exists()


def test_the_similar_items_hint_ranks_by_shared_words(caseworker):
    best = _item(title="Dobbelt registrering af samtaler i fagsystemet")
    _item(title="Registrering af ledighed")
    _item(title="Noget helt andet")
    response = _client(caseworker).get(
        reverse("register:items_similar") + "?title=Dobbelt+REGISTRERING+af+samtaler"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert body.index(best.title) < body.index("Registrering af ledighed")
    assert "Noget helt andet" not in body
    assert "også mig" in body.lower()


def test_the_similar_items_hint_is_at_most_five_and_ignores_short_words(caseworker):
    for n in range(7):
        _item(title=f"Samtaler nummer {n}")
    client = _client(caseworker)
    body = client.get(reverse("register:items_similar") + "?title=samtaler").content.decode()
    assert body.count("<li>") == 5
    assert client.get(reverse("register:items_similar") + "?title=af+i+en").content.strip() == b""


def test_the_report_form_asks_for_similar_items_while_the_title_is_typed(caseworker):
    body = _client(caseworker).get(reverse("register:item_report")).content.decode()
    assert 'hx-trigger="keyup changed delay:400ms"' in body
    assert reverse("register:items_similar") in body


# --- Triage and handling through the pages -------------------------------------------------


def test_a_coordinator_triages_and_the_office_handles(coordinator, office, office_member):
    item = _item()
    response = _client(coordinator).post(
        reverse("register:item_triage", args=[item.pk]),
        {"section": "2", "office": office.pk, "timeline": "2027K2", "note": "Godt fundet"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.section, item.responsible_office, item.timeline) == (
        Status.TRIAGED,
        2,
        office,
        "2027K2",
    )
    member = _client(office_member)
    url = reverse("register:item_step", args=[item.pk])
    assert (
        member.post(
            url, {"status": "in_handling", "handling": "Vi ser på det", "timeline": "2027K2"}
        ).status_code
        == 302
    )
    assert (
        member.post(
            url,
            {
                "status": "handled",
                "handling": "Reglen er ændret",
                "timeline": "2027K2",
                "note": "Færdig",
            },
        ).status_code
        == 302
    )
    item.refresh_from_db()
    assert item.status == Status.HANDLED
    assert item.handling == "Reglen er ændret"
    page = member.get(reverse("register:item_detail", args=[item.pk])).content.decode()
    assert "Færdig" in page  # the note in the decision log
    assert "Håndteret" in page


def test_a_skipped_step_is_answered_409_in_danish_and_changes_nothing(triaged, office_member):
    changes = ItemChange.objects.count()
    response = _client(office_member).post(
        reverse("register:item_step", args=[triaged.pk]),
        {"status": "handled", "handling": "Sprunget over", "timeline": "2027K1"},
    )
    assert response.status_code == 409
    assert "kan ikke blive" in response.content.decode()
    triaged.refresh_from_db()
    assert triaged.status == Status.TRIAGED
    assert triaged.handling == ""
    assert ItemChange.objects.count() == changes


def test_a_caseworker_posting_a_step_gets_404_and_nothing_changes(triaged, caseworker):
    response = _client(caseworker).post(
        reverse("register:item_step", args=[triaged.pk]), {"status": "in_handling"}
    )
    assert response.status_code == 404
    triaged.refresh_from_db()
    assert triaged.status == Status.TRIAGED


def test_a_caseworker_posting_a_triage_gets_404(caseworker, office):
    item = _item()
    response = _client(caseworker).post(
        reverse("register:item_triage", args=[item.pk]), {"section": "2", "office": office.pk}
    )
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == Status.REPORTED


def test_triage_without_an_office_is_refused_in_danish(coordinator):
    item = _item()
    response = _client(coordinator).post(
        reverse("register:item_triage", args=[item.pk]), {"section": "2"}
    )
    assert response.status_code == 200
    assert "Vælg det ansvarlige kontor" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.REPORTED


def test_a_cpr_number_in_the_handling_is_refused(triaged, office_member):
    response = _client(office_member).post(
        reverse("register:item_step", args=[triaged.pk]), {"status": "", "handling": CPR}
    )
    assert response.status_code == 200
    assert "CPR" in response.content.decode()
    triaged.refresh_from_db()
    assert triaged.handling == ""


# --- Me too, comments, attachments ---------------------------------------------------------


def test_me_too_and_its_withdrawal(triaged, caseworker, fund):
    client = _client(caseworker)
    url = reverse("register:item_endorse", args=[triaged.pk])
    assert client.post(url).status_code == 302
    page = client.get(reverse("register:item_detail", args=[triaged.pk])).content.decode()
    assert 'data-endorsements="1"' in page
    assert fund.name in page
    client.post(url, {"withdraw": "1"})
    assert not Endorsement.objects.exists()


def test_a_comment_is_added_and_its_html_is_the_sanitised_one(triaged, caseworker):
    client = _client(caseworker)
    client.post(
        reverse("register:item_comment", args=[triaged.pk]),
        {"body": "**Også** hos os <script>alert(1)</script>"},
    )
    page = client.get(reverse("register:item_detail", args=[triaged.pk])).content.decode()
    assert "<strong>Også</strong>" in page
    assert "<script>alert(1)" not in page


def test_a_comment_with_a_cpr_number_is_refused(triaged, caseworker):
    response = _client(caseworker).post(
        reverse("register:item_comment", args=[triaged.pk]), {"body": CPR}
    )
    assert response.status_code == 200
    assert "CPR" in response.content.decode()
    assert not triaged.comments.exists()


def test_an_attachment_is_uploaded_and_downloaded_by_readers_only(triaged, caseworker, fund):
    client = _client(caseworker)
    upload = SimpleUploadedFile("notat.txt", b"Et notat om samtaler.", content_type="text/plain")
    response = client.post(reverse("register:attachment_add", args=[triaged.pk]), {"file": upload})
    assert response.status_code == 302
    attachment = triaged.attachments.get()
    url = reverse("register:attachment_download", args=[triaged.pk, attachment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Et notat om samtaler."
    assert Client().get(url).status_code == 302
    unapproved = make_user(organisation=fund, email="ny@3f.example.dk", approved_at=None)
    assert _client(unapproved).get(url).status_code == 404
    other = _item(title="Anden sag")
    wrong = reverse("register:attachment_download", args=[other.pk, attachment.pk])
    assert client.get(wrong).status_code == 404


def test_the_committee_report_in_one_click(client_for, coordinator, jc_caseworker):
    from portal.register.models import ReportSnapshot

    services.item_report(by=jc_caseworker, title="Blanketter med manuel underskrift", problem="x")
    client = client_for(coordinator)
    page = client.get(reverse("register:item_list")).content.decode()
    assert 'data-report="pdf"' in page and 'data-report="docx"' in page
    response = client.post(reverse("register:committee_report", args=["pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment;" in response["Content-Disposition"]
    word = client.post(reverse("register:committee_report", args=["docx"]))
    assert word.content.startswith(b"PK")  # a Word document is a zip
    assert ReportSnapshot.objects.count() == 2


def test_the_report_is_for_coordinators_only(client_for, jc_caseworker):
    client = client_for(jc_caseworker)
    assert 'data-report="pdf"' not in client.get(reverse("register:item_list")).content.decode()
    assert client.post(reverse("register:committee_report", args=["pdf"])).status_code == 404
    assert client.get(reverse("register:committee_report", args=["pdf"])).status_code == 405
