"""The CPR guard's backstop: no portal model saves a text that shows a CPR number.

Forms, API schemas and services check what people type and answer with a clear Danish error;
this is the net under them. Before any model of a portal app is saved (pre_save, every model,
every write path: views, API, reply by email, management commands, the admin, the shell), every
text field (CharField, TextField and the strings inside a JSONField) is checked unless it is
exempt below, with its reason. A new text field is therefore guarded until someone writes down
why it need not be; portal/core/tests/test_cpr_backstop.py walks every field to keep it so.

Not covered by signals, and therefore checked by the service that does them: QuerySet.update()
and bulk_create()/bulk_update() of guarded fields (see guard_instances()).
"""

from collections.abc import Iterable
from functools import cache

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver

from .cpr import CPR_ERROR_MESSAGE, first_cpr_digits

# "app_label.Model.field": why the field is not checked. Fields with choices are exempt by rule
# (their values are fixed codes, not text a person writes).
EXEMPT_FIELDS: dict[str, str] = {
    # Sign-in addresses and addresses taken from mail: an address is what it is, and a failed
    # sign-in or a bounce must be recorded whatever was typed.
    "core.User.email": "the sign-in address (an EmailField, validated as an address)",
    "core.AuditEvent.actor_email": "a copy of the address typed at sign-in, recorded as evidence",
    "core.PersonalDataAccess.actor_email": "the reader's sign-in address, recorded as evidence",
    "core.EmailDelivery.recipient": "the address a message was sent to",
    "core.EmailSuppression.address": "a bounced address",
    "accounts.Invitation.email": "the invited address",
    "inbound_mail.InboundMessage.envelope_from": "the SMTP envelope sender of a received mail",
    "inbound_mail.InboundMessage.recipient": "the portal address a mail was sent to",
    "inbound_mail.InboundMessage.from_address": "the From address of a received mail",
    "inbound_mail.InboundMessage.bounced_address": "the address a bounce reports",
    # Secrets, hashes and random tokens: random characters may by chance look like a number,
    # and a refused token would break sign-in.
    "core.User.password": "a password hash",
    "accounts.Invitation.token_hash": "a SHA-256 hash of a random token",
    "api.ApiToken.key_hash": "a SHA-256 hash of a random token",
    "api.ApiToken.prefix": "the first characters of a random token",
    "events.CalendarFeed.token": "a random token",
    "forum.Attachment.token": "a random token",
    # Written by the portal itself from text that was checked where a person typed it, or from
    # outside systems; refusing them would lose a record, not keep a number out.
    "core.AuditEvent.detail": "the portal's own record of an action (codes, ids, checked names)",
    "sso.SeenAssertion.assertion_id": "a SAML response or assertion id an identity provider made",
    "core.AuditEvent.object_type": "a model name written by the portal",
    "core.AuditEvent.object_id": "a primary key written by the portal",
    "core.AuditEvent.object_label": "a copy of checked titles and names, as evidence",
    "core.PersonalDataAccess.object_type": "a model name written by the portal",
    "core.PersonalDataAccess.object_id": "a primary key written by the portal",
    "core.PersonalDataAccess.object_label": "a copy of checked names and titles, as evidence",
    "core.PersonalDataAccess.person_ids": "a list of person ids",
    "core.SlugRedirect.model": "a model label written by the portal",
    "core.SlugRedirect.old_slug": "a slug the portal made from a checked name or title",
    "core.PersonalDataAccess.path": "the page that was read, recorded as evidence",
    "core.EmailDelivery.template": "a template name",
    "core.EmailDelivery.subject": "a subject rendered from checked content",
    "core.EmailDelivery.text_body": "an email rendered from checked content, with random tokens",
    "core.EmailDelivery.html_body": "an email rendered from checked content, with random tokens",
    "core.EmailDelivery.headers": "headers written by the portal (tokens, list addresses)",
    "core.EmailDelivery.attachments": "calendar files made from checked event texts",
    "core.EmailDelivery.error": "the error an SMTP server answered",
    "core.EmailDelivery.reference": "a key such as newsletter:12",
    "core.OutboxMessage.sender": "the demo outbox's copy of a sent email",
    "core.OutboxMessage.recipients": "the demo outbox's copy of a sent email",
    "core.OutboxMessage.subject": "the demo outbox's copy of a sent email",
    "core.OutboxMessage.text_body": "the demo outbox's copy of a sent email",
    "core.OutboxMessage.html_body": "the demo outbox's copy of a sent email",
    "core.OutboxMessage.raw": "the demo outbox's copy of a sent email",
    "core.EmailSuppression.diagnostic": "the diagnostic a remote mail server sent in a bounce",
    "accounts.Invitation.roles": "a list of role codes",
    "digests.EmailPreference.notification_kinds_off": "a list of notification kind codes",
    "digests.EmailClick.item": "a key such as item:12",
    "digests.EmailClick.url": "the portal link that was clicked, written by the portal",
    "forum.Attachment.content_type": "the MIME type the portal detected from the content",
    "forum.Attachment.file": "a storage path made from a random token (the name is original_name)",
    "partnership.PartnershipImport.file": "a storage path made from a random token (the name is "
    "file_name); the file's every cell is checked before anything is stored",
    "register.ItemAttachment.file": "a storage path made from a random token (the name is name); "
    "the file's name, text and metadata are checked on upload (forum/attachments.py)",
    "inbound_mail.InboundMessage.message_id": "the Message-ID header of a received mail",
    "inbound_mail.InboundMessage.reason": "a short code such as expired or cpr",
    "inbound_mail.InboundMessage.bounce_status": "an SMTP status code such as 5.1.1",
    # Derived from guarded source text (rendered HTML, the search index): checked at the source,
    # and re-checking a derived copy would only refuse what the source already allowed.
    "forum.Post.body_html": "rendered from the checked body",
    "guides.Guide.body_html": "rendered from the checked body",
    "newsletters.Newsletter.intro_html": "rendered from the checked introduction",
    "search.SearchDocument.title": "the search index's copy of checked content",
    "search.SearchDocument.body": "the search index's copy of checked content",
    "search.SearchDocument.url": "a portal path",
    "search.SearchDocument.title_terms": "analysed terms of checked content",
    "search.SearchDocument.body_terms": "analysed terms of checked content",
    "search.SearchTerm.term": "an analysed term of checked content",
    "search.SearchTerm.word": "a word of checked content",
}

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def portal_models() -> list[type[models.Model]]:
    """Every model of the portal's own apps (not Django's or third parties')."""
    return [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("portal.")
        for model in config.get_models()
    ]


def field_key(model: type[models.Model], field: models.Field) -> str:
    return f"{model._meta.app_label}.{model._meta.object_name}.{field.name}"


def exemption(model: type[models.Model], field: models.Field) -> str | None:
    """Why the field is not checked, or None when it is."""
    if field.choices:
        return "a choice field: its values are fixed codes"
    return EXEMPT_FIELDS.get(field_key(model, field))


@cache
def guarded_fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    """The text fields of a portal model that the backstop checks."""
    if model._meta.app_label not in _portal_labels():
        return ()
    return tuple(
        field
        for field in model._meta.concrete_fields
        if isinstance(field, TEXT_FIELDS) and exemption(model, field) is None
    )


@cache
def _portal_labels() -> frozenset[str]:
    return frozenset(
        config.label for config in apps.get_app_configs() if config.name.startswith("portal.")
    )


def _strings(value) -> Iterable[str]:
    """The strings in a field's value (a JSON value may nest them in lists and objects)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _first_number(value) -> str | None:
    for text in _strings(value):
        digits = first_cpr_digits(text)
        if digits:
            return digits
    return None


def _stored_value(instance: models.Model, field: models.Field, using: str | None):
    """The value the row has in the database now (one query, asked only when a number is found)."""
    if instance._state.adding or instance.pk is None:
        return _MISSING
    rows = (
        type(instance)
        ._base_manager.using(using or instance._state.db or "default")
        .filter(pk=instance.pk)
        .values_list(field.attname, flat=True)
    )
    return next(iter(rows), _MISSING)


_MISSING = object()


def check_instance(instance: models.Model, *, fields: Iterable[str] | None = None, using=None):
    """Raise ValidationError (code "cpr_number") when a guarded field shows a CPR number.

    A value that is already stored unchanged is let through: saving another field of an old row
    must not fail on text written before the guard knew the trick; the text itself is refused as
    soon as someone changes it.
    """
    for field in guarded_fields(type(instance)):
        if fields is not None and field.name not in fields and field.attname not in fields:
            continue
        value = getattr(instance, field.attname)
        number = _first_number(value)
        if number is None:
            continue
        if _stored_value(instance, field, using) == value:
            continue
        # Not keyed by field: the form or schema that wrote the value may name it differently,
        # and a message on top of the form is shown wherever the error surfaces.
        raise ValidationError(
            CPR_ERROR_MESSAGE,
            code="cpr_number",
            params={"masked": f"{number[:6]}-XXXX", "field": field.name},
        )


def validate_no_cpr_in_value(value) -> None:
    """A model field validator: a string, or the strings inside a JSON value."""
    number = _first_number(value)
    if number is not None:
        raise ValidationError(
            CPR_ERROR_MESSAGE, code="cpr_number", params={"masked": f"{number[:6]}-XXXX"}
        )


def attach_field_validators() -> None:
    """Give every guarded field the validator too, so full_clean() and model forms (the admin)
    name the field in a clear error before the backstop is reached.

    Set on the field's cached `validators`, not its constructor arguments: the rule lives here,
    not in every model, and migrations do not record it.
    """
    for model in portal_models():
        for field in guarded_fields(model):
            if validate_no_cpr_in_value not in field.validators:
                field.__dict__["validators"] = [*field.validators, validate_no_cpr_in_value]


def guard_instances(instances: Iterable[models.Model]) -> None:
    """The backstop for bulk_create() and bulk_update(), which send no pre_save signal."""
    for instance in instances:
        check_instance(instance)


@receiver(pre_save, dispatch_uid="portal.core.cpr_guard")
def refuse_cpr_numbers(sender, instance, raw=False, using=None, update_fields=None, **kwargs):
    if not guarded_fields(sender):
        return
    check_instance(instance, fields=update_fields, using=using)
