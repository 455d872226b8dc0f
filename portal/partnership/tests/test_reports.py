"""The monthly report: its numbers in the PDF's text and the XLSX's cells, and who may fetch it."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from portal.conftest import make_user
from portal.core.email import email_message
from portal.core.models import EmailDelivery
from portal.partnership import charts, reports, selectors
from portal.partnership.tests import test_pages

# The pages' hand-made fund year and people, so the report and the page are held to one example.
jobcenter_coordinator = test_pages.jobcenter_coordinator
union_member = test_pages.union_member
year_of_3f = test_pages.year_of_3f

pytestmark = pytest.mark.django_db

APRIL = date(2016, 4, 1)
TODAY = date(2016, 5, 6)


def _pdf_text(content: bytes) -> str:
    """The text of every page, whitespace (table cells come one a line) made single spaces."""
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    return " ".join(text.split())


def test_the_pdf_states_the_month_and_the_year_so_far_against_the_goals(fund, year_of_3f):
    text = _pdf_text(reports.fund_report_pdf(fund=fund, period=APRIL, today=TODAY))
    assert "3F A-kasse" in text and "april 2016" in text
    # April: 1 of 1 on time; January–April: 2 of 3 → 66,7 % against the 90 % goal.
    assert "Rettidighed 100 % 66,7 % 90 %" in text
    assert "1 / 1 3 / 2" in text
    # Budget: nothing in April, 120.000 kr. so far, against the 500.000 kr. frame.
    assert "0 kr. 120.000 kr. 500.000 kr." in text


def test_the_xlsx_holds_the_same_numbers(fund, year_of_3f):
    workbook = load_workbook(
        BytesIO(reports.fund_report_xlsx(fund=fund, period=APRIL, today=TODAY))
    )
    goals = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    assert goals[1] == ["Rettidighed", "100 %", "66,7 %", "90 %"]
    assert goals[4][1:] == ["0 kr.", "120.000 kr.", "500.000 kr."]
    # A sheet per KPI after the goals, each month a row.
    timeliness = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert len(timeliness) == 13
    assert list(timeliness[4][1:]) == ["1", "1", "100 %"]


def test_the_pdf_draws_the_same_shapes_as_the_page():
    chart = charts.chart_shapes(
        chart_id="c",
        title="T",
        desc="D",
        labels=["jan", "feb"],
        series=[charts.Series("R", [0.5, 1.0])],
        y_max=1,
        target=0.9,
    )
    drawing = reports.chart_drawing(chart, width=charts.WIDTH)
    assert len(drawing.contents) == len(chart.shapes)
    svg = charts.svg(chart)
    # The goal line: y 33,6 from the top in the SVG is 260 − 33,6 from the bottom in the PDF.
    assert 'y1="33.6"' in svg
    target = drawing.contents[-1]
    assert round(target.y1, 1) == charts.HEIGHT - 33.6


def test_the_jobcenters_report_compares_every_fund(
    fund, other_fund, year_of_3f, jobcenter_coordinator
):
    rows = selectors.funds_comparison(user=jobcenter_coordinator, period=APRIL)
    text = _pdf_text(reports.all_funds_report_pdf(rows=rows, period=APRIL, today=TODAY))
    assert "3F A-kasse 100 %" in text and "FOA A-kasse –" in text
    workbook = load_workbook(
        BytesIO(reports.all_funds_report_xlsx(rows=rows, period=APRIL, today=TODAY))
    )
    assert [ws.title for ws in workbook.worksheets][1:] == ["3F A-kasse", "FOA A-kasse"]
    comparison = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert list(comparison[1][:3]) == ["3F A-kasse", "100 %", "100 %"]


def test_a_fund_downloads_its_report_and_gets_404_for_another(
    client_for, caseworker, fund, other_fund, year_of_3f
):
    client = client_for(caseworker)
    own = client.get(reverse("partnership:fund_report", args=["3f", "2016", "04", "pdf"]))
    assert own.status_code == 200 and own["Content-Type"] == "application/pdf"
    assert own.content.startswith(b"%PDF")
    xlsx = client.get(reverse("partnership:fund_report", args=["3f", "2016", "04", "xlsx"]))
    assert xlsx.status_code == 200
    other = reverse("partnership:fund_report", args=["foa", "2016", "04", "pdf"])
    assert client.get(other).status_code == 404
    everyone = reverse("partnership:all_funds_report", args=["2016", "04", "pdf"])
    assert client.get(everyone).status_code == 404
    assert client.get("/partnerskab/3f/rapport/2016-13.pdf").status_code == 404


def test_a_union_gets_404_and_the_jobcenter_gets_every_report(
    client_for, union_member, jobcenter_coordinator, fund, year_of_3f
):
    url = reverse("partnership:fund_report", args=["3f", "2016", "04", "xlsx"])
    assert client_for(union_member).get(url).status_code == 404
    client = client_for(jobcenter_coordinator)
    assert client.get(url).status_code == 200
    everyone = reverse("partnership:all_funds_report", args=["2016", "04", "xlsx"])
    assert client.get(everyone).status_code == 200


# --- The mail on the 3rd working day ------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2016, 5, date(2016, 5, 4)),  # the 1st is a Sunday
        (2024, 1, date(2024, 1, 4)),  # New Year's Day a Monday holiday
        (2026, 4, date(2026, 4, 8)),  # Easter: Maundy Thursday, Good Friday, Easter Monday
        (2025, 12, date(2025, 12, 3)),  # an ordinary Monday 1st
    ],
)
def test_the_report_goes_out_on_the_third_working_day(year, month, expected):
    assert reports.report_day(year, month) == expected


@pytest.fixture
def coordinators(fund, other_fund, jobcenter_coordinator):
    return {
        "3f": make_user(organisation=fund, roles=["coordinator"], email="k@3f.example.dk"),
        "foa": make_user(organisation=other_fund, roles=["coordinator"], email="k@foa.example.dk"),
        "jobcenter": jobcenter_coordinator,
    }


def test_each_fund_gets_its_own_report_and_the_jobcenter_all(caseworker, coordinators, year_of_3f):
    assert reports.monthly_reports_send(today=date(2016, 5, 3)) == 0  # the 2nd working day
    assert reports.monthly_reports_send(today=date(2016, 5, 4)) == 3
    sent = {d.recipient: d for d in EmailDelivery.objects.all()}
    assert set(sent) == {"k@3f.example.dk", "k@foa.example.dk", coordinators["jobcenter"].email}
    own = sent["k@3f.example.dk"]
    assert [a[0] for a in own.attachments] == [
        "partnerskab-3f-2016-04.pdf",
        "partnerskab-3f-2016-04.xlsx",
    ]
    message = email_message(own)
    pdf = next(content for name, content, _ in message.attachments if name.endswith(".pdf"))
    text = _pdf_text(pdf)
    assert "3F A-kasse" in text and "Rettidighed 100 % 66,7 % 90 %" in text
    assert "FOA A-kasse" not in text  # a fund's report is its own
    everyone = email_message(sent[coordinators["jobcenter"].email])
    pdf = next(content for name, content, _ in everyone.attachments if name.endswith(".pdf"))
    assert "FOA A-kasse" in _pdf_text(pdf) and "3F A-kasse" in _pdf_text(pdf)
    # The same day again (a rerun of the queue) sends nobody anything twice.
    assert reports.monthly_reports_send(today=date(2016, 5, 4)) == 0
    assert EmailDelivery.objects.count() == 3
