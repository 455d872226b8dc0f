"""Front page, module placeholders, health check, the demo outbox and the operator's mail."""

import csv
import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from huey.contrib.djhuey import HUEY

from . import outbox, selectors
from .forms import AccessLogFilterForm, MailFilterForm, OutboxFilterForm, error_text
from .models import EmailDelivery, OutboxMessage, PersonalDataAccess
from .pagination import CappedPaginator
from .services import personal_data_access_record


def front_page(request):
    """The page for someone not signed in: an invitation to sign in and what the portal holds.
    Signed-in people get their own front page from portal.home, which is mounted at the same
    address before core and hands anonymous visitors to this view."""
    return render(
        request, "core/front_page.html", {"modules": selectors.modules_for(user=request.user)}
    )


@never_cache
def healthz(request):
    """Liveness for load balancers: the database answers and the queue storage is reachable."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"error: {exc.__class__.__name__}"
    try:
        checks["queue_pending"] = HUEY.pending_count()
        checks["queue"] = "ok"
    except Exception as exc:
        checks["queue"] = f"error: {exc.__class__.__name__}"
    healthy = checks["database"] == "ok" and checks["queue"] == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


def _require_outbox(request):
    if not settings.PORTAL_OUTBOX_VISIBLE:
        raise Http404
    if not request.user.has_perm("core.view_outbox"):
        raise PermissionDenied


def _record_outbox_message(request, message: OutboxMessage) -> None:
    personal_data_access_record(
        request=request,
        kind=PersonalDataAccess.Kind.OUTBOX_MESSAGE,
        obj=message,
        label=f"{message.recipients}: {message.subject}",
        person_count=len([r for r in message.recipients.split(",") if r.strip()]),
    )


OUTBOX_PER_PAGE = 50


@login_required
def outbox_list(request):
    _require_outbox(request)
    form = OutboxFilterForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        filters = form.cleaned_data if form.is_bound else {}
        messages = selectors.outbox_message_list(
            recipient=filters.get("email", ""),
            category=filters.get("category", ""),
            status=filters.get("status", ""),
            date_from=filters.get("date_from"),
            date_to=filters.get("date_to"),
        )
        page = CappedPaginator(messages, OUTBOX_PER_PAGE).get_page(request.GET.get("page"))
        personal_data_access_record(
            request=request,
            kind=PersonalDataAccess.Kind.OUTBOX,
            person_count=len({m.recipients for m in page.object_list}),
        )
    return render(request, "core/outbox_list.html", {"form": form, "page_obj": page})


@login_required
def outbox_detail(request, message_id: int):
    _require_outbox(request)
    message = get_object_or_404(OutboxMessage, pk=message_id)
    _record_outbox_message(request, message)
    return render(request, "core/outbox_detail.html", {"message": message})


@login_required
def outbox_html(request, message_id: int):
    """The HTML version on its own, sandboxed: email HTML must not run in the portal's origin."""
    _require_outbox(request)
    message = get_object_or_404(OutboxMessage, pk=message_id)
    _record_outbox_message(request, message)
    response = HttpResponse(message.html_body or "", content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = (
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    )
    response._csp_exempt = True
    return response


ACCESSES_PER_PAGE = 50


def _access_log_filtered(request):
    """The filter form and the entries it selects (None while the filter is invalid)."""
    if not request.user.has_perm("core.view_access_log"):
        raise PermissionDenied
    form = AccessLogFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None
    filters = form.cleaned_data if form.is_bound else {}
    return form, selectors.personal_data_access_list(
        kind=filters.get("kind", ""),
        email=filters.get("email", "").strip(),
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )


@login_required
def access_log(request):
    """Who read or exported person-level data: for the operator's admins."""
    form, accesses = _access_log_filtered(request)
    page = None
    if accesses is not None:
        page = Paginator(accesses, ACCESSES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/access_log.html",
        {
            "form": form,
            "page_obj": page,
            "export_query": request.GET.urlencode(),
            "settings_retention_days": settings.PORTAL_ACCESS_LOG_RETENTION_DAYS,
        },
    )


def _csv_cell(value) -> str:
    """A cell a spreadsheet shows as text: a leading =, +, - or @ would make it a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
def access_log_export(request):
    """The filtered access log as CSV (semicolons and a BOM, as Danish Excel opens it), with
    every row's people and records: the administrator's answer to a supervisory request."""
    form, accesses = _access_log_filtered(request)
    if accesses is None:
        return redirect(f"{reverse('core:access_log')}?{request.GET.urlencode()}")
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [
            _("Time"),
            _("By"),
            _("What"),
            _("Concerning"),
            _("Page"),
            _("Persons"),
            _("Portal users"),
            _("Rows"),
            _("Purpose"),
            _("IP address"),
        ]
    )
    for access in accesses.defer(None).iterator(chunk_size=2000):
        writer.writerow(
            [
                _csv_cell(value)
                for value in (
                    timezone.localtime(access.created_at).isoformat(timespec="seconds"),
                    access.actor_email,
                    access.get_kind_display(),
                    access.object_label,
                    access.path,
                    access.person_count,
                    " ".join(str(pk) for pk in access.person_ids),
                    " ".join(str(row) for row in access.row_ids),
                    access.purpose,
                    access.ip_address or "",
                )
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="adgangslog.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- The durable outbox (operator admins) ------------------------------------------------

MAIL_PER_PAGE = 50


@login_required
def mail_list(request):
    """Failed and waiting mail, for the operator; failed messages can be sent again."""
    if not request.user.has_perm("core.manage_mail"):
        raise PermissionDenied
    form = MailFilterForm(request.GET or None)
    page = None
    status = EmailDelivery.Status.FAILED
    if form.is_bound and form.is_valid():
        status = form.cleaned_data["status"] or status
    if not form.is_bound or form.is_valid():
        deliveries = selectors.mail_list(user=request.user, status=status)
        page = Paginator(deliveries, MAIL_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/mail_list.html",
        {
            "form": form,
            "page_obj": page,
            "status": status,
            "counts": selectors.mail_counts(user=request.user),
        },
    )


@login_required
@require_POST
def mail_resend(request, delivery_id: int):
    if not request.user.has_perm("core.manage_mail"):
        raise PermissionDenied
    try:
        delivery = outbox.email_resend(delivery_id=delivery_id, by=request.user)
    except EmailDelivery.DoesNotExist as missing:
        raise Http404 from missing
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("The email to %(recipient)s will be sent again.") % {"recipient": delivery.recipient},
        )
    return redirect("core:mail_list")


def hello(request):
    """Bare baseline for the benchmarks (only routed when PORTAL_BENCH_HELLO is set)."""
    return HttpResponse("hello")


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    return render(request, "500.html", status=500)
