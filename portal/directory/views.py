"""Pages of the directory ("Find din kollega"): the people search and a person's profile."""

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from . import selectors
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
        {"form": form, "page_obj": page, "is_filtered": form.is_filtered},
    )


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
