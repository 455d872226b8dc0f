"""The evaluation dashboard (/indsigt/): the figures for a period, each with a chart and a table."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from . import access, charts, selectors
from .forms import PeriodForm, default_period


@login_required
def dashboard(request):
    if not access.may_view(user=request.user):
        raise PermissionDenied
    date_from, date_to = default_period()
    if "date_from" in request.GET or "date_to" in request.GET:
        form = PeriodForm(request.GET)
        if form.is_valid():
            date_from, date_to = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    else:
        form = PeriodForm(initial={"date_from": date_from, "date_to": date_to})
    summary = selectors.evaluation_summary(date_from=date_from, date_to=date_to)
    surveys = selectors.latest_surveys()
    return render(
        request,
        "evaluation/dashboard.html",
        {
            "form": form,
            "summary": summary,
            "top_threads": selectors.top_threads_for(
                user=request.user, top=summary.knowledge.top_threads
            ),
            "top_guides": selectors.top_guides_for(
                user=request.user, top=summary.knowledge.top_guides
            ),
            "surveys": surveys,
            "charts": charts.for_dashboard(summary, surveys),
        },
    )
