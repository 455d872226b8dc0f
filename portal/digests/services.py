"""Writes of the digests app: click-through records, unsubscribing and digest rounds."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from portal.core.email import OutgoingEmail, email_record_batch
from portal.core.links import link_builder
from portal.core.mail_addresses import reply_address
from portal.core.models import EmailCategory, EmailDelivery, EmailSuppression, User
from portal.core.notify import NotificationKind
from portal.core.outbox import email_deliver
from portal.insights.models import EmailAction
from portal.insights.services import email_action_record, email_figure_record

from . import links
from .models import DigestFrequency, DigestRun, EmailClick, EmailPreference
from .selectors import (
    DigestChunk,
    DigestItem,
    Reader,
    digest_compose,
    digest_done_count,
    digest_due_user_ids,
    digest_readers,
)


def _sent(delivery_id: int) -> tuple[str, datetime | None] | None:
    """(category, sent_at) of a delivery, None if it no longer exists."""
    return EmailDelivery.objects.filter(pk=delivery_id).values_list("category", "sent_at").first()


def _count_first(*, sent: tuple[str, datetime | None], figure: str) -> None:
    """Count a delivery's first open or click on the day it was sent (insights' daily figures)."""
    category, sent_at = sent
    if sent_at is not None:
        email_figure_record(category=category, day=timezone.localdate(sent_at), figure=figure)


@transaction.atomic
def email_click_record(*, delivery_id: int, item: str, url: str) -> EmailClick | None:
    """Record a click on a link in an email; None if the delivery no longer exists."""
    sent = _sent(delivery_id)
    if sent is None:
        return None
    now = timezone.now()
    if EmailDelivery.objects.filter(pk=delivery_id, clicked_at__isnull=True).update(clicked_at=now):
        _count_first(sent=sent, figure="clicked")
    # A click proves the mail was opened even where images are blocked.
    if EmailDelivery.objects.filter(pk=delivery_id, opened_at__isnull=True).update(opened_at=now):
        _count_first(sent=sent, figure="opened")
    return EmailClick.objects.create(delivery_id=delivery_id, item=item[:40], url=url[:500])


@transaction.atomic
def email_open_record(*, delivery_id: int) -> None:
    """Record the first time the mail program loaded the email's image (a lower bound)."""
    if EmailDelivery.objects.filter(pk=delivery_id, opened_at__isnull=True).update(
        opened_at=timezone.now()
    ):
        sent = _sent(delivery_id)
        if sent is not None:
            _count_first(sent=sent, figure="opened")


@transaction.atomic
def email_unsubscribe(*, user_id: int, category: str) -> EmailPreference | None:
    """Stop one category of mail for a person (from a link in the mail itself, no sign-in).

    Account and security mail cannot be unsubscribed. None when the person no longer exists.
    """
    if not User.objects.filter(pk=user_id).exists():
        return None
    preference, _ = EmailPreference.objects.select_for_update().get_or_create(user_id=user_id)
    if category == EmailCategory.DIGEST:
        receiving = preference.digest_frequency != DigestFrequency.NEVER
        preference.digest_frequency = DigestFrequency.NEVER
    elif category == EmailCategory.NEWSLETTER:
        receiving, preference.newsletter = preference.newsletter, False
    elif category == EmailCategory.NOTIFICATION:
        receiving, preference.notifications = preference.notifications, False
    else:
        raise ValueError(category)
    preference.save()
    if receiving:  # a second press of the link unsubscribes nobody: counted once
        email_action_record(action=EmailAction.UNSUBSCRIBE)
    return preference


@transaction.atomic
def email_preference_update(
    *,
    user: User,
    digest_frequency: str,
    newsletter: bool,
    notifications: bool,
    notification_kinds_off: list[str],
) -> EmailPreference:
    """Save a person's email choices from the settings page."""
    if digest_frequency not in DigestFrequency.values:
        raise ValueError(digest_frequency)
    unknown = set(notification_kinds_off) - set(NotificationKind.values)
    if unknown:
        raise ValueError(sorted(unknown))
    preference, _ = EmailPreference.objects.select_for_update().get_or_create(user=user)
    preference.digest_frequency = digest_frequency
    preference.newsletter = newsletter
    preference.notifications = notifications
    preference.notification_kinds_off = [
        kind for kind in NotificationKind.values if kind in set(notification_kinds_off)
    ]
    preference.save()
    return preference


@transaction.atomic
def email_suppression_clear(*, user: User) -> bool:
    """Mail the person's own address again after it bounced (they say it works now).

    Only their own current address: nobody can lift the suppression of someone else's. If the
    address still bounces, bounce handling suppresses it again. True when one was lifted.
    """
    deleted, _ = EmailSuppression.objects.filter(address__iexact=user.email).delete()
    return bool(deleted)


# --- Digest rounds -----------------------------------------------------------------------

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
# Digests of a period go out from 06:00 Copenhagen time on its first day (Monday for weekly):
# in the inbox before the working day starts.
DIGEST_DUE_HOUR = 6
DIGEST_CHUNK_SIZE = 500
DIGEST_TEMPLATE = "digests/emails/digest"


@dataclass
class DigestRoundResult:
    """What a round did: printed by `manage.py send_digests`."""

    due: int = 0
    sent: int = 0
    empty: int = 0
    suppressed: int = 0
    already_done: int = 0

    def add(self, other: "DigestRoundResult") -> None:
        self.due += other.due
        self.sent += other.sent
        self.empty += other.empty
        self.suppressed += other.suppressed
        self.already_done += other.already_done


def digest_period_start(*, frequency: str, now: datetime) -> date | None:
    """The period whose digest is due at `now`, or None before 06:00 Copenhagen on its first day
    (the previous period's digest went out then). Daily: the local date; weekly: the Monday of
    the ISO week. Computed in local time, so daylight saving time moves the UTC hour, not the
    local one."""
    local = now.astimezone(COPENHAGEN)
    day = local.date()
    start = day if frequency == DigestFrequency.DAILY else day - timedelta(days=day.weekday())
    due_at = datetime.combine(start, time(DIGEST_DUE_HOUR), tzinfo=COPENHAGEN)
    return start if local >= due_at else None


def digest_round(
    *,
    now: datetime | None = None,
    frequency: str | None = None,
    dispatch: Callable[..., DigestRoundResult | None] | None = None,
) -> DigestRoundResult:
    """One digest round: every person due gets this period's digest at most once.

    People are taken in chunks of DIGEST_CHUNK_SIZE ids; each chunk is composed, rendered and
    sent by `digest_chunk_send` (inline by default; the periodic task passes a `dispatch` that
    enqueues one task per chunk instead, and then the counts other than `due` stay 0). The
    unique DigestRun per person and period makes a repeated or concurrent round harmless.
    """
    now = now or timezone.now()
    frequencies = [frequency] if frequency else [DigestFrequency.DAILY, DigestFrequency.WEEKLY]
    dispatch = dispatch or digest_chunk_send
    result = DigestRoundResult()
    for freq in frequencies:
        period_start = digest_period_start(frequency=freq, now=now)
        if period_start is None:
            continue
        result.already_done += digest_done_count(frequency=freq, period_start=period_start)
        after_id = 0
        while user_ids := digest_due_user_ids(
            frequency=freq, period_start=period_start, after_id=after_id, limit=DIGEST_CHUNK_SIZE
        ):
            after_id = user_ids[-1]
            result.due += len(user_ids)
            chunk_result = dispatch(
                user_ids=user_ids,
                frequency=freq,
                period_start=period_start.isoformat(),
                until=now.isoformat(),
            )
            if chunk_result is not None:
                chunk_result.due = 0
                result.add(chunk_result)
    return result


def _claim(*, readers: list[Reader], frequency: str, period_start: date, items) -> set[int]:
    """Insert this period's DigestRun for each reader, answering whose row this call inserted.

    INSERT … ON CONFLICT DO NOTHING RETURNING (PostgreSQL, SQLite ≥ 3.35): a person whose row
    exists — an earlier round, or a concurrent one that got there first, which PostgreSQL makes
    this insert wait for — is not claimed, so nobody is mailed twice for a period.
    """
    if not readers:
        return set()
    ops = connection.ops
    table = ops.quote_name(DigestRun._meta.db_table)
    created = ops.adapt_datetimefield_value(timezone.now())
    start = ops.adapt_datefield_value(period_start)
    claimed: set[int] = set()
    with connection.cursor() as cursor:
        for offset in range(0, len(readers), DIGEST_CHUNK_SIZE):
            batch = readers[offset : offset + DIGEST_CHUNK_SIZE]
            params: list = []
            for reader in batch:
                params += [
                    reader.id,
                    frequency,
                    start,
                    ops.adapt_datetimefield_value(reader.covers_from),
                    ops.adapt_datetimefield_value(reader.until),
                    len(items.get(reader.id) or ()),
                    created,
                ]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(batch))
            cursor.execute(
                f"INSERT INTO {table} (user_id, frequency, period_start, covers_from, "  # noqa: S608
                f"covers_until, item_count, created_at) VALUES {values} "
                "ON CONFLICT (user_id, frequency, period_start) DO NOTHING RETURNING user_id",
                params,
            )
            claimed.update(row[0] for row in cursor.fetchall())
    return claimed


def _link_deliveries(*, frequency: str, period_start: date, sent: dict[int, int]) -> None:
    """Point each sent DigestRun at its delivery: one UPDATE … CASE for the whole chunk
    (bulk_update builds the same statement, at a cost of seconds per 500 rows)."""
    if not sent:
        return
    table = connection.ops.quote_name(DigestRun._meta.db_table)
    cases = " ".join(["WHEN %s THEN %s"] * len(sent))
    params: list = [value for pair in sent.items() for value in pair]
    params += [frequency, connection.ops.adapt_datefield_value(period_start), *sent]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET delivery_id = CASE user_id {cases} END "  # noqa: S608
            "WHERE frequency = %s AND period_start = %s "
            f"AND user_id IN ({', '.join(['%s'] * len(sent))})",
            params,
        )


def digest_chunk_send(
    *, user_ids: list[int], frequency: str, period_start: str, until: str, connection=None
) -> DigestRoundResult:
    """Compose and record the digests of one chunk of people, then send them over one SMTP
    connection.

    Recording is one transaction with a fixed number of queries whatever the chunk size: the
    claimed DigestRun rows, the messages in the outbox and the runs' links to them commit
    together, and a concurrent round waits on the claimed rows rather than mailing the same
    people. Sending comes after commit, message by message (claim, send, mark); a worker killed
    while sending leaves the rest to the outbox sweep, so nobody gets a period's digest twice
    except, at worst, the one person whose message was in flight.
    """
    result, delivery_ids = _digest_chunk_record(
        user_ids=user_ids, frequency=frequency, period_start=period_start, until=until
    )
    email_deliver(delivery_ids, connection=connection)
    return result


@transaction.atomic
def _digest_chunk_record(
    *, user_ids: list[int], frequency: str, period_start: str, until: str
) -> tuple[DigestRoundResult, list[int]]:
    start = date.fromisoformat(period_start)
    until_at = datetime.fromisoformat(until)
    result = DigestRoundResult(due=len(user_ids))
    readers, _preferences = digest_readers(user_ids=user_ids, frequency=frequency, until=until_at)
    for reader in readers:
        reader.until = until_at
    chunk = DigestChunk(readers=readers, until=until_at, frequency=frequency)
    composed = digest_compose(chunk)
    claimed = _claim(readers=readers, frequency=frequency, period_start=start, items=composed)
    result.already_done = len(readers) - len(claimed)
    renderer = DigestRenderer.for_round(frequency=frequency, until=until)
    outgoing: list[OutgoingEmail] = []
    to_send: list[Reader] = []
    for reader in readers:
        if reader.id not in claimed:
            continue
        items = composed.get(reader.id)
        if not items:
            result.empty += 1
            continue
        unsubscribe = renderer.unsubscribe_url(reader.id)
        to_send.append(reader)
        outgoing.append(
            OutgoingEmail(
                to=reader.email,
                template=DIGEST_TEMPLATE,
                category=EmailCategory.DIGEST,
                render=renderer.for_reader(reader=reader, items=items, unsubscribe=unsubscribe),
                subject=renderer.subject(reader.language, items),
                user_id=reader.id,
                reference=f"digest:{frequency}:{start.isoformat()}",
                unsubscribe_url=unsubscribe,
            )
        )
    deliveries = email_record_batch(outgoing)
    recorded = {}
    for reader, delivery in zip(to_send, deliveries, strict=True):
        if delivery is None:
            result.suppressed += 1
        else:
            recorded[reader.id] = delivery.pk
    result.sent = len(recorded)
    _link_deliveries(frequency=frequency, period_start=start, sent=recorded)
    return result, list(recorded.values())


def _headline(replies: int, items: int) -> str:
    if replies:
        return ngettext(
            "%(count)d new reply in threads you follow",
            "%(count)d new replies in threads you follow",
            replies,
        ) % {"count": replies}
    return ngettext("%(count)d new thing for you", "%(count)d new things for you", items) % {
        "count": items
    }


_headline_lazy = lazy(_headline, str)


def digest_subject_headline(items: list[DigestItem]):
    """ "4 new replies in threads you follow", or a count of everything; lazy, so it is
    translated into the reader's language when the subject is rendered."""
    replies = sum(i.count for i in items if i.source == "followed_replies")
    return _headline_lazy(replies, len(items))


class DigestRenderer:
    """Renders the digests of a chunk, fast enough for hundreds of messages a second.

    Rendering digest.html/.txt per message costs ~25 ms of template engine; here each template
    is rendered once per language for the frame and once per language and item for each item
    (the `item` partials), with marker strings where a message's own values go: the click-
    tracked links (signed per delivery, by the same code as `{% tracked_url %}`), the signed
    reply address, the name, the unsubscribe and open-pixel links. A message is then string
    assembly. The output is the same as rendering the templates with the message's values.
    """

    _LINK = "@@DIGEST-LINK@@"
    _MAILTO = "@@DIGEST-MAILTO@@"
    _REPLY = "@@DIGEST-REPLY@@"
    _NUMBER = "@@DIGEST-NUMBER@@"
    _ITEMS = "@@DIGEST-ITEMS@@"
    _NAME = "@@DIGEST-NAME@@"
    _SUBJECT = "@@DIGEST-SUBJECT@@"
    _HOME = "@@DIGEST-HOME@@"
    _PIXEL = "@@DIGEST-PIXEL@@"
    _UNSUBSCRIBE = "@@DIGEST-UNSUBSCRIBE@@"

    # The renderer of the round this process works on: the chunks of a round that a worker
    # runs one after another share the item fragments (bounded by the period's content, not by
    # the number of people). A new round replaces it.
    _current: "tuple[tuple[str, str, str], DigestRenderer] | None" = None

    @classmethod
    def for_round(cls, *, frequency: str, until: str) -> "DigestRenderer":
        key = (frequency, until, translation.get_language() or "")
        if cls._current is None or cls._current[0] != key:
            cls._current = (key, cls(frequency=frequency))
        return cls._current[1]

    def __init__(self, *, frequency: str):
        self.frequency = frequency
        self._frames: dict[tuple[str, bool], tuple[str, str]] = {}
        self._fragments: dict[tuple, tuple[str, str]] = {}
        self._subjects: dict[tuple, str] = {}
        self._preferences_url = _preferences_url()
        # Not reverse() per delivery: it costs more than signing the token.
        self._click_link = link_builder("digests:email_click")
        self._open_link = link_builder("digests:email_open")
        self._unsubscribe_link = link_builder("digests:unsubscribe")

    # Per-delivery values: the same tokens as portal.digests.links makes.
    def tracked_url(self, delivery_id: int, url: str, item: str) -> str:
        path = links.portal_path(url)
        return links.absolute(self._click_link(links.tracked_token(delivery_id, item, path)))

    def unsubscribe_url(self, user_id: int) -> str:
        token = links.unsubscribe_token(user_id=user_id, category=EmailCategory.DIGEST)
        return links.absolute(self._unsubscribe_link(token))

    def open_pixel_url(self, delivery_id: int) -> str:
        return links.absolute(self._open_link(links.open_token(delivery_id)))

    def _context(self, **extra) -> dict:
        return {"site_url": settings.SITE_URL, "frequency": self.frequency, **extra}

    def frame(self, language: str, has_name: bool) -> tuple[str, str]:
        key = (language, has_name)
        if key not in self._frames:
            context = self._context(
                name=self._NAME if has_name else "",
                subject=self._SUBJECT,
                items_html=mark_safe(self._ITEMS),  # noqa: S308 (a marker, replaced below)
                items_text=self._ITEMS,
                home_link=self._HOME,
                pixel_url=self._PIXEL,
                preferences_url=self._preferences_url,
                unsubscribe_url=self._UNSUBSCRIBE,
            )
            with translation.override(language):
                html = render_to_string(f"{DIGEST_TEMPLATE}.html", context)
                text = render_to_string(f"{DIGEST_TEMPLATE}.txt", context)
            self._frames[key] = (html, text.strip() + "\n")
        return self._frames[key]

    def fragment(self, language: str, item: DigestItem) -> tuple[str, str]:
        key = (language, item.source, item.key, item.url, item.count, item.title, item.excerpt)
        if key not in self._fragments:
            is_thread = item.thread_id is not None
            context = self._context(
                item=item,
                number=self._NUMBER,
                link=self._LINK,
                reply_mailto=self._MAILTO if is_thread else "",
                reply_address=self._REPLY if is_thread else "",
            )
            with translation.override(language):
                self._fragments[key] = (
                    render_to_string(f"{DIGEST_TEMPLATE}.html#item", context),
                    render_to_string(f"{DIGEST_TEMPLATE}.txt#item", context),
                )
        return self._fragments[key]

    def subject(self, language: str, items: list[DigestItem]) -> str:
        headline = digest_subject_headline(items)
        with translation.override(language):
            key = (language, str(headline))
            if key not in self._subjects:
                text = render_to_string(
                    f"{DIGEST_TEMPLATE}.subject.txt", self._context(headline=headline)
                )
                self._subjects[key] = " ".join(text.split())
        return self._subjects[key]

    def for_reader(self, *, reader: Reader, items: list[DigestItem], unsubscribe: str):
        """The render callback of one digest (tracked links need the saved delivery)."""

        def render(delivery: EmailDelivery) -> tuple[str, str, str]:
            language = reader.language
            subject = self.subject(language, items)
            frame_html, frame_text = self.frame(language, bool(reader.full_name))
            parts_html, parts_text = [], []
            for number, item in enumerate(items, 1):
                html, text = self.fragment(language, item)
                link = self.tracked_url(delivery.pk, item.url, item.key)
                html = html.replace(self._LINK, escape(link))
                text = text.replace(self._LINK, link).replace(self._NUMBER, str(number))
                if item.thread_id is not None:
                    address = reply_address(user_id=reader.id, thread_id=item.thread_id)
                    mailto = f"mailto:{address}?" + urlencode(
                        {"subject": f"Re: {item.title}"}, quote_via=quote
                    )
                    html = html.replace(self._MAILTO, escape(mailto))
                    text = text.replace(self._REPLY, address)
                parts_html.append(html)
                parts_text.append(text)
            home = self.tracked_url(delivery.pk, "/", "portal")
            html = (
                frame_html.replace(self._ITEMS, "".join(parts_html))
                .replace(self._SUBJECT, escape(subject))
                .replace(self._NAME, escape(reader.full_name))
                .replace(self._HOME, escape(home))
                .replace(self._PIXEL, escape(self.open_pixel_url(delivery.pk)))
                .replace(self._UNSUBSCRIBE, escape(unsubscribe))
            )
            text = (
                frame_text.replace(self._ITEMS, "".join(parts_text))
                .replace(self._NAME, reader.full_name)
                .replace(self._UNSUBSCRIBE, unsubscribe)
            )
            return subject, text, html

        return render


def _preferences_url() -> str:
    return links.absolute(reverse("digests:preferences"))
