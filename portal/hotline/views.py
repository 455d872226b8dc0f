"""Pages of the legal hotline: the jurists' work list and the thread panel's actions."""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.exports import export_format, export_response
from portal.core.forms import error_text
from portal.core.services import table_export_record
from portal.forum.selectors import access_thread

from . import selectors, services
from .access import cases_exportable
from .forms import WorkListFilterForm
from .models import HotlineCase


def _work_list_scope(request) -> tuple[WorkListFilterForm, str]:
    form = WorkListFilterForm(request.GET or None)
    scope = (form.cleaned_data["scope"] if form.is_valid() else "") or selectors.Scope.ALL
    return form, scope


@login_required
def work_list(request):
    if not rules.has_perm("hotline.work", request.user):
        raise PermissionDenied
    form, scope = _work_list_scope(request)
    if not form.is_bound:
        form = WorkListFilterForm(initial={"scope": scope})
    return render(
        request,
        "hotline/work_list.html",
        {
            "form": form,
            "scope": scope,
            "working_days": settings.PORTAL_HOTLINE_RESPONSE_WORKING_DAYS,
            "cases": list(selectors.hotline_work_list(user=request.user, scope=scope)),
            "recently_answered": selectors.hotline_recently_answered(user=request.user),
        },
    )


@login_required
def work_list_export(request, fmt: str):
    """The open questions of the work list, with its scope, as CSV or Excel."""
    fmt = export_format(fmt)
    if not cases_exportable(user=request.user):
        raise PermissionDenied
    _form, scope = _work_list_scope(request)
    cases = list(
        selectors.hotline_work_list(user=request.user, scope=scope).select_related(
            "thread__author__organisation"
        )
    )
    table_export_record(
        request=request,
        what="hotline_cases",
        fmt=fmt,
        row_count=len(cases),
        target_label=_("Legal hotline: work list"),
        person_ids=[case.thread.author_id for case in cases],
        filters={"scope": scope},
    )
    header = [
        _("Question"),
        _("Topic"),
        _("Sent to the hotline"),
        _("Deadline"),
        _("Overdue"),
        _("Asked by"),
        _("Organisation"),
        _("Taken by"),
    ]
    rows = [
        [
            case.thread.title,
            case.thread.topic.name if case.thread.topic_id else "",
            case.requested_at,
            case.deadline,
            _("Yes") if case.is_overdue else _("No"),
            case.thread.author.get_full_name() if case.thread.author_id else "",
            (
                case.thread.author.organisation.name
                if case.thread.author_id and case.thread.author.organisation_id
                else ""
            ),
            case.assigned_to.get_full_name() if case.assigned_to_id else "",
        ]
        for case in cases
    ]
    return export_response(fmt=fmt, name="hotline-sager", header=header, rows=rows)


def _case_of(thread) -> HotlineCase:
    try:
        return thread.hotline_case
    except HotlineCase.DoesNotExist:
        raise Http404 from None


def _back_to_thread(thread):
    return redirect("forum:thread_detail", thread_id=thread.pk)


@login_required
@require_POST
def case_open(request, thread_id: int):
    thread = access_thread(user=request.user, thread_id=thread_id)
    try:
        services.hotline_case_open(thread=thread, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("The question has been sent to the legal hotline. The jurists answer it.")
        )
    return _back_to_thread(thread)


@login_required
@require_POST
def case_assign(request, thread_id: int):
    thread = access_thread(user=request.user, thread_id=thread_id)
    case = _case_of(thread)
    try:
        services.hotline_case_assign(case=case, jurist=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("You have taken the hotline question."))
    if request.POST.get("next") == "work_list":
        return redirect("hotline:work_list")
    return _back_to_thread(thread)


@login_required
@require_POST
def case_withdraw(request, thread_id: int):
    thread = access_thread(user=request.user, thread_id=thread_id)
    case = _case_of(thread)
    try:
        services.hotline_case_withdraw(case=case, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The question has been withdrawn from the legal hotline."))
    return _back_to_thread(thread)
