"""The short survey after an event, for the people who took part."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from portal.core.forms import add_service_errors, posted

from ..forms import FeedbackForm
from ..selectors import access_event, feedback_may_answer, feedback_of, feedback_open
from ..services import feedback_submit


@login_required
def feedback_form(request, pk: int):
    """GET: the form (or the thanks page once answered); POST: the answer. Only confirmed
    participants have a survey: for everyone else the page does not exist."""
    event = access_event(user=request.user, event_id=pk)
    if not feedback_may_answer(event=event, user=request.user):
        raise Http404
    if feedback_of(event=event, user=request.user) is not None:
        return render(request, "events/feedback_thanks.html", {"event": event})
    if not feedback_open(event=event):
        return render(request, "events/feedback_not_open.html", {"event": event}, status=200)
    form = FeedbackForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            feedback_submit(event=event, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("events:feedback_form", pk=event.pk)
    return render(request, "events/feedback_form.html", {"event": event, "form": form})
