"""The dashboard's bar charts: the figures turned into series (presentation only, no queries).

A chart is drawn as inline SVG by the `bar_chart` template tag (templatetags/evaluation_charts.py);
its table beside it is the accessible alternative, the SVG carries the section's summary as its
label.
"""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


@dataclass(frozen=True)
class Chart:
    label: str  # the aria-label: the section's one-line summary
    series: list[str]  # the names of the bars in a group (a legend when more than one)
    rows: list[tuple[str, list[int]]]  # (the group's label, one value per series)


def people_chart(people) -> Chart:
    return Chart(
        label=people.summary,
        series=[_("Registered")],
        rows=[(date_format(m.month, "M Y"), [m.registered]) for m in people.monthly],
    )


def reach_chart(reach) -> Chart:
    return Chart(
        label=reach.summary,
        series=[_("From email"), _("Direct")],
        rows=[(_("Week %(week)s") % {"week": w.week}, [w.email, w.direct]) for w in reach.weekly],
    )


def knowledge_chart(knowledge) -> Chart:
    return Chart(
        label=knowledge.summary,
        series=[_("Total"), _("Answered (hotline: on time)")],
        rows=[
            (_("Questions"), [knowledge.questions_asked, knowledge.questions_answered]),
            (_("Hotline cases"), [knowledge.hotline_cases, knowledge.hotline_on_time]),
        ],
    )


def meetings_chart(meetings) -> Chart:
    return Chart(
        label=meetings.summary,
        series=[pgettext("evaluation", "Number")],
        rows=[
            (_("Meetings held"), [meetings.events_held]),
            (_("Sign-ups"), [meetings.signups]),
            (_("Checked in"), [meetings.attendance]),
            (_("Feedback forms"), [meetings.feedback_responses]),
        ],
    )


def editorial_chart(editorial) -> Chart:
    return Chart(
        label=editorial.summary,
        series=[pgettext("evaluation", "Number")],
        rows=[
            (_("Newsletters sent"), [editorial.newsletters_sent]),
            (_("Edits to drafts"), [editorial.editor_edits]),
        ],
    )


def surveys_chart(surveys, summary: str) -> Chart:
    return Chart(
        label=summary,
        series=[_("Response rate (%)")],
        rows=[(s.title, [s.response_rate or 0]) for s in reversed(surveys)],
    )


def surveys_summary(surveys) -> str:
    if not surveys:
        return _("No user survey has been sent yet.")
    latest = surveys[0]
    return _(
        "The latest survey, “%(title)s”, was answered by %(responses)s of %(recipients)s "
        "(%(rate)s%%)."
    ) % {
        "title": latest.title,
        "responses": latest.responses,
        "recipients": latest.recipients,
        "rate": latest.response_rate or 0,
    }


def for_dashboard(summary, surveys) -> dict[str, Chart]:
    return {
        "people": people_chart(summary.people),
        "reach": reach_chart(summary.reach),
        "knowledge": knowledge_chart(summary.knowledge),
        "meetings": meetings_chart(summary.meetings),
        "editorial": editorial_chart(summary.editorial),
        "surveys": surveys_chart(surveys, surveys_summary(surveys)),
    }
