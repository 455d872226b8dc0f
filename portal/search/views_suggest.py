"""Similar threads and guides while a question's title is typed (htmx, docs/decisions/0033).

The forum's and the hotline's ask forms sit below search in the app layers, so they only point
hx-get at this URL; the search and its access filter (selectors.document_visible_q) decide what
the person may see, exactly as on the search page.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

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
        hits = selectors.search(user=request.user, query=title, kinds=KINDS).hits[:SHOWN]
    return render(request, "search/title_suggestions.html", {"hits": hits})
