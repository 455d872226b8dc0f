"""Landing points of links in emails: click-through, opens and one-click unsubscribe."""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from portal.core.forms import posted
from portal.core.models import EmailCategory, Role
from portal.insights.models import VISIT_CHANNEL_SESSION_KEY, VisitChannel

from . import links
from .forms import EmailPreferenceForm
from .preferences import email_preference_of, email_suppression_of
from .services import (
    email_click_record,
    email_open_record,
    email_preference_update,
    email_suppression_clear,
    email_unsubscribe,
)

# A transparent 1×1 GIF.
_PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@require_GET
@never_cache
def email_click(request, token: str):
    """Record the click (which email, which item) and go on to the portal page."""
    try:
        delivery_id, item, path = links.tracked_url_parse(token)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise Http404 from exc
    email_click_record(delivery_id=delivery_id, item=item, url=path)
    request.session[VISIT_CHANNEL_SESSION_KEY] = VisitChannel.EMAIL.value
    return redirect(path)


@require_GET
@never_cache
def email_open(request, token: str):
    """The image in newsletters and digests: counts an open where the mail program loads it."""
    try:
        delivery_id = links.open_pixel_parse(token)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise Http404 from exc
    email_open_record(delivery_id=delivery_id)
    return HttpResponse(_PIXEL, content_type="image/gif")


@csrf_exempt  # RFC 8058: the mail program POSTs without a form; the signed token is the key.
@require_http_methods(["GET", "POST"])
@never_cache
def unsubscribe(request, token: str):
    """GET asks (link scanners must not unsubscribe anyone); POST unsubscribes at once."""
    try:
        user_id, category = links.unsubscribe_token_parse(token)
        label = EmailCategory(category).label
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise Http404 from exc
    if category == EmailCategory.TRANSACTIONAL:
        raise Http404
    if request.method == "POST":
        if email_unsubscribe(user_id=user_id, category=category) is None:
            raise Http404
        return render(request, "digests/unsubscribed.html", {"category_label": label})
    return render(request, "digests/unsubscribe.html", {"category_label": label, "token": token})


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    """The person's email settings: digest, newsletter, notification emails, a bounced address."""
    if request.method == "POST" and request.POST.get("action") == "retry_address":
        if email_suppression_clear(user=request.user):
            messages.success(request, _("We will send email to your address again."))
        return redirect("digests:preferences")
    preference = email_preference_of(user=request.user)
    form = EmailPreferenceForm(
        posted(request),
        preference=preference,
        show_hotline=request.user.has_role(Role.JURIST) or request.user.has_role(Role.EDITOR),
    )
    if form.is_bound and form.is_valid():
        email_preference_update(
            user=request.user,
            digest_frequency=form.cleaned_data["digest_frequency"],
            newsletter=form.cleaned_data["newsletter"],
            notifications=form.cleaned_data["notifications"],
            notification_kinds_off=form.notification_kinds_off(),
        )
        messages.success(request, _("Your email settings have been saved."))
        return redirect("digests:preferences")
    suppression = email_suppression_of(user=request.user)
    return render(
        request,
        "digests/preferences.html",
        {"form": form, "suppression": suppression},
        status=400 if form.is_bound else 200,
    )
