"""Pages of the directory ("Find din kollega"): the people search and a person's profile."""

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from portal.core.exports import export_format, export_response
from portal.core.services import table_export_record

from . import selectors
from .access import people_exportable
from .forms import PersonSearchForm

PEOPLE_PER_PAGE = 24


def _require_portal_member(user) -> None:
    if not rules.has_perm("core.use_portal", user):
        raise PermissionDenied


@login_required
def person_list(request):
    _require_portal_member(request.user)
    form = PersonSearchForm(request.GET or None)
    people = selectors.person_search(user=request.user, **form.search_arguments())
    page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/person_list.html",
        {
            "form": form,
            "page_obj": page,
            "is_filtered": form.is_filtered,
            "can_export": people_exportable(user=request.user),
            "export_query": _search_query(request),
        },
    )


def _search_query(request) -> str:
    """The search's filters for the export links (the page number left out)."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@login_required
def person_export(request, fmt: str):
    """Every person the search finds (all its pages) as CSV or Excel, for coordinators."""
    fmt = export_format(fmt)
    _require_portal_member(request.user)
    if not people_exportable(user=request.user):
        raise PermissionDenied
    form = PersonSearchForm(request.GET or None)
    arguments = form.search_arguments()
    people = list(selectors.person_search(user=request.user, **arguments))
    table_export_record(
        request=request,
        what="directory_people",
        fmt=fmt,
        row_count=len(people),
        target_label=_("Find a colleague"),
        person_ids=[person.pk for person in people],
        filters={key: str(value) for key, value in arguments.items() if value},
    )
    header = [
        _("Name"),
        _("Job title"),
        _("Organisation"),
        _("Centre"),
        _("Topics of expertise"),
    ]
    rows = [
        [
            person.get_full_name(),
            person.title,
            person.organisation.name if person.organisation_id else "",
            person.centre.name if person.centre_id else "",
            ", ".join(topic.name for topic in person.expertise.all()),
        ]
        for person in people
    ]
    return export_response(fmt=fmt, name="kolleger", header=header, rows=rows)


@login_required
def person_detail(request, user_id: int):
    _require_portal_member(request.user)
    person = selectors.access_person(user=request.user, person_id=user_id)
    ask_url = None
    if person.pk != request.user.pk:
        query = urlencode({"kind": "question", "addressed_to": person.pk})
        ask_url = f"{reverse('forum:thread_create')}?{query}"
    return render(
        request,
        "directory/person_detail.html",
        {
            "person": person,
            "ask_url": ask_url,
            "answers": selectors.person_recent_answer_list(viewer=request.user, person=person),
            "guides": selectors.person_guide_list(person=person),
            "networks": selectors.person_network_list(viewer=request.user, person=person),
        },
    )
