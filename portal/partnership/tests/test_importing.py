"""Importing partnership files: CSV and XLSX as Excel writes them, all or nothing, idempotent."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from portal.conftest import make_user
from portal.core.models import AuditEvent, EmailDelivery
from portal.partnership.models import (
    ContactCourse,
    EffectBenchmark,
    ImportStatus,
    Interview,
    JobClubActivity,
    Outcome,
    PartnershipImport,
)
from portal.partnership.services import import_start
from portal.partnership.tests.factories import ContactCourseFactory, InterviewFactory

pytestmark = pytest.mark.django_db

COURSE_HEADER = (
    "course_id;fund;citizen_key;unemployment_start;age_band;special_effort;"
    "chose_jobcenter_on;end_date;end_reason"
)


def csv_bytes(*lines: str, bom: bool = False) -> bytes:
    text = "\r\n".join(lines) + "\r\n"  # as Excel ends its lines
    return ("\ufeff" if bom else "").encode() + text.encode()


def courses_csv(*rows: str, delimiter: str = ";", bom: bool = False) -> bytes:
    return csv_bytes(
        COURSE_HEADER.replace(";", delimiter),
        *(row.replace(";", delimiter) for row in rows),
        bom=bom,
    )


def run(kind, data, by, name="fil.csv", **kwargs):
    return import_start(kind=kind, file_name=name, data=data, by=by, **kwargs)


GOOD_COURSE = "K-1;3f;borger-a1;2016-01-15;30plus;0;;;"
OTHER_COURSE = "K-2;foa;borger-b2;31-01-2016;under30;1;2016-03-01;2016-06-30;Job"


def test_a_semicolon_csv_of_courses_is_imported(jobcenter_coordinator, fund, other_fund):
    record = run("courses", courses_csv(GOOD_COURSE, OTHER_COURSE), jobcenter_coordinator)

    assert (record.status, record.rows, record.created, record.updated) == ("done", 2, 2, 0)
    assert record.errors == []
    first, second = ContactCourse.objects.order_by("course_id")
    assert (first.fund, first.citizen_key, first.unemployment_start) == (
        fund,
        "borger-a1",
        datetime.date(2016, 1, 15),
    )
    assert (first.special_effort, first.end_date, first.chose_jobcenter_on) == (False, None, None)
    # A Danish date (dd-mm-yyyy) as Excel writes it in a Danish locale.
    assert second.unemployment_start == datetime.date(2016, 1, 31)
    assert (second.fund, second.special_effort, second.end_reason) == (other_fund, True, "Job")
    assert record.touched == {
        "funds": sorted([fund.pk, other_fund.pk]),
        "from": "2016-01-15",
        "to": "2016-01-31",
    }


def test_a_comma_csv_with_a_byte_order_mark_is_imported(jobcenter_coordinator, fund, other_fund):
    record = run(
        "courses",
        courses_csv(GOOD_COURSE, OTHER_COURSE, delimiter=",", bom=True),
        jobcenter_coordinator,
    )
    assert (record.status, record.created) == ("done", 2)
    assert set(ContactCourse.objects.values_list("course_id", flat=True)) == {"K-1", "K-2"}


def test_an_xlsx_workbook_is_imported_with_real_dates_and_numbers(jobcenter_coordinator, fund):
    course = ContactCourseFactory(course_id="K-9", fund=fund)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["activity_id", "course_id", "start_date", "cost_dkk", None])
    sheet.append(["J-1", "K-9", datetime.datetime(2016, 3, 1), 1234.5, None])
    sheet.append(["J-2", "K-9", "02-03-2016", "1.000,25", None])
    sheet.append([None, None, None, None, None])  # Excel's empty rows
    buffer = io.BytesIO()
    workbook.save(buffer)

    record = run("job_clubs", buffer.getvalue(), jobcenter_coordinator, name="jobklub.xlsx")

    assert (record.status, record.rows, record.created) == ("done", 2, 2)
    activities = {a.activity_id: a for a in JobClubActivity.objects.all()}
    assert activities["J-1"].course == course
    assert activities["J-1"].start_date == datetime.date(2016, 3, 1)
    assert activities["J-1"].cost_dkk == Decimal("1234.50")
    assert activities["J-2"].cost_dkk == Decimal("1000.25")


def test_the_same_file_again_changes_nothing_and_a_changed_row_updates(jobcenter_coordinator, fund):
    data = courses_csv(GOOD_COURSE, "K-3;3f;borger-c3;2016-02-01;30plus;0;;;")
    run("courses", data, jobcenter_coordinator)
    before = list(ContactCourse.objects.order_by("pk").values())

    again = run("courses", data, jobcenter_coordinator)
    assert (again.status, again.rows, again.created, again.updated) == ("done", 2, 0, 0)
    assert list(ContactCourse.objects.order_by("pk").values()) == before
    assert again.touched == {}

    changed = run(
        "courses",
        courses_csv(GOOD_COURSE, "K-3;3f;borger-c3;2016-02-01;30plus;0;;2016-05-31;Arbejde"),
        jobcenter_coordinator,
    )
    assert (changed.created, changed.updated) == (0, 1)
    course = ContactCourse.objects.get(course_id="K-3")
    assert (course.end_date, course.end_reason) == (datetime.date(2016, 5, 31), "Arbejde")
    assert ContactCourse.objects.count() == 2
    assert ContactCourse.objects.get(course_id="K-3").pk == before[1]["id"]


def test_the_number_of_queries_does_not_grow_with_the_rows(jobcenter_coordinator, fund):
    """Bulk reads and upserts, not a query per row."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(count, offset):
        rows = [f"K-{offset + n};3f;borger-{n};2016-01-15;30plus;0;;;" for n in range(count)]
        with CaptureQueriesContext(connection) as context:
            record = run("courses", courses_csv(*rows), jobcenter_coordinator)
        assert record.created == count
        return [query["sql"] for query in context.captured_queries]

    queries_for(1, 5000)  # the importer's roles and organisation are then loaded
    few = queries_for(5, 0)
    assert len(few) == len(queries_for(60, 1000)) == 12, "\n".join(few)


BAD_ROWS = [
    # (a row of the courses file, the column the error names, what the message quotes)
    ("K-5;3f;borger-e5;2016-02-30;30plus;0;;;", "unemployment_start", "2016-02-30"),
    ("K-5;3f;borger-e5;;30plus;0;;;", "unemployment_start", ""),
    ("K-5;3f;borger-e5;2016-02-01;40plus;0;;;", "age_band", "40plus"),
    ("K-5;3f;borger-e5;2016-02-01;30plus;ja;;;", "special_effort", "ja"),
    ("K-5;3f;borger-e5;2016-02-01;30plus;0;i morgen;;", "chose_jobcenter_on", "i morgen"),
    ("K-5;ukendt-a-kasse;borger-e5;2016-02-01;30plus;0;;;", "fund", "ukendt-a-kasse"),
    (";3f;borger-e5;2016-02-01;30plus;0;;;", "course_id", ""),
    ("K-5;3f;;2016-02-01;30plus;0;;;", "citizen_key", ""),
    ("K-5;3f;borger-e5;2016-02-01;30plus;0;;;" + "x" * 201, "end_reason", "200"),
    (GOOD_COURSE, "course_id", "2"),  # the same id twice: the message names the first row
]


@pytest.mark.parametrize(("row", "column", "word"), BAD_ROWS)
def test_one_bad_row_refuses_the_whole_file(jobcenter_coordinator, fund, row, column, word):
    record = run("courses", courses_csv(GOOD_COURSE, row), jobcenter_coordinator)

    assert record.status == ImportStatus.FAILED
    assert not ContactCourse.objects.exists()
    assert len(record.errors) == 1
    error = record.errors[0]
    assert (error["row"], error["column"]) == (3, column)
    assert word in error["message"]


def test_a_missing_and_an_unknown_column_refuse_the_file(jobcenter_coordinator, fund):
    data = csv_bytes(
        "course_id;fund;citizen_key;unemployment_start;age_band;special_effort;end_date;"
        "end_reason;cpr",
        "K-1;3f;borger-a1;2016-01-15;30plus;0;;;",
    )
    record = run("courses", data, jobcenter_coordinator)
    assert record.status == "failed"
    assert {(e["row"], e["column"]) for e in record.errors} == {
        (1, "cpr"),
        (1, "chose_jobcenter_on"),
    }
    assert not ContactCourse.objects.exists()


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("K-7;3f;010190-1234;2016-01-15;30plus;0;;;", "citizen_key"),
        ("K-7;3f;borger-7;2016-01-15;30plus;0;;;Borger cpr: 01\u00ad0190\u20111234", "end_reason"),
        ("0101901234;3f;borger-7;2016-01-15;30plus;0;;;", "course_id"),
    ],
)
def test_a_cpr_number_anywhere_refuses_the_file_and_is_not_repeated(
    jobcenter_coordinator, fund, row, column
):
    record = run("courses", courses_csv(GOOD_COURSE, row), jobcenter_coordinator)

    assert record.status == "failed"
    assert not ContactCourse.objects.exists()
    assert [(e["row"], e["column"]) for e in record.errors] == [(3, column)]
    assert "CPR" in record.errors[0]["message"]
    assert "010190-XXXX" in record.errors[0]["message"]
    assert "1234" not in str(record.errors)


def test_a_fund_imports_for_itself_but_a_file_for_another_fund_is_refused(
    fund_coordinator, fund, other_fund
):
    own = run("courses", courses_csv(GOOD_COURSE), fund_coordinator)
    assert own.status == "done"
    assert own.fund == fund

    record = run(
        "courses",
        courses_csv("K-8;3f;borger-8;2016-01-15;30plus;0;;;", OTHER_COURSE),
        fund_coordinator,
    )
    assert record.status == "failed"
    assert [(e["row"], e["column"]) for e in record.errors] == [(3, "fund")]
    assert set(ContactCourse.objects.values_list("course_id", flat=True)) == {"K-1"}


def test_a_fund_cannot_take_over_another_fund_s_course_or_interview(
    fund_coordinator, fund, other_fund
):
    ContactCourseFactory(course_id="K-F", fund=other_fund)
    theirs = InterviewFactory(interview_id="S-F", course__fund=other_fund)
    ContactCourseFactory(course_id="K-MINE", fund=fund)

    courses = run(
        "courses", courses_csv("K-F;3f;borger-x;2016-01-15;30plus;0;;;"), fund_coordinator
    )
    assert courses.errors[0]["column"] == "course_id"

    interviews = run(
        "interviews",
        csv_bytes(
            "interview_id;course_id;kind;held_on;held_by;channel;status",
            "S-F;K-MINE;job;2016-02-15;fund;phone;held",
        ),
        fund_coordinator,
    )
    assert interviews.status == "failed"
    assert interviews.errors[0]["column"] == "interview_id"
    theirs.refresh_from_db()
    assert theirs.course.fund == other_fund


def test_interviews_need_a_known_course_and_valid_codes(jobcenter_coordinator, fund):
    ContactCourseFactory(course_id="K-1", fund=fund)
    header = "interview_id;course_id;kind;held_on;held_by;channel;status"

    good = run(
        "interviews",
        csv_bytes(header, "S-1;K-1;job;2016-02-15;fund;phone;held"),
        jobcenter_coordinator,
    )
    assert good.status == "done"
    assert Interview.objects.get().held_by == "fund"

    bad = run(
        "interviews",
        csv_bytes(
            header,
            "S-2;K-404;job;2016-02-15;fund;phone;held",
            "S-3;K-1;møde;2016-02-15;either;fax;maybe",
        ),
        jobcenter_coordinator,
    )
    assert bad.status == "failed"
    # Codes are checked for the whole file before courses are looked up.
    assert {(e["row"], e["column"]) for e in bad.errors} == {
        (3, "kind"),
        (3, "held_by"),
        (3, "channel"),
        (3, "status"),
    }
    unknown = run(
        "interviews",
        csv_bytes(header, "S-2;K-404;job;2016-02-15;fund;phone;held"),
        jobcenter_coordinator,
    )
    assert [(e["row"], e["column"]) for e in unknown.errors] == [(2, "course_id")]
    assert "K-404" in unknown.errors[0]["message"]
    assert Interview.objects.count() == 1


def test_outcomes_and_benchmarks(jobcenter_coordinator, fund, fund_coordinator):
    ContactCourseFactory(course_id="K-1", fund=fund)
    outcomes = csv_bytes("course_id,weeks_after_start,self_supporting", "K-1,26,1")
    assert run("outcomes", outcomes, jobcenter_coordinator).created == 1
    again = run(
        "outcomes",
        csv_bytes("course_id,weeks_after_start,self_supporting", "K-1,26,0"),
        jobcenter_coordinator,
    )
    assert (again.created, again.updated) == (0, 1)
    assert Outcome.objects.get().self_supporting is False

    benchmarks = csv_bytes("period;value", "2016-01;0,41", "2016-02;0.43")
    assert run("benchmarks", benchmarks, jobcenter_coordinator).created == 2
    assert EffectBenchmark.objects.get(period=datetime.date(2016, 2, 1)).value == Decimal("0.43")
    refused = run("benchmarks", benchmarks, fund_coordinator)
    assert refused.status == "failed"


def test_people_who_may_not_import_are_refused_before_anything(caseworker, union):
    with pytest.raises(PermissionDenied):
        run("courses", courses_csv(GOOD_COURSE), caseworker)
    union_admin = make_user(organisation=union, roles=["admin"], email="admin@hk.example.dk")
    with pytest.raises(PermissionDenied):
        run("courses", courses_csv(GOOD_COURSE), union_admin)
    assert not PartnershipImport.objects.exists()


def test_a_file_that_is_not_utf8_or_empty_is_refused(jobcenter_coordinator, fund):
    latin = run(
        "courses",
        COURSE_HEADER.encode("cp1252") + "\nK-1;3f;Søren".encode("cp1252"),
        jobcenter_coordinator,
    )
    assert latin.status == "failed"
    assert "UTF-8" in latin.errors[0]["message"]
    empty = run("courses", b"", jobcenter_coordinator)
    assert empty.status == "failed"


def test_every_import_is_audited(jobcenter_coordinator, fund):
    done = run("courses", courses_csv(GOOD_COURSE), jobcenter_coordinator)
    failed = run("courses", courses_csv("K-1;nope;x;2016-01-15;30plus;0;;;"), jobcenter_coordinator)
    events = AuditEvent.objects.filter(action=AuditEvent.Action.PARTNERSHIP_IMPORTED)
    assert {(e.object_id, e.detail["status"]) for e in events} == {
        (str(done.pk), "done"),
        (str(failed.pk), "failed"),
    }
    assert all(e.actor == jobcenter_coordinator for e in events)


def test_a_large_file_runs_in_the_queue_and_the_importer_is_emailed(
    jobcenter_coordinator, fund, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_PARTNERSHIP_IMPORT_QUEUE_ROWS = 2
    rows = [f"K-{n};3f;borger-{n};2016-01-15;30plus;0;;;" for n in range(5)]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        record = run("courses", courses_csv(*rows), jobcenter_coordinator)
    assert record.status == ImportStatus.QUEUED
    assert record.file
    assert not ContactCourse.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()  # the queue (immediate in tests) runs the import
    record.refresh_from_db()
    assert (record.status, record.rows, record.created, record.progress) == ("done", 5, 5, 100)
    assert not record.file
    assert ContactCourse.objects.count() == 5
    mail = EmailDelivery.objects.get(reference=f"partnership_import:{record.pk}")
    assert mail.recipient == jobcenter_coordinator.email
    assert "5" in mail.text_body


def test_an_organisation_that_is_not_a_fund_is_no_fund(jobcenter_coordinator, fund, union):
    record = run(
        "courses",
        courses_csv(GOOD_COURSE, "K-2;hk;borger-2;2016-01-15;30plus;0;;;"),
        jobcenter_coordinator,
    )
    assert [(e["row"], e["column"]) for e in record.errors] == [(3, "fund")]
    assert "hk" in record.errors[0]["message"]
    assert not ContactCourse.objects.exists()


@pytest.fixture
def large_file_path(monkeypatch):
    """Every file takes the large-file write path: COPY and one upsert on PostgreSQL,
    bulk_create elsewhere. CI runs this module on both, so the assertions hold on both."""
    from portal.partnership import services

    monkeypatch.setattr(services, "COPY_FROM_ROWS", 1)


def test_the_large_file_path_imports_updates_and_leaves_alone_as_the_small_one(
    jobcenter_coordinator, fund, other_fund, large_file_path
):
    third = "K-3;3f;borger-c3;2016-02-01;30plus;0;;;"
    data = courses_csv(GOOD_COURSE, OTHER_COURSE, third)
    with CaptureQueriesContext(connection) as context:
        first = run("courses", data, jobcenter_coordinator)
    staged = any("partnership_import_rows" in query["sql"] for query in context.captured_queries)
    assert staged == (connection.vendor == "postgresql")
    assert (first.status, first.rows, first.created, first.updated) == ("done", 3, 3, 0)
    course = ContactCourse.objects.get(course_id="K-2")
    assert (course.fund, course.citizen_key, course.age_band) == (
        other_fund,
        "borger-b2",
        "under30",
    )
    assert (course.special_effort, course.chose_jobcenter_on, course.end_date) == (
        True,
        datetime.date(2016, 3, 1),
        datetime.date(2016, 6, 30),
    )
    assert course.end_reason == "Job"
    before = list(ContactCourse.objects.order_by("pk").values())

    again = run("courses", data, jobcenter_coordinator)
    assert (again.status, again.created, again.updated, again.touched) == ("done", 0, 0, {})
    assert list(ContactCourse.objects.order_by("pk").values()) == before

    changed = run(
        "courses",
        courses_csv(GOOD_COURSE, OTHER_COURSE, third.replace(";;;", ";;2016-05-31;Arbejde")),
        jobcenter_coordinator,
    )
    assert (changed.created, changed.updated) == (0, 1)
    course = ContactCourse.objects.get(course_id="K-3")
    assert (course.pk, course.end_date, course.end_reason) == (
        before[2]["id"],
        datetime.date(2016, 5, 31),
        "Arbejde",
    )

    header = "interview_id;course_id;kind;held_on;held_by;channel;status"
    interviews = [
        "S-1;K-1;job;2016-02-15;fund;phone;held",
        "S-2;K-3;joint;15-03-2016;jobcenter;video;no_show",
    ]
    created = run("interviews", csv_bytes(header, *interviews), jobcenter_coordinator)
    assert (created.created, created.updated) == (2, 0)
    interviews[1] = interviews[1].replace("no_show", "held")
    updated = run("interviews", csv_bytes(header, *interviews), jobcenter_coordinator)
    assert (updated.created, updated.updated) == (0, 1)
    assert {
        (i.interview_id, i.course.course_id, i.held_on, i.held_by, i.status)
        for i in Interview.objects.select_related("course")
    } == {
        ("S-1", "K-1", datetime.date(2016, 2, 15), "fund", "held"),
        ("S-2", "K-3", datetime.date(2016, 3, 15), "jobcenter", "held"),
    }

    job_club = csv_bytes("activity_id;course_id;start_date;cost_dkk", "J-1;K-1;2016-03-01;1.234,50")
    assert run("job_clubs", job_club, jobcenter_coordinator).created == 1
    assert JobClubActivity.objects.get().cost_dkk == Decimal("1234.50")
    assert run("job_clubs", job_club, jobcenter_coordinator).updated == 0

    outcome = "course_id,weeks_after_start,self_supporting"
    assert run("outcomes", csv_bytes(outcome, "K-1,26,1"), jobcenter_coordinator).created == 1
    flipped = run("outcomes", csv_bytes(outcome, "K-1,26,0"), jobcenter_coordinator)
    assert (flipped.created, flipped.updated) == (0, 1)
    assert Outcome.objects.get().self_supporting is False

    benchmarks = csv_bytes("period;value", "2016-01;0,41", "2016-02;0.43")
    assert run("benchmarks", benchmarks, jobcenter_coordinator).created == 2
    moved = run(
        "benchmarks",
        csv_bytes("period;value", "2016-01;0,41", "2016-02;0,5"),
        jobcenter_coordinator,
    )
    assert (moved.created, moved.updated) == (0, 1)
    assert EffectBenchmark.objects.get(period=datetime.date(2016, 2, 1)).value == Decimal("0.5")


def test_a_failure_while_writing_leaves_nothing_and_the_next_import_works(
    jobcenter_coordinator, fund, large_file_path, monkeypatch
):
    from portal.partnership import services

    audit_record = services.audit_record

    def broken(**kwargs):
        raise RuntimeError("the audit trail is down")

    monkeypatch.setattr(services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        run("courses", courses_csv(GOOD_COURSE), jobcenter_coordinator)
    assert not ContactCourse.objects.exists()

    monkeypatch.setattr(services, "audit_record", audit_record)
    record = run("courses", courses_csv(GOOD_COURSE), jobcenter_coordinator)
    assert (record.status, record.created) == ("done", 1)


def test_an_import_refreshes_the_figures_of_its_funds_once(
    jobcenter_coordinator, fund, other_fund, monkeypatch, django_capture_on_commit_callbacks
):
    from portal.partnership import tasks

    refreshed = []
    monkeypatch.setattr(tasks, "kpis_refresh", lambda *, fund_ids: refreshed.append(fund_ids))
    with django_capture_on_commit_callbacks(execute=True):
        run("courses", courses_csv(GOOD_COURSE, OTHER_COURSE), jobcenter_coordinator)
    assert refreshed == [sorted([fund.pk, other_fund.pk])]
