"""What the thread page shows of each post, worked out once per page rather than in the
template once per post.

A hundred posts through `forum/includes/post.html` cost ~440 URL reversals and ~2,000
translation look-ups, most of them the same again and again: the links of a post differ only
by its id, the labels not at all, and an author's organisation and roles are the same on each
of their posts. Here the links come from one reversal per route with the id put in, the labels
from one gettext each, the author line once per author and the dates formatted in Python, so
that the template only places them (decision 0045).
"""

from collections.abc import Callable, Iterable

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.translation import get_language, npgettext, pgettext
from django.utils.translation import gettext as _

from portal.core.links import link_builder
from portal.core.models import User

from . import access
from .models import Post, Reaction, Thread

# An id no post has, in a route's link where the id goes (also static/forum/post_link.js's).
ID_MARKER = 987654321


def _id_link(viewname: str, *after: str) -> Callable[[int], str]:
    """reverse(viewname, args=[id, *after]) for any id, from one reversal: core.links's
    link_builder for a route with more arguments than the id."""
    link = reverse(viewname, args=[ID_MARKER, *after])
    prefix, _marker, suffix = link.partition(str(ID_MARKER))
    return lambda pk: f"{prefix}{pk}{suffix}"


def post_labels() -> dict[str, str]:
    """The post's fixed texts in the reader's language: looked up once per page."""
    return {
        "former_user": _("Former user"),
        "accepted_answer": _("Accepted answer"),
        "jurist": _("Jurist"),
        "see_history": _("see the edit history"),
        "hidden_notice": _("This post has been hidden by an editor."),
        "needs_review": _("Needs review"),
        "needs_review_text": _(
            "A law this post cites has changed since it was written. Check the answer against "
            "the current rules."
        ),
        "attachments": _("Attachments"),
        "thanks": _("Thanks"),
        "useful": _("Useful"),
        "quote": _("Quote"),
        "quote_more": _("this post in a reply"),
        "accept": _("Accept as answer"),
        "unaccept": _("Withdraw acceptance"),
        "edit": _("Edit"),
        "edit_more": _("the post"),
        "report": _("Report"),
        "report_more": _("the post to an editor"),
        "show": _("Show the post"),
        "hide": _("Hide the post"),
    }


def _author_line(post: Post) -> str:
    """The author's organisation (and its kind) and roles: the same on every post of theirs."""
    author = post.author
    if author is None:
        return ""
    line = ""
    if author.organisation:
        line = f"{author.organisation.name} ({author.organisation.get_kind_display()})"
    roles = [grant.get_role_display() for grant in post.author_role_grants]
    if roles:
        line += " · " + ", ".join(roles)
    return line


def posts_present(
    posts: Iterable[Post],
    *,
    user: User,
    thread: Thread,
    can_moderate: bool,
    can_accept: bool,
) -> None:
    """Set on each post (from selectors.thread_posts) its links, its author line, its dates and
    what the person may do with it (`may_*`). The rules are access.py's: the person's standing
    (`can_moderate`, `can_accept`) is asked once by the caller, and whether a post's text is
    theirs to read is access.post_shown (no question asked for a post that is not hidden)."""
    person = link_builder("directory:person_detail")
    history = link_builder("forum:post_history")
    react = link_builder("forum:post_react")
    accept = link_builder("forum:answer_accept")
    edit = link_builder("forum:post_edit")
    report = link_builder("forum:post_report")
    hide = _id_link("forum:post_moderate", "hide")
    show = _id_link("forum:post_moderate", "show")
    download = link_builder("forum:attachment_download")
    short_format = get_format("SHORT_DATETIME_FORMAT")
    author_lines: dict[int | None, str] = {}
    for post in posts:
        if post.author_id not in author_lines:
            author_lines[post.author_id] = _author_line(post)
        created = timezone.localtime(post.created_at)
        own = post.author_id == user.pk
        is_accepted = getattr(post, "is_accepted", post.pk == thread.accepted_answer_id)
        post.author_line = author_lines[post.author_id]
        post.author_url = person(post.author_id) if post.author_id else ""
        post.created_iso = created.isoformat()
        post.created_short = dateformat.format(created, short_format)
        post.history_url = history(post.pk)
        post.react_url = react(post.pk)
        post.accept_url = accept(post.pk)
        post.edit_url = edit(post.pk)
        post.report_url = report(post.pk)
        post.moderate_url = show(post.pk) if post.is_hidden else hide(post.pk)
        post.is_own = own
        post.may_read = access.post_shown(user=user, post=post)
        post.may_edit = own or can_moderate
        post.may_accept = bool(
            can_accept
            and not post.is_opening
            and not is_accepted
            and post.author_id != thread.author_id
        )
        post.may_unaccept = bool(can_accept and is_accepted)
        _pressed_set(post)
        if post.may_read:
            post.files = [
                (download(attachment.token), attachment) for attachment in post.attachment_list
            ]


def post_reactions_present(post: Post, *, user: User) -> None:
    """What the reaction buttons of one post need (the htmx answer to a reaction)."""
    post.react_url = reverse("forum:post_react", args=[post.pk])
    post.is_own = post.author_id == user.pk
    _pressed_set(post)


def _pressed_set(post: Post) -> None:
    pressed = reactions_pressed(post.pk, post.my_reactions)
    post.thanks_pressed = pressed[f"thanks_{post.pk}"]
    post.useful_pressed = pressed[f"useful_{post.pk}"]


def reactions_pressed(post_id: int, mine) -> dict[str, str]:
    """The reaction buttons' `aria-pressed` for the person's own reactions to a post (`mine`, a
    set of kinds), by hole name: the post's attributes, and a thread page kept whole's holes."""
    return {
        f"thanks_{post_id}": "true" if Reaction.Kind.THANKS in mine else "false",
        f"useful_{post_id}": "true" if Reaction.Kind.USEFUL in mine else "false",
    }


def read_mark(thread) -> str:
    """A thread's "Ny" / "N nye" tag for this reader (the list pages' `{% thread_mark %}`, and
    the hole it fills on a page kept whole): from `is_new` and `unread_count`, which
    selectors.thread_read_marks sets."""
    if getattr(thread, "is_new", False):
        return _mark_tag(0)
    count = getattr(thread, "unread_count", None)
    return _mark_tag(int(count)) if count else ""


# The tags by language and count (0: "New"): a list page has dozens, each a translation lookup.
_MARK_TAGS: dict[tuple[str, int], str] = {}


def _mark_tag(count: int) -> str:
    key = (get_language(), count)
    tag = _MARK_TAGS.get(key)
    if tag is None:
        if count == 0:
            tag = format_html(
                '<span class="tag tag-small" data-mark="new">{}</span>',
                pgettext("thread mark", "New"),
            )
        else:
            text = npgettext("thread mark", "%(counter)s new", "%(counter)s new", count)
            tag = format_html(
                '<span class="tag tag-small" data-unread="{}">{}</span>',
                count,
                text % {"counter": count},
            )
        if len(_MARK_TAGS) >= 1000:
            _MARK_TAGS.clear()
        _MARK_TAGS[key] = tag
    return tag
