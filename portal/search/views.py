from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from portal.core.experts import experts_for

from . import selectors
from .forms import SearchForm

FILTERS = ("type", "topic", "organisation_kind", "date_from", "date_to")


@login_required
def search(request):
    form = SearchForm(request.GET or None)
    results, experts = None, []
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        results = selectors.search(
            user=request.user, count_miss=True, cached=True, **form.search_arguments()
        )
        if not results.total:
            # Nothing found: who could answer instead (the page suggests asking too).
            experts = experts_for(user=request.user, query=results.query)
    filters_open = bool(form.errors) or any(request.GET.get(name) for name in FILTERS)
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "results": results,
            "experts": experts,
            "filters_open": filters_open,
            "query_string": query_string.urlencode(),
        },
    )
