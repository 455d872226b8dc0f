"""What a notification says and where it leads, built at read time from its kind and records.

Texts are not stored: a renamed thread or person reads right, and the language is the reader's.
"""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import Notification

Kind = Notification.Kind


def _actor_name(notification: Notification) -> str:
    actor = notification.actor
    return actor.get_full_name() if actor is not None else _("A former member")


def _hotline_deadline(notification: Notification) -> str:
    try:
        deadline = notification.thread.hotline_case.deadline
    except AttributeError:  # no thread, or a thread without a hotline case
        return ""
    return formats.date_format(timezone.localtime(deadline), "SHORT_DATETIME_FORMAT")


def notification_message(notification: Notification) -> str:
    """One sentence in the reader's language, e.g. "Mette Hansen answered your question «…»"."""
    kind = notification.kind
    values = {
        "actor": _actor_name(notification),
        "title": notification.thread.title if notification.thread_id else "",
    }
    if kind == Kind.REPLY:
        return _("%(actor)s replied in «%(title)s»") % values
    if kind == Kind.MENTION:
        return _("%(actor)s mentioned you in «%(title)s»") % values
    if kind == Kind.NEW_THREAD:
        topic = notification.thread.topic.name if notification.thread_id else ""
        return _("%(actor)s started «%(title)s» in %(topic)s") % {**values, "topic": topic}
    if kind == Kind.ANSWER:
        return _("%(actor)s answered your question «%(title)s»") % values
    if kind == Kind.ANSWER_ACCEPTED:
        return _("%(actor)s accepted your answer to «%(title)s»") % values
    if kind == Kind.QUESTION_FOR_YOU:
        return _("%(actor)s asked you a question: «%(title)s»") % values
    if kind == Kind.HOTLINE_NEW:
        return _("%(actor)s asked the legal hotline: «%(title)s»") % values
    if kind == Kind.HOTLINE_DEADLINE:
        deadline = _hotline_deadline(notification)
        if deadline:
            return _("The hotline question «%(title)s» must be answered by %(deadline)s") % {
                **values,
                "deadline": deadline,
            }
        return _("The hotline question «%(title)s» must be answered soon") % values
    if kind == Kind.HOTLINE_OVERDUE:
        return _("The hotline question «%(title)s» is past its deadline") % values
    if kind == Kind.NETWORK_ADDED:
        network = notification.network.name if notification.network_id else ""
        return _("%(actor)s added you to the network %(network)s") % {**values, "network": network}
    if kind == Kind.GUIDE_REVIEW:
        title = notification.guide.title if notification.guide_id else ""
        return _("The guide «%(title)s» needs review") % {"title": title}
    if kind == Kind.PARTNERSHIP_IMPORT_DONE:
        record = notification.partnership_import
        if record is None:
            return notification.get_kind_display()
        if record.status == "done":
            return _("Your import of «%(file)s» is done: %(rows)s rows") % {
                "file": record.file_name,
                "rows": record.rows,
            }
        return _("Your import of «%(file)s» was refused; nothing is stored") % {
            "file": record.file_name
        }
    if kind == Kind.PARTNERSHIP_BELOW_GOAL:
        fund = notification.organisation.name if notification.organisation_id else ""
        period = notification.period
        return _("The timeliness of %(fund)s in %(month)s %(year)s is below its goal") % {
            "fund": fund,
            "month": formats.date_format(period, "F") if period else "",
            "year": period.year if period else "",
        }
    if kind in (Kind.REGISTER_ITEM_MOVED, Kind.REGISTER_ITEM_OVERDUE):
        item = notification.register_item
        if item is None:
            return notification.get_kind_display()
        if kind == Kind.REGISTER_ITEM_OVERDUE:
            return _("«%(title)s» is past its timeline") % {"title": item.title}
        return _("«%(title)s» is now: %(status)s") % {
            "title": item.title,
            "status": item.get_status_display(),
        }
    return notification.get_kind_display()


def notification_target_url(notification: Notification) -> str:
    """Where opening the notification leads: the post (on its page of the thread), the thread,
    the network, the guide or the import."""
    if notification.thread_id and notification.post_id:
        # On to the page of the thread that holds the post (threads have pages).
        return reverse("forum:post_detail", args=[notification.post_id])
    if notification.thread_id:
        return reverse("forum:thread_detail", args=[notification.thread_id])
    if notification.network_id:
        return reverse("forum:network_detail", args=[notification.network.slug])
    if notification.guide_id:
        return reverse("guides:guide_detail", args=[notification.guide.slug])
    if notification.register_item_id:
        return reverse("register:item_detail", args=[notification.register_item_id])
    if notification.partnership_import_id:
        return reverse("partnership:import_detail", args=[notification.partnership_import_id])
    if notification.organisation_id:
        return reverse("partnership:dashboard", args=[notification.organisation.slug])
    return reverse("notifications:notification_list")
