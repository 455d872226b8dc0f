"""Writes of the core app."""

from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .cpr import validate_no_cpr_number
from .http import client_ip
from .models import AuditEvent, Organisation, PersonalDataAccess, SlugRedirect, Topic, User
from .slugs import slug_redirect_record


def audit_record(
    *,
    action: str,
    actor: User | None = None,
    subject_user: User | None = None,
    organisation: Organisation | None = None,
    request=None,
    target: models.Model | None = None,
    target_label: str | None = None,
    **detail,
) -> AuditEvent:
    """Record a security-relevant event or a moderator's or editor's action on `target` (the
    object acted on: its model name, key and a label, str(target) unless `target_label` is
    given, kept so the entry outlives the object). The caller's transaction holds it: a write
    that fails records nothing. Never put secrets or CPR numbers in `detail`."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    if organisation is None:
        organisation = (subject_user or actor).organisation if (subject_user or actor) else None
    if target is not None:
        label = str(target) if target_label is None else target_label
        target_fields = {
            "object_type": target._meta.model_name,
            "object_id": str(target.pk),
            "object_label": label[:300],
        }
    else:
        target_fields = {}
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_email=actor.email if actor else "",
        subject_user=subject_user,
        organisation=organisation,
        ip_address=client_ip(request),
        detail=detail,
        **target_fields,
    )


PURPOSE_MAX_LENGTH = 300


def access_purpose_clean(purpose: str | None) -> str:
    """The purpose a person gave for reading personal data: short and free of CPR numbers."""
    purpose = " ".join((purpose or "").split())
    if len(purpose) > PURPOSE_MAX_LENGTH:
        raise ValidationError(
            _("The purpose is too long (at most %(limit)d characters)."),
            code="too_long",
            params={"limit": PURPOSE_MAX_LENGTH},
        )
    validate_no_cpr_number(purpose)
    return purpose


def personal_data_access_record(
    *,
    request,
    kind: str,
    obj=None,
    label: str = "",
    person_ids: Iterable[int] = (),
    person_count: int | None = None,
    row_ids: Iterable[str] = (),
    purpose: str = "",
) -> PersonalDataAccess:
    """Log that the signed-in person read or exported person-level data (who, when, what, how
    many people, which rows (`row_ids`, for records that are not portal users), from which IP,
    and why when the page asked). Call it from every view that
    shows or hands out such data; a ValidationError (a bad purpose) means: show nothing."""
    purpose = access_purpose_clean(purpose)
    ids = sorted({int(pk) for pk in person_ids if pk is not None})
    actor = request.user if request.user.is_authenticated else None
    return PersonalDataAccess.objects.create(
        kind=kind,
        actor=actor,
        actor_email=actor.email if actor else "",
        ip_address=client_ip(request),
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_label=(label or (str(obj) if obj is not None else ""))[:300],
        person_count=len(ids) if person_count is None else person_count,
        person_ids=ids,
        row_ids=[str(row) for row in row_ids],
        purpose=purpose,
        path=request.get_full_path()[:500],
    )


def personal_data_access_prune(*, now=None) -> int:
    """Delete access-log rows older than the retention period (data minimisation)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.PORTAL_ACCESS_LOG_RETENTION_DAYS)
    deleted, _details = PersonalDataAccess.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def _move_references(field: models.Field, *, old_pk, new_pk) -> None:
    """Point every row of `field`'s model from old_pk to new_pk; a row that would then
    duplicate one already pointing at new_pk (a unique follow, a through row) is deleted."""
    model = field.model
    rows = model._default_manager.filter(**{field.attname: old_pk})
    try:
        with transaction.atomic():
            rows.update(**{field.attname: new_pk})
            return
    except IntegrityError:
        pass
    for pk in rows.values_list("pk", flat=True):
        try:
            with transaction.atomic():
                model._default_manager.filter(pk=pk).update(**{field.attname: new_pk})
        except IntegrityError:
            model._default_manager.filter(pk=pk).delete()


@transaction.atomic
def topic_merge(*, kept: Topic, merged: Topic, by: User | None = None) -> Topic:
    """Fold `merged` into `kept`: everything that points at it (threads, follows, guides, events,
    expertise, ...) moves to `kept`, the topic goes and its slug redirects to kept's address.
    Generic over the models that refer to Topic, so a new app's reference moves too."""
    if kept.pk == merged.pk:
        raise ValidationError(_("A topic cannot be merged into itself."))
    for relation in Topic._meta.related_objects:
        if relation.many_to_many:
            through = relation.through
            field = next(
                f
                for f in through._meta.concrete_fields
                if f.is_relation and f.related_model is Topic
            )
            _move_references(field, old_pk=merged.pk, new_pk=kept.pk)
        else:
            _move_references(relation.field, old_pk=merged.pk, new_pk=kept.pk)
    slug_redirect_record(model=Topic, old_slug=merged.slug, object_id=kept.pk)
    SlugRedirect.objects.filter(model="core.topic", object_id=merged.pk).update(object_id=kept.pk)
    audit_record(
        action=AuditEvent.Action.TOPICS_MERGED,
        actor=by,
        target=kept,
        merged=merged.name,
        merged_slug=merged.slug,
    )
    merged.delete()
    return kept


@transaction.atomic
def table_export_record(
    *,
    request,
    what: str,
    fmt: str,
    row_count: int,
    target: models.Model | None = None,
    target_label: str | None = None,
    person_ids: Iterable[int] | None = None,
    filters: dict | None = None,
) -> AuditEvent:
    """Record that the signed-in person downloaded a page's table (portal/core/exports.py):
    what (a short code such as "event_participants"), the format, how many rows and the
    filters in force, in the audit log; when the rows are people (`person_ids`), also in the
    access log, so "who has seen my data?" finds the download too."""
    event = audit_record(
        action=AuditEvent.Action.TABLE_EXPORTED,
        request=request,
        target=target,
        target_label=target_label,
        what=what,
        format=fmt,
        rows=row_count,
        filters={key: value for key, value in (filters or {}).items() if value},
    )
    if person_ids is not None:
        personal_data_access_record(
            request=request,
            kind=PersonalDataAccess.Kind.TABLE_EXPORT,
            obj=target,
            label=target_label or (str(target) if target is not None else what),
            person_ids=person_ids,
        )
    return event
