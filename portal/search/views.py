from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors
from .forms import SearchForm

FILTERS = ("type", "topic", "organisation_kind", "date_from", "date_to")


@login_required
def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        results = selectors.search(user=request.user, **form.search_arguments())
    filters_open = bool(form.errors) or any(request.GET.get(name) for name in FILTERS)
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "results": results,
            "filters_open": filters_open,
            "query_string": query_string.urlencode(),
        },
    )
