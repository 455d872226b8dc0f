"""Receiving mail: a reply by email becomes a post; a bounce stops mail to a dead address.

One entry point for both doors (the SMTP/LMTP receiver and the HTTP webhook):
`inbound_mail_receive` judges the message once per recipient and answers with an SMTP status,
so the sending mail server either delivers or bounces it, and logs an InboundMessage (never the
body). Nothing is ever sent back to automatic mail or to a sender we cannot vouch for: a
rejection that reaches a genuine user (the reply address is ours and From is their address)
also gets an explanatory email with what they wrote, so nothing is lost.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from portal.core.cpr import find_cpr_numbers, mask, redact_cpr_numbers
from portal.core.email import email_send
from portal.core.mail_addresses import (
    BOUNCE_PREFIX,
    REPLY_PREFIX,
    AddressError,
    AddressExpired,
    bounce_address_parse,
    reply_address_parse,
)
from portal.core.models import EmailCategory, EmailDelivery, EmailSuppression, User
from portal.core.text import spell_ascii
from portal.forum import access
from portal.forum.models import Thread
from portal.forum.services import reply_create

from . import parsing
from .models import InboundMessage

logger = logging.getLogger(__name__)

Outcome = InboundMessage.Outcome
SOFT_BOUNCE_WINDOW = timedelta(days=30)
# What the explanation quotes back at most (a posted reply may be up to 50.000 characters).
EXPLANATION_TEXT_LIMIT = 60_000

# Explanations (Danish in the catalogue). The SMTP text is the same sentence folded to ASCII.
MESSAGES = {
    "posted": _("Your reply has been posted."),
    "posted_attachments": _(
        "Your reply has been posted. Attachments are not posted by email; add them in the "
        "portal if they are needed."
    ),
    "duplicate": _("This reply has already been posted."),
    "ignored": _("Automatic mail is not posted."),
    "bounce": _("Delivery report recorded."),
    "bounce_ignored": _("Mail to this address is not read."),
    "unknown": _("This address does not exist. Reply from the portal instead."),
    "forged": _(
        "This reply address is not valid. Reply from the portal instead, or use the reply "
        "address of the email you received."
    ),
    "sender": _(
        "This reply address belongs to another person. Reply from the address the email was "
        "sent to, or reply in the portal."
    ),
    "inactive": _("The account this reply address belongs to is not active."),
    "expired": _("This reply address has expired. Reply in the portal instead: %(url)s"),
    "too_large": _(
        "The email is too large (at most %(limit)s MB). Nothing was posted. Reply without "
        "attachments or in the portal: %(url)s"
    ),
    "gone": _("The thread no longer exists, so the reply could not be posted."),
    "forbidden": _("You no longer have access to this thread, so the reply could not be posted."),
    "closed": _("The thread is closed; new replies are not possible. Nothing was posted: %(url)s"),
    "empty": _(
        "No text was found in your reply (quoted text and signatures are removed). Write your "
        "answer above the quoted message, or reply in the portal: %(url)s"
    ),
    "cpr": _(
        "The text seems to contain a CPR number (%(masked)s). Citizens' CPR numbers must never "
        "be posted in the portal. Nothing was posted: %(url)s"
    ),
    "invalid": _("The reply could not be posted: %(errors)s %(url)s"),
}

# reason → (SMTP code, enhanced status code, outcome)
STATUSES = {
    "posted": (250, "2.0.0", Outcome.POSTED),
    "duplicate": (250, "2.0.0", Outcome.IGNORED),
    "ignored": (250, "2.0.0", Outcome.IGNORED),
    "bounce": (250, "2.0.0", Outcome.BOUNCE),
    "bounce_ignored": (250, "2.0.0", Outcome.IGNORED),
    "unknown": (550, "5.1.1", Outcome.REJECTED),
    "forged": (550, "5.1.1", Outcome.REJECTED),
    "sender": (550, "5.7.1", Outcome.REJECTED),
    "inactive": (550, "5.1.1", Outcome.REJECTED),
    "expired": (550, "5.7.1", Outcome.REJECTED),
    "too_large": (552, "5.3.4", Outcome.REJECTED),
    "gone": (550, "5.7.1", Outcome.REJECTED),
    "forbidden": (550, "5.7.1", Outcome.REJECTED),
    "closed": (550, "5.7.1", Outcome.REJECTED),
    "empty": (550, "5.7.1", Outcome.REJECTED),
    "cpr": (550, "5.7.1", Outcome.REJECTED),
    "invalid": (550, "5.7.1", Outcome.REJECTED),
}


@dataclass(frozen=True)
class Result:
    """The answer for one recipient of one message."""

    recipient: str
    outcome: str
    smtp_code: int
    enhanced_code: str
    message: str  # the explanation, in the portal's language (Danish)
    inbound: InboundMessage

    @property
    def accepted(self) -> bool:
        return self.smtp_code < 400

    def smtp_reply(self) -> str:
        """One SMTP reply line: ASCII only (SMTP without SMTPUTF8), æ/ø/å spelt ae/oe/aa."""
        return f"{self.smtp_code} {self.enhanced_code} {ascii_fold(self.message)}"[:500]


def ascii_fold(text: str) -> str:
    text = spell_ascii(text).encode("ascii", "ignore").decode()
    return " ".join(text.split())


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _thread_url(thread_id: int | None) -> str:
    if thread_id is None:
        return _absolute(reverse("forum:thread_list"))
    return _absolute(reverse("forum:thread_detail", args=[thread_id]))


def _explain(reason: str, params: dict, language: str | None = None) -> str:
    with translation.override(language or settings.LANGUAGE_CODE):
        return str(MESSAGES[reason]) % params if params else str(MESSAGES[reason])


@dataclass
class _Mail:
    """What every recipient's judgement shares: the parsed message and its envelope."""

    raw: bytes
    message: EmailMessage
    envelope_from: str
    from_addresses: list[str]
    message_id: str

    @property
    def size(self) -> int:
        return len(self.raw)


def _log(mail: _Mail, recipient: str, reason: str, **fields) -> InboundMessage:
    return InboundMessage.objects.create(
        envelope_from=mail.envelope_from[:320],
        recipient=recipient.lower()[:320],
        from_address=(mail.from_addresses[0] if mail.from_addresses else "")[:320],
        message_id=mail.message_id,
        size=min(mail.size, 2**31 - 1),
        outcome=STATUSES[reason][2],
        reason=reason,
        **fields,
    )


def _result(mail: _Mail, recipient: str, reason: str, params=None, **fields) -> Result:
    code, enhanced, outcome = STATUSES[reason]
    inbound = _log(mail, recipient, reason, **fields)
    return Result(
        recipient=recipient,
        outcome=outcome,
        smtp_code=code,
        enhanced_code=enhanced,
        message=_explain(reason, params or {}),
        inbound=inbound,
    )


def inbound_mail_receive(*, raw: bytes, envelope_from: str, recipients: list[str]) -> list[Result]:
    """Judge one message for each of its recipients; post, record, ignore or reject it."""
    message = parsing.message_parse(raw)
    mail = _Mail(
        raw=raw,
        message=message,
        envelope_from=(envelope_from or "").strip().strip("<>"),
        from_addresses=parsing.from_addresses(message),
        message_id=parsing.message_id(message),
    )
    results = []
    for recipient in recipients:
        address = recipient.strip().strip("<>")
        local = address.rpartition("@")[0].lower()
        if local.startswith(BOUNCE_PREFIX + "+"):
            results.append(_receive_bounce(mail, address))
        elif local.startswith(REPLY_PREFIX + "+"):
            results.append(_receive_reply(mail, address))
        else:
            results.append(_result(mail, address, "unknown"))
    return results


# --- Bounces -------------------------------------------------------------------------------


@transaction.atomic
def _receive_bounce(mail: _Mail, address: str) -> Result:
    try:
        delivery_id = bounce_address_parse(address)
    except AddressError:
        return _result(mail, address, "forged")
    # A DSN, or mail from a mailer daemon; an out-of-office reply (often sent with an empty
    # envelope sender too) is not a bounce and must not count against the address.
    from_daemon = parsing.is_daemon(mail.envelope_from) or any(
        parsing.is_daemon(a) for a in mail.from_addresses
    )
    looks_like_bounce = (
        parsing.is_delivery_report(mail.message)
        or from_daemon
        or parsing.automatic_reason(mail.message, envelope_from=mail.envelope_from) == "null_sender"
    )
    if not looks_like_bounce:
        # An out-of-office reply or a person answering the envelope sender: not read.
        return _result(mail, address, "bounce_ignored")
    delivery = EmailDelivery.objects.filter(pk=delivery_id).first()
    report = parsing.bounce_parse(mail.message)
    if delivery is None or not report.kind:
        return _result(mail, address, "bounce_ignored", delivery=delivery)
    now = timezone.now()
    if delivery.bounced_at is None:
        EmailDelivery.objects.filter(pk=delivery.pk).update(bounced_at=now)
    bounced = delivery.recipient
    result = _result(
        mail,
        address,
        "bounce",
        delivery=delivery,
        user_id=delivery.user_id,
        bounced_address=bounced,
        bounce_kind=report.kind,
        bounce_status=report.status,
    )
    _suppression_record(address=bounced, kind=report.kind, report=report, now=now)
    logger.info(
        "bounce %s %s for %s (delivery %s)", report.kind, report.status, bounced, delivery.pk
    )
    return result


def _suppression_record(*, address: str, kind: str, report, now) -> EmailSuppression:
    """Count the bounce; stop mailing at once on a hard bounce, after repeated soft ones."""
    suppression = (
        EmailSuppression.objects.select_for_update().filter(address__iexact=address).first()
    )
    if suppression is None:
        try:
            with transaction.atomic():
                suppression = EmailSuppression.objects.create(
                    address=address, first_bounce_at=now, last_bounce_at=now
                )
        except IntegrityError:  # a bounce for the same address arrived at the same moment
            suppression = EmailSuppression.objects.select_for_update().get(address__iexact=address)
    suppression.last_bounce_at = now
    suppression.diagnostic = f"{report.status} {report.diagnostic}".strip()[:500]
    if kind == InboundMessage.BounceKind.HARD:
        suppression.hard_bounces += 1
        suppression.suppressed_at = suppression.suppressed_at or now
    else:
        suppression.soft_bounces += 1
        recent = InboundMessage.objects.filter(
            bounce_kind=InboundMessage.BounceKind.SOFT,
            bounced_address__iexact=address,
            received_at__gte=now - SOFT_BOUNCE_WINDOW,
        ).count()
        if recent >= settings.PORTAL_SOFT_BOUNCE_LIMIT:
            suppression.suppressed_at = suppression.suppressed_at or now
    suppression.save()
    return suppression


# --- Replies -------------------------------------------------------------------------------


def _expired_target(address: str) -> tuple[int, int]:
    """User and thread of a genuine but expired reply address (its signature was checked)."""
    local = address.rpartition("@")[0]
    user_id, thread_id = local.partition("+")[2].split(".")[:2]
    return int(user_id), int(thread_id)


def _receive_reply(mail: _Mail, address: str) -> Result:
    expired = False
    try:
        target = reply_address_parse(address)
        user_id, thread_id = target.user_id, target.thread_id
    except AddressExpired:
        expired = True
        user_id, thread_id = _expired_target(address)
    except AddressError:
        return _result(mail, address, "forged")

    if parsing.automatic_reason(mail.message, envelope_from=mail.envelope_from):
        return _result(mail, address, "ignored")
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return _result(mail, address, "forged")
    sender_matches = len(mail.from_addresses) == 1 and (
        mail.from_addresses[0].lower() == (user.email or "").lower()
    )
    if not sender_matches:
        # From may be forged; an explanation would go to someone who did not write (backscatter).
        return _result(mail, address, "sender")
    if not user.is_active:
        return _result(mail, address, "inactive", user=user)

    thread = Thread.objects.filter(pk=thread_id).first()
    # A thread merged into another lives on in the surviving thread.
    for _hop in range(5):
        if thread is None or not thread.merged_into_id:
            break
        thread = Thread.objects.filter(pk=thread.merged_into_id).first()
    url = _thread_url(thread.pk if thread else None)
    text = parsing.reply_text(parsing.body_text(mail.message))
    attachments = parsing.attachment_names(mail.message)

    def reject(reason: str, params: dict | None = None, shown_text: str | None = None) -> Result:
        params = {"url": url, **(params or {})}
        result = _result(mail, address, reason, params, user=user)
        # Only for a thread the person may still see: the explanation quotes its title.
        visible = thread is not None and access.thread_readable(user=user, thread=thread)
        _explanation_send(
            user=user,
            thread=thread if visible else None,
            reason=reason,
            params=params,
            text=text if shown_text is None else shown_text,
            attachments=attachments,
            inbound=result.inbound,
            subject=parsing.header(mail.message, "Subject"),
        )
        return result

    if expired:
        return reject("expired")
    if mail.size > settings.PORTAL_INBOUND_MAIL_MAX_BYTES:
        limit = settings.PORTAL_INBOUND_MAIL_MAX_BYTES / (1024 * 1024)
        return reject("too_large", {"limit": f"{limit:g}"})
    if (
        mail.message_id
        and InboundMessage.objects.filter(
            message_id=mail.message_id, recipient=address.lower(), outcome=Outcome.POSTED
        ).exists()
    ):
        return _duplicate(mail, address)
    if thread is None:
        return reject("gone")
    if not access.thread_readable(user=user, thread=thread):
        return reject("forbidden")
    if not text.strip():
        return reject("empty")
    numbers = find_cpr_numbers(text)
    if numbers:
        return reject("cpr", {"masked": mask(numbers[0])}, shown_text=redact_cpr_numbers(text))
    try:
        return _post(mail, address, user=user, thread=thread, text=text, attachments=attachments)
    except PermissionDenied:
        return reject("forbidden")
    except ValidationError as error:
        codes = {e.code for e in _flat(error)}
        if "thread_closed" in codes:
            return reject("closed")
        if "cpr_number" in codes:  # a number the guard found and our check did not
            return reject("cpr", {"masked": "XXXXXX-XXXX"}, shown_text="")
        return reject("invalid", {"errors": " ".join(str(m) for m in _flat_messages(error))})
    except IntegrityError:  # the same message arrived twice at the same moment
        return _duplicate(mail, address)


def _flat(error: ValidationError) -> list[ValidationError]:
    if hasattr(error, "error_dict"):
        return [e for errors in error.error_dict.values() for e in errors]
    return list(error.error_list)


def _flat_messages(error: ValidationError) -> list[str]:
    return [message for e in _flat(error) for message in e.messages]


def _duplicate(mail: _Mail, address: str) -> Result:
    """An MTA retrying a delivery it thinks failed: accept it, post nothing."""
    return _result(mail, address, "duplicate")


@transaction.atomic
def _post(mail: _Mail, address: str, *, user, thread, text, attachments) -> Result:
    """Post as the user through the forum's own service: the same checks, notifications and
    search indexing as a reply written in the portal. The log row shares the transaction so
    that the unique constraint on (Message-ID, recipient) stops a retried delivery."""
    post = reply_create(author=user, thread=thread, body=text)
    reason = "posted_attachments" if attachments else "posted"
    code, enhanced, outcome = STATUSES["posted"]
    inbound = InboundMessage.objects.create(
        envelope_from=mail.envelope_from[:320],
        recipient=address.lower()[:320],
        from_address=mail.from_addresses[0][:320],
        message_id=mail.message_id,
        size=mail.size,
        outcome=outcome,
        reason="posted",
        user=user,
        post=post,
    )
    if attachments:
        _explanation_send(
            user=user,
            thread=thread,
            reason=reason,
            params={},
            text="",
            attachments=attachments,
            inbound=inbound,
            subject=parsing.header(mail.message, "Subject"),
            posted=True,
        )
    logger.info("reply by email: post %s in thread %s by user %s", post.pk, thread.pk, user.pk)
    return Result(
        recipient=address,
        outcome=outcome,
        smtp_code=code,
        enhanced_code=enhanced,
        message=_explain(reason, {}),
        inbound=inbound,
    )


def _explanation_send(
    *, user, thread, reason, params, text, attachments, inbound, subject, posted=False
) -> None:
    """Tell a genuine user what happened to their mail, with their text so nothing is lost.

    Transactional: it answers something the person did, even if they opted out of other mail.
    """
    language = user.preferred_language or settings.LANGUAGE_CODE
    email_send(
        to=user.email,
        template="inbound_mail/emails/rejected",
        context={
            "user": user,
            "thread": thread,
            "thread_url": _thread_url(thread.pk if thread else None),
            "explanation": _explain(reason, params, language),
            "text": text[:EXPLANATION_TEXT_LIMIT],
            "attachments": attachments,
            "original_subject": subject,
            "posted": posted,
        },
        language=language,
        category=EmailCategory.TRANSACTIONAL,
        user=user,
        reference=f"inbound:{inbound.pk}",
    )
