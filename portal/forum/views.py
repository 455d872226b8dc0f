"""Pages of the debate: threads, posts, topics, networks and the editors' moderation."""

from types import SimpleNamespace

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portal.core.cache import read_ahead
from portal.core.forms import add_service_errors, error_text, posted
from portal.core.kept_pages import fill_holes, hole, render_kept, split_holes
from portal.core.models import Topic, User
from portal.core.pagination import CappedPaginator
from portal.core.slugs import follow_old_slug

from . import access, list_cache, presentation, selectors, services, signals
from .forms import (
    NetworkForm,
    NetworkMemberForm,
    PostEditForm,
    ReactionForm,
    ReplyForm,
    ReportForm,
    ReportResolveForm,
    ThreadFilterForm,
    ThreadForm,
    ThreadMergeForm,
    ThreadMoveForm,
    TopicForm,
)
from .models import Network, Post, Report, Thread

THREADS_PER_PAGE = 25


def _thread_page_url(thread_id: int, page: int) -> str:
    url = reverse("forum:thread_detail", args=[thread_id])
    return f"{url}?page={page}" if page > 1 else url


def _post_url(request, post: Post) -> str:
    """The post on the page of its thread that holds it (forum:post_detail for a link made
    outside a request: emails, notifications, search)."""
    position = selectors.thread_post_position(user=request.user, post=post)
    page = position // settings.PORTAL_THREAD_PAGE_SIZE + 1
    return f"{_thread_page_url(post.thread_id, page)}#post-{post.pk}"


def _can_moderate(user) -> bool:
    return rules.has_perm("forum.moderate", user)


# --- Thread list and new thread ----------------------------------------------------------


def _read_marks(request, threads) -> None:
    """The reader's "N nye" / "Ny" marks on a list of threads (a fixed number of queries)."""
    since = services.debate_visit_touch(user=request.user)
    selectors.thread_read_marks(user=request.user, threads=threads, since=since)


def _thread_list_page(request, *, template: str, extra: dict, **filters):
    page = CappedPaginator(selectors.thread_list(user=request.user, **filters), THREADS_PER_PAGE)
    page_obj = page.get_page(request.GET.get("page"))
    _read_marks(request, page_obj.object_list)
    context = {"page_obj": page_obj, "threads": page_obj.object_list, **extra}
    if request.htmx:
        template = f"{template}#rows"
    return render(request, template, context)


@login_required
def thread_list(request):
    if set(request.GET) - {"page"}:
        networks = selectors.networks_for_posting(user=request.user)
        form = ThreadFilterForm(request.GET or None, networks=networks)
        filters = {}
        if form.is_valid():
            data = form.cleaned_data
            filters = {
                "topic": data["topic"],
                "kind": data["kind"] or None,
                "network": data["network"],
                "unanswered": data["unanswered"],
                "followed": data["followed"],
            }
        return _thread_list_page(
            request, template="forum/thread_list.html", extra={"filter_form": form}, **filters
        )
    return _thread_list_shared(request)


def _thread_list_shared(request):
    """The unfiltered list, whose threads and filter choices are the same for every reader with
    the same visibility: read from the cache while nothing in the debate has changed. A full
    page is kept whole (portal/core/kept_pages.py) with the reader's read marks as holes; an
    htmx page of rows is rendered from the cached rows."""
    page_param = request.GET.get("page", "1")[:10]

    def build(keeping: bool) -> tuple[dict, list]:
        parts = ("rows",) if request.htmx else ("rows", "filter")
        data, keys, version = list_cache.cached_parts(
            user=request.user, page=page_param, parts=parts
        )
        fresh = {}
        if "rows" not in data:
            paginator = CappedPaginator(selectors.thread_list(user=request.user), THREADS_PER_PAGE)
            page_obj = paginator.get_page(page_param)
            fresh["rows"] = {
                "threads": list(page_obj.object_list),
                "number": page_obj.number,
                "count": paginator.count,
            }
        if "filter" in parts and "filter" not in data:
            form = ThreadFilterForm(
                request.GET or None, networks=selectors.networks_for_posting(user=request.user)
            )
            fresh["filter"] = {
                name: [(str(value), str(label)) for value, label in form.fields[name].choices]
                for name in ("topic", "network")
            }
        if fresh:
            list_cache.store_parts(keys=keys, version=version, data=fresh)
            data.update(fresh)
        rows = data["rows"]
        paginator = Paginator([], THREADS_PER_PAGE)
        paginator.count = rows["count"]
        page_obj = Page(rows["threads"], rows["number"], paginator)
        # The marks are this reader's, never part of a shared cache.
        if keeping:
            for thread in page_obj.object_list:
                thread.read_mark_hole = hole(f"mark_{thread.pk}")
        else:
            _read_marks(request, page_obj.object_list)
        context = {"page_obj": page_obj, "threads": page_obj.object_list}
        if "filter" in parts:
            # Unbound but for the page number: the choices are all it takes from the reader.
            form = ThreadFilterForm(request.GET or None, networks=Network.objects.none())
            for name, choices in data["filter"].items():
                form.fields[name].choices = choices
            context["filter_form"] = form
        meta = [(t.pk, t.created_at, t.author_id) for t in page_obj.object_list]
        return context, meta

    def fill(meta: list) -> dict:
        # What the marks read of a thread; no model instances built per row.
        threads = [SimpleNamespace(pk=pk, created_at=at, author_id=by) for pk, at, by in meta]
        since = services.debate_visit_touch(user=request.user)
        list_cache.read_marks(user=request.user, page=page_param, threads=threads, since=since)
        return {f"mark_{thread.pk}": presentation.read_mark(thread) for thread in threads}

    if request.htmx:
        context, _meta = build(False)
        return render(request, "forum/thread_list.html#rows", context)
    return render_kept(
        request,
        "forum/thread_list.html",
        # The page's own links that differ by reader (forum/includes/nav.html).
        key=lambda: (
            access.reader_signature(user=request.user),
            rules.has_perm("hotline.work", request.user),
            _can_moderate(request.user),
        ),
        versions=(list_cache.VERSION_KEY,),
        build=build,
        fill=fill,
        also=(list_cache.read_marks_key(request.user.pk, page_param),),
    )


@login_required
def thread_create(request):
    networks = selectors.networks_for_posting(user=request.user)
    initial = {}
    for key in ("kind", "topic", "network", "addressed_to", "title"):
        if request.GET.get(key):
            initial[key] = request.GET[key]
    form = ThreadForm(posted(request), request.FILES or None, networks=networks, initial=initial)
    addressed_id = request.POST.get("addressed_to") or request.GET.get("addressed_to", "")
    addressed_to = None
    if addressed_id.isdigit():
        addressed_to = User.objects.filter(pk=addressed_id, is_active=True).first()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            thread = services.thread_create(
                author=request.user,
                kind=data["kind"],
                topic=data["topic"],
                network=data["network"],
                title=data["title"],
                body=data["body"],
                addressed_to=data["addressed_to"],
                attachments=data["attachments"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your thread has been published."))
            return redirect("forum:thread_detail", thread_id=thread.pk)
    return render(
        request,
        "forum/thread_create.html",
        {"form": form, "addressed_to": addressed_to},
        status=400 if form.errors else 200,
    )


# --- The thread page ---------------------------------------------------------------------


def _quote(post: Post) -> str:
    lines = "\n".join(f"> {line}" for line in post.body.splitlines())
    name = post.author.get_full_name() if post.author else _("A former user")
    return _("%(name)s wrote:") % {"name": name} + "\n" + lines + "\n\n"


def _thread_page(
    request, thread: Thread, *, reply_form=None, status=200, page: int | str | None = None
):
    """One page of the thread's posts (PORTAL_THREAD_PAGE_SIZE, `?page=`): the same queries
    however long the thread, and the per-post work done once per page (presentation.py).

    A page asked for with GET is kept whole (portal/core/kept_pages.py) for every reader who
    reads the same posts (the forum's reader signature), may accept an answer or not, follows
    the thread or not and wrote the same posts of the page (usually none); their reactions'
    pressed states and the side panels (hotline, guides: what they may do there) are holes."""
    order = list_cache.thread_post_order(user=request.user, thread=thread)
    paginator = Paginator([pk for pk, _author in order], settings.PORTAL_THREAD_PAGE_SIZE)
    if page == "last":
        page = paginator.num_pages
    page_obj = paginator.get_page(request.GET.get("page") if page is None else page)
    page_ids = list(page_obj)
    can_moderate = _can_moderate(request.user)
    can_accept = access.can_accept_answer(user=request.user, thread=thread)
    is_following, mine = list_cache.thread_of_the_reader(user=request.user, thread=thread)
    services.thread_read_record(user=request.user, thread=thread, post_ids=page_ids)
    side_panels = _side_panels(request, thread)

    def build(keeping: bool) -> tuple[dict, None]:
        # What the page shows beside the posts (breadcrumb, addressee, …), in one query.
        shown = selectors.thread_detail(user=request.user, thread_id=thread.pk)
        posts = selectors.thread_posts(user=request.user, thread=shown, ids=page_ids)
        page_obj.object_list = posts
        presentation.posts_present(
            posts,
            user=request.user,
            thread=shown,
            can_moderate=can_moderate,
            can_accept=can_accept,
        )
        if keeping:
            for post in posts:
                post.thanks_pressed = hole(f"thanks_{post.pk}")
                post.useful_pressed = hole(f"useful_{post.pk}")
        form = reply_form
        if form is None:
            initial = {}
            quoted = _quoted(request, thread=shown, posts=posts)
            if quoted is not None:
                initial = {"body": _quote(quoted), "quoted_post": quoted.pk}
            form = ReplyForm(initial=initial)
        context = {
            "thread": shown,
            "posts": posts,
            "page_obj": page_obj,
            "labels": presentation.post_labels(),
            "quote_query": f"page={page_obj.number}&" if page_obj.number > 1 else "",
            "unaccept_url": reverse("forum:answer_unaccept", args=[thread.pk]),
            "post_link_pattern": reverse("forum:post_detail", args=[presentation.ID_MARKER]),
            "reply_form": form,
            "can_moderate": can_moderate,
            "can_reply": not thread.is_closed or can_moderate,
            "can_accept": can_accept,
            "is_following": is_following,
            "side_panels": hole("side_panels") if keeping else side_panels,
        }
        if can_moderate:
            context["move_form"] = ThreadMoveForm(
                initial={
                    "topic": shown.topic.slug,
                    "network": shown.network.slug if shown.network else "",
                }
            )
            context["merge_form"] = ThreadMergeForm()
        return context, None

    def fill(_meta) -> dict:
        holes = {"side_panels": side_panels}
        for pk in page_ids:
            holes.update(presentation.reactions_pressed(pk, mine.get(pk, ())))
        return holes

    on_page = set(page_ids)

    if reply_form is not None or status != 200:
        return render(request, "forum/thread_detail.html", build(False)[0], status=status)
    return render_kept(
        request,
        "forum/thread_detail.html",
        key=lambda: (
            access.reader_signature(user=request.user),
            thread.pk,
            can_accept,
            is_following,
            # The posts of the page the person wrote (their edit links).
            tuple(pk for pk, author in order if author == request.user.pk and pk in on_page),
        ),
        versions=(list_cache.VERSION_KEY, list_cache.THREAD_PAGE_VERSION_KEY),
        build=build,
        fill=fill,
    )


def _side_panels(request, thread: Thread) -> SafeString:
    """The panels other modules add beside the thread, for this reader: kept split at their
    CSRF token's holes (list_cache.side_panels), the request's token filled in."""
    pieces = list_cache.side_panels(
        user=request.user,
        thread=thread,
        render=lambda: split_holes(
            render_to_string(
                "forum/includes/side_panels.html",
                {"thread": thread, "csrf_token": hole("csrf_token")},
                request=request,
            )
        ),
    )
    holes = {"csrf_token": get_token(request)} if len(pieces) > 1 else {}
    return mark_safe(fill_holes(pieces, holes))  # noqa: S308 (our templates' markup, holes escaped)


def _quoted(request, *, thread: Thread, posts: list[Post]) -> Post | None:
    """The post named by `?citer=` to quote in the reply: one the reader may read in full."""
    quote_id = request.GET.get("citer", "")
    if not quote_id.isdigit():
        return None
    quoted = next((p for p in posts if p.pk == int(quote_id)), None)
    if quoted is None:
        quoted = selectors.thread_post(user=request.user, thread=thread, post_id=int(quote_id))
    if quoted is None or not access.post_shown(user=None, post=quoted):
        return None
    return quoted


@login_required
def thread_detail(request, thread_id: int):
    # The thread alone: its page is usually kept whole, and build() reads the rest.
    # What the page reads of the cache for this reader, in one round trip (core/cache.py).
    read_ahead(list_cache.thread_page_keys(user_id=request.user.pk, thread_id=thread_id))
    thread = list_cache.readable_thread(user=request.user, thread_id=thread_id)
    if thread.merged_into_id:
        return redirect("forum:thread_detail", thread_id=thread.merged_into_id)
    signals.thread_viewed.send(sender=Thread, thread_id=thread.pk)
    return _thread_page(request, thread)


@login_required
def post_detail(request, post_id: int):
    """A link to a post that works from anywhere (emails, notifications, search, bookmarks): on
    to the page of its thread that holds it, as this reader's pages show it."""
    post = selectors.access_post(user=request.user, post_id=post_id)
    return redirect(_post_url(request, post))


@login_required
@require_POST
def reply_create(request, thread_id: int):
    thread = selectors.thread_detail(user=request.user, thread_id=thread_id)
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        quoted = None
        if form.cleaned_data["quoted_post"]:
            quoted = Post.objects.filter(pk=form.cleaned_data["quoted_post"], thread=thread).first()
        try:
            post = services.reply_create(
                author=request.user,
                thread=thread,
                body=form.cleaned_data["body"],
                quoted_post=quoted,
                attachments=form.cleaned_data["attachments"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your reply has been published."))
            return redirect(_post_url(request, post))
    # Below the last page, where the reply would have appeared.
    return _thread_page(request, thread, reply_form=form, status=400, page="last")


@login_required
def post_edit(request, post_id: int):
    post = selectors.access_post(user=request.user, post_id=post_id)
    if not access.can_edit_post(user=request.user, post=post):
        raise PermissionDenied
    thread = post.thread
    form = PostEditForm(
        posted(request),
        request.FILES or None,
        with_title=post.is_opening,
        initial={"body": post.body, "title": thread.title},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(
                post=post,
                editor=request.user,
                body=form.cleaned_data["body"],
                title=form.cleaned_data.get("title"),
                attachments=form.cleaned_data["attachments"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(_post_url(request, post))
    return render(
        request,
        "forum/post_edit.html",
        {
            "post": post,
            "thread": thread,
            "form": form,
            "revisions": selectors.post_revisions(post=post),
        },
        status=400 if form.errors else 200,
    )


@login_required
def post_history(request, post_id: int):
    post = selectors.access_post(user=request.user, post_id=post_id)
    if not access.post_shown(user=request.user, post=post):
        raise Http404
    return render(
        request,
        "forum/post_history.html",
        {"post": post, "thread": post.thread, "revisions": selectors.post_revisions(post=post)},
    )


@login_required
def post_report(request, post_id: int):
    post = selectors.access_post(user=request.user, post_id=post_id)
    form = ReportForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                post=post, reporter=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you. An editor will look at the post."))
            return redirect(_post_url(request, post))
    return render(
        request,
        "forum/post_report.html",
        {"post": post, "thread": post.thread, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def post_react(request, post_id: int):
    post = selectors.access_post(user=request.user, post_id=post_id)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        return redirect(_post_url(request, post))
    try:
        services.reaction_toggle(post=post, user=request.user, kind=form.cleaned_data["kind"])
    except ValidationError as error:
        if request.htmx:
            return HttpResponse(error_text(error), status=400)
        messages.error(request, error_text(error))
    if request.htmx:
        post = selectors.post_with_reactions(user=request.user, post_id=post.pk)
        presentation.post_reactions_present(post, user=request.user)
        return render(
            request,
            "forum/includes/post.html#reactions",
            {"post": post, "labels": presentation.post_labels()},
        )
    return redirect(_post_url(request, post))


@login_required
@require_POST
def post_moderate(request, post_id: int, action: str):
    post = selectors.access_post(user=request.user, post_id=post_id)
    actions = {"hide": services.post_hide, "show": services.post_show}
    if action not in actions:
        raise Http404
    actions[action](post=post, by=request.user)
    messages.success(
        request, _("The post is now hidden.") if action == "hide" else _("The post is shown again.")
    )
    return redirect(_post_url(request, post))


@login_required
@require_POST
def answer_accept(request, post_id: int):
    post = selectors.access_post(user=request.user, post_id=post_id)
    try:
        services.answer_accept(thread=post.thread, post=post, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The answer has been accepted."))
    return redirect(_post_url(request, post))


@login_required
@require_POST
def answer_unaccept(request, thread_id: int):
    thread = selectors.access_thread(user=request.user, thread_id=thread_id)
    services.answer_unaccept(thread=thread, by=request.user)
    messages.success(request, _("The answer is no longer marked as accepted."))
    return redirect("forum:thread_detail", thread_id=thread.pk)


@login_required
@require_POST
def thread_follow(request, thread_id: int):
    thread = selectors.access_thread(user=request.user, thread_id=thread_id)
    if request.POST.get("follow") == "0":
        services.thread_unfollow(thread=thread, user=request.user)
        messages.success(request, _("You no longer follow the thread."))
    else:
        services.thread_follow(thread=thread, user=request.user)
        messages.success(request, _("You now follow the thread and hear about new replies."))
    return redirect("forum:thread_detail", thread_id=thread.pk)


_THREAD_ACTIONS = {
    "close": (services.thread_close, gettext_lazy("The thread is closed for new replies.")),
    "reopen": (services.thread_reopen, gettext_lazy("The thread is open for replies again.")),
    "pin": (services.thread_pin, gettext_lazy("The thread is pinned to the top of the list.")),
    "unpin": (services.thread_unpin, gettext_lazy("The thread is no longer pinned.")),
    "hide": (
        services.thread_hide,
        gettext_lazy("The thread is hidden from everyone but the editors."),
    ),
    "show": (services.thread_show, gettext_lazy("The thread is visible again.")),
}


@login_required
@require_POST
def thread_moderate(request, thread_id: int, action: str):
    thread = selectors.access_thread(user=request.user, thread_id=thread_id)
    if action not in _THREAD_ACTIONS:
        raise Http404
    service, message = _THREAD_ACTIONS[action]
    service(thread=thread, by=request.user)
    messages.success(request, message)
    return redirect("forum:thread_detail", thread_id=thread.pk)


@login_required
def thread_move(request, thread_id: int):
    thread = selectors.access_thread(user=request.user, thread_id=thread_id)
    if not _can_moderate(request.user):
        raise PermissionDenied
    form = ThreadMoveForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.thread_move(
            thread=thread,
            by=request.user,
            topic=form.cleaned_data["topic"],
            network=form.cleaned_data["network"],
        )
        messages.success(request, _("The thread has been moved."))
        return redirect("forum:thread_detail", thread_id=thread.pk)
    return render(
        request,
        "forum/thread_moderation_form.html",
        {"thread": thread, "form": form, "heading": _("Move the thread")},
        status=400 if form.errors else 200,
    )


@login_required
def thread_merge(request, thread_id: int):
    thread = selectors.access_thread(user=request.user, thread_id=thread_id)
    if not _can_moderate(request.user):
        raise PermissionDenied
    form = ThreadMergeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        target = (
            selectors.thread_list_visible(user=request.user)
            .filter(pk=form.cleaned_data["target"])
            .first()
        )
        if target is None:
            form.add_error("target", _("There is no thread with this number."))
        else:
            try:
                services.thread_merge(source=thread, target=target, by=request.user)
            except ValidationError as error:
                form.add_error("target", error)
            else:
                messages.success(request, _("The threads have been merged."))
                return redirect("forum:thread_detail", thread_id=target.pk)
    return render(
        request,
        "forum/thread_moderation_form.html",
        {"thread": thread, "form": form, "heading": _("Merge into another thread")},
        status=400 if form.errors else 200,
    )


@login_required
def attachment_download(request, token: str):
    attachment = selectors.access_attachment(user=request.user, token=token)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Questions, topics -------------------------------------------------------------------


@login_required
def unanswered_list(request):
    page = CappedPaginator(selectors.unanswered_questions(user=request.user), THREADS_PER_PAGE)
    page_obj = page.get_page(request.GET.get("page"))
    _read_marks(request, page_obj.object_list)
    return render(
        request,
        "forum/unanswered_list.html",
        {"page_obj": page_obj, "threads": page_obj.object_list},
    )


@login_required
def topic_list(request):
    return render(
        request,
        "forum/topic_list.html",
        {
            "topics": selectors.topic_list_with_counts(user=request.user),
            "can_manage": rules.has_perm("forum.manage_topics", request.user),
        },
    )


@login_required
@follow_old_slug(Topic)
def topic_detail(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    return _thread_list_page(
        request,
        template="forum/topic_detail.html",
        extra={
            "topic": topic,
            "is_following": selectors.is_following_topic(user=request.user, topic=topic),
            "can_manage": rules.has_perm("forum.manage_topics", request.user),
        },
        topic=topic,
    )


@login_required
@require_POST
def topic_follow(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    if request.POST.get("follow") == "0":
        services.topic_unfollow(topic=topic, user=request.user)
        messages.success(request, _("You no longer follow the topic."))
    else:
        services.topic_follow(topic=topic, user=request.user)
        messages.success(request, _("You now follow the topic."))
    return redirect("forum:topic_detail", slug=topic.slug)


@login_required
def topic_create(request):
    if not rules.has_perm("forum.manage_topics", request.user):
        raise PermissionDenied
    form = TopicForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            topic = services.topic_create(
                by=request.user,
                name=form.cleaned_data["name"],
                slug=form.slug(),
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The topic has been created."))
            return redirect("forum:topic_detail", slug=topic.slug)
    return render(
        request,
        "forum/simple_form.html",
        {"form": form, "heading": _("New topic"), "back_url": reverse("forum:topic_list")},
        status=400 if form.errors else 200,
    )


@login_required
def topic_update(request, slug: str):
    if not rules.has_perm("forum.manage_topics", request.user):
        raise PermissionDenied
    topic = get_object_or_404(Topic, slug=slug)
    form = TopicForm(
        posted(request), initial={"name": topic.name, "description": topic.description}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.topic_update(
                topic=topic,
                by=request.user,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The topic has been saved."))
            return redirect("forum:topic_detail", slug=topic.slug)
    return render(
        request,
        "forum/simple_form.html",
        {
            "form": form,
            "heading": _("Edit topic"),
            "back_url": reverse("forum:topic_detail", args=[topic.slug]),
        },
        status=400 if form.errors else 200,
    )


# --- Networks ----------------------------------------------------------------------------


@login_required
def network_list(request):
    return render(
        request,
        "forum/network_list.html",
        {
            "networks": selectors.network_list_for(user=request.user),
            "can_manage": rules.has_perm("forum.manage_networks", request.user),
        },
    )


@login_required
def network_create(request):
    if not rules.has_perm("forum.manage_networks", request.user):
        raise PermissionDenied
    form = NetworkForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_create(
                by=request.user,
                name=form.cleaned_data["name"],
                slug=form.slug(),
                description=form.cleaned_data["description"],
                is_open=form.cleaned_data["is_open"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The network has been created."))
            return redirect("forum:network_detail", slug=network.slug)
    return render(
        request,
        "forum/simple_form.html",
        {"form": form, "heading": _("New network"), "back_url": reverse("forum:network_list")},
        status=400 if form.errors else 200,
    )


@login_required
def network_update(request, slug: str):
    network = get_object_or_404(Network, slug=slug)
    if not selectors.can_moderate_network(user=request.user, network=network):
        raise PermissionDenied
    form = NetworkForm(
        posted(request),
        initial={
            "name": network.name,
            "description": network.description,
            "is_open": network.is_open,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.network_update(
                network=network,
                by=request.user,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                is_open=form.cleaned_data["is_open"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The network has been saved."))
            return redirect("forum:network_detail", slug=network.slug)
    return render(
        request,
        "forum/simple_form.html",
        {
            "form": form,
            "heading": _("Edit network"),
            "back_url": reverse("forum:network_detail", args=[network.slug]),
        },
        status=400 if form.errors else 200,
    )


def _network_page(request, network: Network, *, member_form=None, status=200):
    membership = selectors.network_membership_of(network=network, user=request.user)
    can_read = access.network_readable_with_membership(network=network, membership=membership)
    can_moderate = selectors.can_moderate_network(user=request.user, network=network)
    threads = selectors.thread_list(user=request.user, network=network)[:50] if can_read else []
    _read_marks(request, threads)
    context = {
        "network": network,
        "membership": membership,
        "can_read": can_read,
        "can_moderate": can_moderate,
        "threads": threads,
        "members": selectors.network_members(network=network) if can_read or can_moderate else [],
        "member_form": member_form or (NetworkMemberForm() if can_moderate else None),
    }
    return render(request, "forum/network_detail.html", context, status=status)


@login_required
@follow_old_slug(Network)
def network_detail(request, slug: str):
    network = get_object_or_404(Network, slug=slug)
    return _network_page(request, network)


@login_required
@require_POST
def network_join(request, slug: str):
    network = get_object_or_404(Network, slug=slug)
    try:
        services.network_join(network=network, user=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("You are now a member of the network."))
    return redirect("forum:network_detail", slug=network.slug)


@login_required
@require_POST
def network_leave(request, slug: str):
    network = get_object_or_404(Network, slug=slug)
    services.network_leave(network=network, user=request.user)
    messages.success(request, _("You have left the network."))
    return redirect("forum:network_detail", slug=network.slug)


@login_required
@require_POST
def network_member_add(request, slug: str):
    network = get_object_or_404(Network, slug=slug)
    if not selectors.can_moderate_network(user=request.user, network=network):
        raise PermissionDenied
    form = NetworkMemberForm(request.POST)
    if form.is_valid():
        try:
            services.network_member_add(network=network, user=form.user, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s has been added.") % {"name": form.user.get_full_name()}
            )
            return redirect("forum:network_detail", slug=network.slug)
    return _network_page(request, network, member_form=form, status=400)


@login_required
@require_POST
def network_member_remove(request, slug: str, user_id: int):
    network = get_object_or_404(Network, slug=slug)
    person = get_object_or_404(User, pk=user_id)
    services.network_member_remove(network=network, user=person, by=request.user)
    messages.success(request, _("%(name)s has been removed.") % {"name": person.get_full_name()})
    return redirect("forum:network_detail", slug=network.slug)


# --- Moderation --------------------------------------------------------------------------


@login_required
def report_list(request):
    if not _can_moderate(request.user):
        raise PermissionDenied
    return render(
        request,
        "forum/report_list.html",
        {
            "reports": selectors.report_queue(),
            "resolved": selectors.report_queue(resolved=True)[:20],
            "resolve_form": ReportResolveForm(),
        },
    )


@login_required
@require_POST
def report_resolve(request, report_id: int):
    if not _can_moderate(request.user):
        raise PermissionDenied
    report = get_object_or_404(Report, pk=report_id, resolved_at__isnull=True)
    form = ReportResolveForm(request.POST)
    resolution = form.cleaned_data["resolution"] if form.is_valid() else ""
    try:
        services.report_resolve(report=report, by=request.user, resolution=resolution)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The report is marked as handled."))
    return redirect("forum:report_list")
