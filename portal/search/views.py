from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from portal.core.experts import experts_for
from portal.core.kept_pages import NOT_KEPT, render_kept

from . import result_cache, selectors
from .forms import SearchForm

FILTERS = ("type", "topic", "organisation_kind", "date_from", "date_to")


@login_required
def search(request):
    """The search page. A page of results is kept whole (portal/core/kept_pages.py) for every
    reader with the same search signature while the index is unchanged; a search that finds
    nothing is rendered in full, as it counts the miss and names experts for this reader."""
    form = SearchForm(request.GET or None)
    searched = form.is_bound and form.is_valid() and form.cleaned_data["q"].strip()

    def build(keeping: bool) -> tuple[dict, object]:
        results, experts = None, []
        if searched:
            results = selectors.search(
                user=request.user, count_miss=True, cached=True, **form.search_arguments()
            )
            if not results.total:
                # Nothing found: who could answer instead (the page suggests asking too).
                experts = experts_for(user=request.user, query=results.query)
        filters_open = bool(form.errors) or any(request.GET.get(name) for name in FILTERS)
        query_string = request.GET.copy()
        query_string.pop("page", None)
        context = {
            "form": form,
            "results": results,
            "experts": experts,
            "filters_open": filters_open,
            "query_string": query_string.urlencode(),
        }
        return context, (None if searched and results.total else NOT_KEPT)

    if not searched:
        return render(request, "search/search.html", build(False)[0])
    return render_kept(
        request,
        "search/search.html",
        key=lambda: (result_cache.reader_signature(user=request.user),),
        versions=(result_cache.VERSION_KEY,),
        build=build,
        fill=lambda meta: {},
        params=frozenset(SearchForm.base_fields),
    )
