"""GET the colleagues to offer after "@" in the post editor (forum/static/forum/mention.js)."""

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import selectors
from .mentions import mention_candidates

MIN_LETTERS = 2
# Typing fires a request per pause; a person who asks more often than this is a script.
PER_MINUTE = 60


def _over_limit(user_id: int) -> bool:
    key = f"forum:mention-suggestions:{user_id}:{timezone.now():%Y%m%d%H%M}"
    cache.add(key, 0, timeout=120)
    try:
        return cache.incr(key) > PER_MINUTE
    except ValueError:  # the key expired between add and incr
        return False


@login_required
@require_GET
def mention_suggestions(request):
    """{"people": [{"handle", "name", "organisation"}]}: at most 8, the same facts as the
    directory shows. With ?thread=<id> (a reply) the thread must be readable (404 otherwise) and
    only its readers are offered."""
    if _over_limit(request.user.pk):
        return JsonResponse({"error": _("Too many requests. Wait a minute.")}, status=429)
    prefix = request.GET.get("q", "").strip().lstrip("@")[:100]
    thread_id = request.GET.get("thread", "")
    thread = None
    if thread_id:
        if not thread_id.isdigit():
            return JsonResponse({"error": _("Unknown thread.")}, status=400)
        thread = selectors.access_thread(user=request.user, thread_id=int(thread_id))
    if len(prefix) < MIN_LETTERS:
        return JsonResponse({"people": []})
    people = mention_candidates(user=request.user, prefix=prefix, thread=thread)
    return JsonResponse({"people": people})
