"""Similar threads and guides while a question's title is typed (htmx, docs/decisions/0033).

The forum's and the hotline's ask forms sit below search in the app layers, so they only point
hx-get at this URL; the search and its access filter (selectors.document_visible_q) decide what
the person may see, exactly as on the search page.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal.core import analysis

from . import selectors
from .models import SearchDocument

MIN_CHARACTERS = 3
SHOWN = 5
KINDS = [SearchDocument.Kind.THREAD, SearchDocument.Kind.GUIDE]


@login_required
@require_GET
def title_suggestions(request):
    """The partial under the title field: at most SHOWN readable threads and guides, best first,
    and the count for the form's live region (out of band). Nothing below MIN_CHARACTERS."""
    title = " ".join(request.GET.get("title", "").split())[:200]
    hits = []
    if len(title) >= MIN_CHARACTERS:
        for query in _queries(title):
            hits = selectors.search(user=request.user, query=query, kinds=KINDS).hits[:SHOWN]
            if hits:
                break
    return render(request, "search/title_suggestions.html", {"hits": hits})


def _queries(title: str) -> list[str]:
    """The title as typed, then (when that finds nothing) its two longest words, then its
    longest: the search needs every word, and a whole question's title rarely shares them all
    with an earlier thread, while its longest words (Danish compounds) say what it is about."""
    queries = [title]
    meaningful = [w for w in dict.fromkeys(analysis.words(title)) if w not in analysis.STOP_WORDS]
    longest = sorted(meaningful, key=len, reverse=True)
    for size in (2, 1):
        if len(longest) > size:
            queries.append(" ".join(longest[:size]))
    return queries
