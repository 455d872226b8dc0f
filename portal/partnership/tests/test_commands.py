"""`manage.py partnership_import KIND FILE --as EMAIL`."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.partnership.models import ContactCourse

pytestmark = pytest.mark.django_db

HEADER = (
    "course_id;fund;citizen_key;unemployment_start;age_band;special_effort;"
    "chose_jobcenter_on;end_date;end_reason"
)


def write(tmp_path, *lines):
    path = tmp_path / "forloeb.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def test_partnership_import_prints_the_rows(tmp_path, capsys, jobcenter_coordinator, fund):
    path = write(tmp_path, HEADER, "K-1;3f;borger-1;2016-01-15;30plus;0;;;")
    call_command("partnership_import", "courses", str(path), "--as", jobcenter_coordinator.email)
    assert "Imported 1 rows: 1 new, 0 changed." in capsys.readouterr().out
    assert ContactCourse.objects.count() == 1


def test_partnership_import_lists_the_errors_and_exits_1(
    tmp_path, capsys, jobcenter_coordinator, fund, settings
):
    settings.PORTAL_PARTNERSHIP_IMPORT_QUEUE_ROWS = 0  # a command never queues
    path = write(
        tmp_path,
        HEADER,
        "K-1;3f;borger-1;2016-01-15;30plus;0;;;",
        "K-2;3f;borger-2;2016-13-01;30plus;0;;;",
    )
    with pytest.raises(CommandError) as error:
        call_command(
            "partnership_import", "courses", str(path), "--as", jobcenter_coordinator.email
        )
    assert error.value.returncode == 1
    assert "1 errors" in str(error.value)
    assert "row 3, unemployment_start:" in capsys.readouterr().err
    assert not ContactCourse.objects.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["courses", "/nonexistent.csv", "--as", "ko@jobcenter.example.dk"], "No such file"),
        (["courses", "FILE", "--as", "nobody@example.dk"], "No active user"),
        (["meetings", "FILE", "--as", "ko@jobcenter.example.dk"], "meetings"),
        (["courses", "FILE", "--as", "sb@3f.example.dk"], "may not import"),
    ],
)
def test_partnership_import_refuses_a_bad_call(tmp_path, jobcenter, fund, arguments, message):
    from portal.conftest import make_user

    make_user(organisation=jobcenter, roles=["coordinator"], email="ko@jobcenter.example.dk")
    make_user(organisation=fund, email="sb@3f.example.dk")
    path = write(tmp_path, HEADER)
    with pytest.raises(CommandError, match=message):
        call_command("partnership_import", *[str(path) if a == "FILE" else a for a in arguments])
