"""Pages of the newsletter: the archive for everyone, the editorial desk for editors."""

from datetime import timedelta

from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from portal.core.exports import export_format, export_response
from portal.core.forms import add_service_errors, error_text, posted
from portal.core.models import User
from portal.core.services import table_export_record
from portal.core.timefmt import moment

from . import access, selectors, services
from .access import figures_exportable
from .forms import (
    ItemAddForm,
    ItemForm,
    ItemMoveForm,
    ItemSearchForm,
    NewsletterCreateForm,
    NewsletterForm,
    PreviewForm,
    ScheduleForm,
)
from .models import Newsletter, NewsletterItem

NEWSLETTERS_PER_PAGE = 20


def _editor_url(newsletter: Newsletter) -> str:
    return reverse("newsletters:newsletter_edit", args=[newsletter.pk])


# --- The archive -------------------------------------------------------------------------


@login_required
def newsletter_archive(request):
    page = Paginator(selectors.newsletter_archive(), NEWSLETTERS_PER_PAGE)
    return render(
        request,
        "newsletters/newsletter_archive.html",
        {
            "page_obj": page.get_page(request.GET.get("page")),
            "can_manage": access.may_manage(request.user),
        },
    )


@login_required
def newsletter_detail(request, newsletter_id: int):
    """The web version: the same content as the email, only what this reader may see."""
    newsletter = selectors.access_sent_newsletter(user=request.user, newsletter_id=newsletter_id)
    items = selectors.items_visible_to(
        items=list(selectors.newsletter_items(newsletter=newsletter)), user=request.user
    )
    return render(
        request, "newsletters/newsletter_detail.html", {"newsletter": newsletter, "items": items}
    )


# --- The editorial desk ------------------------------------------------------------------


@login_required
def editor_list(request):
    newsletters = selectors.newsletter_list_for_editors(user=request.user)
    page = Paginator(newsletters, NEWSLETTERS_PER_PAGE)
    return render(
        request,
        "newsletters/editor_list.html",
        {"page_obj": page.get_page(request.GET.get("page"))},
    )


@login_required
def figures_export(request, fmt: str):
    """Every newsletter on the editor list (all its pages) with its recipients, deliveries,
    opens and clicks, as CSV or Excel."""
    fmt = export_format(fmt)
    if not figures_exportable(user=request.user):
        raise PermissionDenied
    newsletters = list(selectors.newsletter_list_for_editors(user=request.user))
    table_export_record(
        request=request,
        what="newsletter_figures",
        fmt=fmt,
        row_count=len(newsletters),
        target_label=_("Newsletters: editorial desk"),
    )
    header = [
        _("Subject"),
        _("Status"),
        _("Sent"),
        _("Recipients"),
        _("Items"),
        _("Delivered"),
        _("Opened"),
        _("Clicked"),
    ]
    rows = [
        [
            newsletter.subject,
            newsletter.get_status_display(),
            newsletter.sent_at,
            newsletter.recipient_count,
            newsletter.item_count,
            newsletter.sent_count,
            newsletter.opened_count,
            newsletter.clicked_count,
        ]
        for newsletter in newsletters
    ]
    return export_response(fmt=fmt, name="nyhedsbreve-tal", header=header, rows=rows)


@login_required
def newsletter_create(request):
    access.require_manage(request.user)
    start, end = services.default_period()
    form = NewsletterCreateForm(
        posted(request),
        initial={"period_start": start, "period_end": end},
    )
    if request.method == "POST" and form.is_valid():
        try:
            newsletter = services.newsletter_draft_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The draft is ready. Check the items, write an introduction and send.")
            )
            return redirect(_editor_url(newsletter))
    return render(request, "newsletters/newsletter_create.html", {"form": form})


def _editor_context(request, newsletter: Newsletter, **forms) -> dict:
    local_now = timezone.localtime() + timedelta(hours=1)
    items = list(selectors.newsletter_items(newsletter=newsletter))
    return {
        "newsletter": newsletter,
        "items": items,
        "search_form": forms.get("search_form") or ItemSearchForm(),
        "search_results": forms.get("search_results"),
        "editable": newsletter.status in services.EDITABLE,
        "recipient_count": selectors.newsletter_recipient_count(newsletter=newsletter),
        "form": forms.get("form") or NewsletterForm.for_newsletter(newsletter),
        "add_form": forms.get("add_form") or ItemAddForm(),
        "preview_form": PreviewForm(initial={"reader": request.user.email}),
        "schedule_form": forms.get("schedule_form")
        or ScheduleForm(
            initial={
                "send_at": timezone.localtime(newsletter.scheduled_for)
                if newsletter.scheduled_for
                else local_now.replace(minute=0, second=0, microsecond=0)
            }
        ),
    }


@login_required
def newsletter_edit(request, newsletter_id: int):
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    if request.method != "POST":
        return render(
            request, "newsletters/newsletter_edit.html", _editor_context(request, newsletter)
        )
    form = NewsletterForm.for_newsletter(newsletter, request.POST)
    if form.is_valid():
        try:
            services.newsletter_update(newsletter=newsletter, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            newsletter.refresh_from_db()
            add_service_errors(form, error)
        else:
            messages.success(request, _("The newsletter was saved."))
            return redirect(_editor_url(newsletter))
    return render(
        request,
        "newsletters/newsletter_edit.html",
        _editor_context(request, newsletter, form=form),
        status=400,
    )


def _items_response(request, newsletter: Newsletter):
    """The item list alone for htmx (swapped in place), the editor page otherwise."""
    if request.htmx:
        return render(
            request,
            "newsletters/newsletter_edit.html#items",
            _editor_context(request, newsletter),
        )
    return redirect(_editor_url(newsletter) + "#items")


def _access_item(request, newsletter_id: int, item_id: int) -> NewsletterItem:
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    item = get_object_or_404(NewsletterItem, pk=item_id, newsletter=newsletter)
    item.newsletter = newsletter
    return item


@login_required
@require_POST
def item_move(request, newsletter_id: int, item_id: int):
    item = _access_item(request, newsletter_id, item_id)
    form = ItemMoveForm(request.POST)
    if form.is_valid():
        try:
            services.newsletter_item_move(
                item=item, by=request.user, direction=form.cleaned_data["direction"]
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
    return _items_response(request, item.newsletter)


@login_required
@require_POST
def item_remove(request, newsletter_id: int, item_id: int):
    item = _access_item(request, newsletter_id, item_id)
    try:
        services.newsletter_item_remove(item=item, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    return _items_response(request, item.newsletter)


@login_required
def item_edit(request, newsletter_id: int, item_id: int):
    item = _access_item(request, newsletter_id, item_id)
    form = ItemForm(
        posted(request),
        initial={"title": item.title, "summary": item.summary},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.newsletter_item_update(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(_editor_url(item.newsletter) + "#items")
    return render(request, "newsletters/item_edit.html", {"item": item, "form": form})


@login_required
@require_POST
def item_add(request, newsletter_id: int):
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    form = ItemAddForm(request.POST)
    if form.is_valid():
        try:
            services.newsletter_item_add_by_url(
                newsletter=newsletter, by=request.user, url=form.cleaned_data["url"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The item was added."))
            return redirect(_editor_url(newsletter) + "#items")
    return render(
        request,
        "newsletters/newsletter_edit.html",
        _editor_context(request, newsletter, add_form=form),
        status=400,
    )


@login_required
def item_search(request, newsletter_id: int):
    """Threads, guides and events found by title, each with a button that adds it (by its
    address, through the same checks as a pasted one). htmx swaps the results in under the
    search box; without JavaScript the editor page comes back with them."""
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    form = ItemSearchForm(request.GET or None)
    results = (
        selectors.addable_content(newsletter=newsletter, query=form.cleaned_data["q"])
        if form.is_valid()
        else []
    )
    context = {"newsletter": newsletter, "search_form": form, "search_results": results}
    if request.htmx:
        return render(request, "newsletters/newsletter_edit.html#search-results", context)
    return render(
        request,
        "newsletters/newsletter_edit.html",
        _editor_context(request, newsletter, search_form=form, search_results=results),
    )


def _preview_reader(request) -> tuple[PreviewForm, User]:
    form = PreviewForm(request.GET or None, initial={"reader": request.user.email})
    reader = request.user
    if form.is_valid():
        reader = User.objects.filter(email__iexact=form.cleaned_data["reader"]).first()
        if reader is None:
            form.add_error("reader", _("There is no person with this email address."))
            reader = request.user
    return form, reader


@login_required
def newsletter_preview(request, newsletter_id: int):
    """The email exactly as the chosen person would get it (links not measured)."""
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    form, reader = _preview_reader(request)
    subject, text, _html = services.newsletter_render(
        newsletter=newsletter,
        items=selectors.newsletter_items(newsletter=newsletter),
        reader=reader,
        delivery=None,
    )
    return render(
        request,
        "newsletters/newsletter_preview.html",
        {
            "newsletter": newsletter,
            "form": form,
            "reader": reader,
            "subject": subject,
            "text": text,
        },
    )


@login_required
@xframe_options_sameorigin
@csp_update({"frame-ancestors": ["'self'"], "style-src": ["'unsafe-inline'"]})
def newsletter_preview_html(request, newsletter_id: int):
    """The HTML of the previewed email, shown in a frame on the preview page.

    The email's styles are inline (mail programs need them), so this one response allows
    inline styles and being framed by the portal itself.
    """
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    _form, reader = _preview_reader(request)
    _subject, _text, html = services.newsletter_render(
        newsletter=newsletter,
        items=selectors.newsletter_items(newsletter=newsletter),
        reader=reader,
        delivery=None,
    )
    return HttpResponse(html)


@login_required
@require_POST
def newsletter_test(request, newsletter_id: int):
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    if services.newsletter_send_test(newsletter=newsletter, by=request.user) is None:
        messages.error(request, _("Your email address has bounced before, so no test was sent."))
    else:
        messages.success(
            request,
            _("A test was sent to %(email)s.") % {"email": request.user.email},
        )
    return redirect(_editor_url(newsletter))


@login_required
@require_POST
def newsletter_schedule(request, newsletter_id: int):
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    form = ScheduleForm(request.POST)
    if form.is_valid():
        try:
            newsletter = services.newsletter_schedule(
                newsletter=newsletter, by=request.user, send_at=form.cleaned_data["send_at"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The newsletter will be sent %(when)s.")
                % {"when": moment(newsletter.scheduled_for)},
            )
            return redirect(_editor_url(newsletter))
    return render(
        request,
        "newsletters/newsletter_edit.html",
        _editor_context(request, newsletter, schedule_form=form),
        status=400,
    )


@login_required
@require_POST
def newsletter_unschedule(request, newsletter_id: int):
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    try:
        services.newsletter_unschedule(newsletter=newsletter, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The newsletter is a draft again and will not be sent."))
    return redirect(_editor_url(newsletter))


@login_required
def newsletter_send(request, newsletter_id: int):
    """GET asks "Send to 1.024 recipients?"; the POST from that page sends."""
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    if request.method != "POST":
        if newsletter.status not in services.EDITABLE:
            return redirect(_editor_url(newsletter))
        return render(
            request,
            "newsletters/newsletter_send_confirm.html",
            {
                "newsletter": newsletter,
                "recipient_count": selectors.newsletter_recipient_count(newsletter=newsletter),
                "item_count": newsletter.items.count(),
            },
        )
    try:
        services.newsletter_send_now(newsletter=newsletter, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect(_editor_url(newsletter))
    messages.success(request, _("The newsletter is on its way."))
    return redirect("newsletters:editor_list")


@login_required
@require_POST
def newsletter_delete(request, newsletter_id: int):
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    try:
        services.newsletter_delete(newsletter=newsletter, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect(_editor_url(newsletter))
    messages.success(request, _("The draft was deleted."))
    return redirect("newsletters:editor_list")


@login_required
def newsletter_figures(request, newsletter_id: int):
    newsletter = selectors.access_newsletter_for_editing(
        user=request.user, newsletter_id=newsletter_id
    )
    if newsletter.status == Newsletter.Status.DRAFT:
        raise Http404
    return render(
        request,
        "newsletters/newsletter_figures.html",
        {
            "newsletter": newsletter,
            "figures": selectors.newsletter_figures(newsletter=newsletter),
            "visits": selectors.newsletter_week_visits(newsletter=newsletter),
        },
    )
