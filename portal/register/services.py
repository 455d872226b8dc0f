"""Writes of the register: reporting an item, moving it along the workflow, endorsing and
commenting, attachments, the offices, the reminders of items past their timeline.

Every change of an item is one ItemChange in its decision log and one audit entry, in the same
transaction; the people who reported or endorsed the item hear of a status change (the bell,
and by their email preferences an email). Texts are checked for CPR numbers field by field, so
the error names the field (the model backstop, core/cpr_guard.py, is the net under this).
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core.cpr import validate_no_cpr_number
from portal.core.lawrefs import find_law_references
from portal.core.markdown import render_markdown
from portal.core.models import AuditEvent, OrganisationKind, User
from portal.core.notify import NotificationKind, notify
from portal.core.services import audit_record
from portal.forum.attachments import attachment_check

from . import access, report, workflow
from .models import (
    Endorsement,
    ItemAttachment,
    ItemChange,
    ItemComment,
    MainTopic,
    Office,
    RegisterItem,
    RegulationKind,
    ReportSnapshot,
    Section,
    Status,
)
from .timelines import timeline_due

UNSET = object()  # "not given" for item_update, where None means "empty it"
# Items past their timeline are reminded of at most this often.
REMIND_EVERY = timedelta(days=7)


def _texts_check(**texts: str) -> None:
    """Every text free of CPR numbers; the error is raised for the first field that holds one,
    under that field's name (a form shows it at the field, the API as its column)."""
    errors = {}
    for name, text in texts.items():
        try:
            validate_no_cpr_number(text)
        except ValidationError as error:
            errors[name] = error.error_list
    if errors:
        raise ValidationError(errors)


def _origin_of(user: User) -> str:
    """From the jobcenter's own centres: internal; from the funds, the unions and the
    operator's partners: external input."""
    organisation = user.organisation
    if organisation is not None and organisation.kind == OrganisationKind.JOBCENTER:
        return RegisterItem.Origin.INTERNAL
    return RegisterItem.Origin.EXTERNAL


def _choice(value: str, choices, field: str, message: str) -> str:
    if value and value not in choices.values:
        raise ValidationError({field: [ValidationError(message, code="invalid_choice")]})
    return value


@transaction.atomic
def item_report(
    *,
    by: User,
    title: str,
    problem: str,
    main_topic: str = "",
    sub_topic: str = "",
    regulation_kind: str = "",
    regulation: str = "",
) -> RegisterItem:
    """A new item, as `by` reports it: status "reported", origin from the reporter's
    organisation, law citations in the regulation parsed as the guides parse them."""
    if not access.may_report(user=by):
        raise PermissionDenied
    title, problem = title.strip(), problem.strip()
    errors = {}
    if not title:
        errors["title"] = [_("Write a title: what is burdensome, in a line.")]
    if not problem:
        errors["problem"] = [_("Describe the problem.")]
    if errors:
        raise ValidationError(errors)
    _choice(main_topic, MainTopic, "main_topic", _("Choose one of the report's main topics."))
    _choice(regulation_kind, RegulationKind, "regulation_kind", _("Choose what regulates it."))
    _texts_check(title=title, problem=problem, sub_topic=sub_topic, regulation=regulation)
    now = timezone.now()
    item = RegisterItem.objects.create(
        title=title[:200],
        problem=problem,
        main_topic=main_topic,
        sub_topic=sub_topic.strip()[:200],
        origin=_origin_of(by),
        reported_by=by,
        reporting_organisation=by.organisation,
        regulation_kind=regulation_kind,
        regulation=regulation.strip()[:300],
        law_references=[list(pair) for pair in find_law_references(regulation)],
        status=Status.REPORTED,
        created_at=now,
        updated_at=now,
    )
    ItemChange.objects.create(
        item=item, actor=by, created_at=now, changes={"status": [None, Status.REPORTED]}
    )
    audit_record(
        action=AuditEvent.Action.REGISTER_ITEM_REPORTED,
        actor=by,
        target=item,
        origin=item.origin,
    )
    return item


def _shown(value):
    if isinstance(value, Office):
        return value.name
    if isinstance(value, date):
        return value.isoformat()
    return value


@transaction.atomic
def item_update(
    *,
    item: RegisterItem,
    by: User,
    status=UNSET,
    section=UNSET,
    responsible_office=UNSET,
    handling=UNSET,
    timeline=UNSET,
    note: str = "",
) -> RegisterItem:
    """Change an item: move its status one step (workflow.py), classify it, give it an office,
    write its handling or timeline. Only what is given changes.

    Raises workflow.StepRefused for a status that does not follow (409 in the API),
    PermissionDenied for a change the person may not make, ValidationError for a bad value or a
    CPR number. Nothing is written unless everything is allowed.
    """
    # Only the item's row is locked: PostgreSQL locks no nullable side of an outer join.
    item = (
        RegisterItem.objects.select_for_update(of=("self",))
        .select_related("responsible_office")
        .get(pk=item.pk)
    )
    if not access.item_readable(user=by, item=item):
        raise PermissionDenied
    changes: dict[str, list] = {}
    # Who the step is for is asked of the office the item has when the step is taken: the
    # coordinator who triages gives the office in the same change.
    triage = section is not UNSET or responsible_office is not UNSET
    if triage and not access.may_triage(user=by):
        raise PermissionDenied
    if section is not UNSET:
        if section is not None and section not in Section.values:
            raise ValidationError({"section": [_("Choose a classification from 1 to 7.")]})
        if section != item.section:
            changes["section"] = [item.section, section]
            item.section = section
    if responsible_office is not UNSET:
        if responsible_office is not None and not responsible_office.is_active:
            raise ValidationError({"responsible_office": [_("The office is no longer active.")]})
        if (responsible_office and responsible_office.pk) != item.responsible_office_id:
            changes["responsible_office"] = [
                _shown(item.responsible_office),
                _shown(responsible_office),
            ]
            item.responsible_office = responsible_office
    handles = handling is not UNSET or timeline is not UNSET
    if handles and not access.may_edit_handling(user=by, item=item):
        raise PermissionDenied
    if handling is not UNSET:
        handling = (handling or "").strip()
        _texts_check(handling=handling)
        if handling != item.handling:
            changes["handling"] = [item.handling, handling]
            item.handling = handling
    if timeline is not UNSET:
        timeline = (timeline or "").strip()[:300]
        _texts_check(timeline=timeline)
        if timeline != item.timeline:
            changes["timeline"] = [item.timeline, timeline]
            item.timeline = timeline
            item.timeline_due = timeline_due(timeline)
            item.reminded_on = None
    _texts_check(note=note)
    moved = False
    if status is not UNSET and status != item.status:
        if status not in Status.values:
            raise ValidationError({"status": [_("Unknown status.")]})
        step = workflow.step(item.status, status)
        if not access.may_step(user=by, item=item, by=step.by):
            raise PermissionDenied
        if status == Status.TRIAGED and (item.section is None or item.responsible_office is None):
            raise ValidationError(
                _("Triage gives the item its classification and a responsible office.")
            )
        changes["status"] = [item.status, status]
        item.status = status
        moved = True
    if not changes and not note:
        return item
    item.updated_at = timezone.now()
    item.save()
    ItemChange.objects.create(
        item=item,
        actor=by,
        created_at=item.updated_at,
        changes={name: [_shown(old), _shown(new)] for name, (old, new) in changes.items()},
        note=note.strip(),
    )
    audit_record(
        action=AuditEvent.Action.REGISTER_ITEM_CHANGED,
        actor=by,
        target=item,
        changes=sorted(changes),
    )
    if moved:
        _followers_tell(item, by)
    return item


def item_triage(
    *, item: RegisterItem, by: User, section: int, office: Office, timeline: str = "", note=""
) -> RegisterItem:
    """The coordinator's triage in one change: classification, office, timeline, "triaged"."""
    return item_update(
        item=item,
        by=by,
        section=section,
        responsible_office=office,
        timeline=timeline,
        status=Status.TRIAGED,
        note=note,
    )


def _followers(item: RegisterItem) -> list[User]:
    people = [item.reported_by] if item.reported_by_id else []
    people += [
        endorsement.user for endorsement in item.endorsements.select_related("user__organisation")
    ]
    return people


def _followers_tell(item: RegisterItem, by: User) -> None:
    """The reporter and the endorsers hear that the item moved (never the person who moved it)."""
    notify(
        recipients=_followers(item),
        kind=NotificationKind.REGISTER_ITEM_MOVED,
        actor=by,
        register_item=item,
    )


@transaction.atomic
def item_endorse(*, item: RegisterItem, by: User) -> bool:
    """ "Me too" (once per person; the reporter's own item needs none). Returns True when new."""
    if not access.may_report(user=by):
        raise PermissionDenied
    if item.reported_by_id == by.pk:
        return False
    _, created = Endorsement.objects.get_or_create(
        item=item, user=by, defaults={"organisation": by.organisation}
    )
    return created


@transaction.atomic
def item_endorse_withdraw(*, item: RegisterItem, by: User) -> bool:
    deleted, _ = Endorsement.objects.filter(item=item, user=by).delete()
    return bool(deleted)


@transaction.atomic
def item_comment(*, item: RegisterItem, by: User, body: str) -> ItemComment:
    if not access.may_report(user=by):
        raise PermissionDenied
    body = body.strip()
    if not body:
        raise ValidationError({"body": [_("Write a comment.")]})
    _texts_check(body=body)
    return ItemComment.objects.create(
        item=item, author=by, body=body, body_html=render_markdown(body)
    )


@transaction.atomic
def attachment_add(*, item: RegisterItem, by: User, upload) -> ItemAttachment:
    """A file on the item, checked as the debate checks its files: size, type, and CPR numbers
    in its name, text and metadata."""
    if not access.may_report(user=by):
        raise PermissionDenied
    checked = attachment_check(upload)
    attachment = ItemAttachment(
        item=item, name=(upload.name or "bilag")[:255], size=checked.size, uploaded_by=by
    )
    attachment.file.save(checked.token, upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def office_save(
    *, by: User, name: str, slug: str, description: str = "", office: Office | None = None
) -> Office:
    """Create or rename an office (the operator's admins)."""
    if not access.may_manage_offices(user=by):
        raise PermissionDenied
    _texts_check(name=name, description=description)
    office = office or Office()
    office.name, office.slug, office.description = name.strip(), slug.strip(), description.strip()
    office.full_clean()
    office.save()
    audit_record(action=AuditEvent.Action.REGISTER_OFFICE_SAVED, actor=by, target=office)
    return office


OPEN_STATUSES = (Status.TRIAGED, Status.IN_HANDLING)


def overdue_remind(*, today: date) -> int:
    """Tell each office's people of their items past the timeline, at most once a week per
    item (the queue asks daily). Returns the number of items reminded of."""
    due = (
        RegisterItem.objects.filter(
            status__in=OPEN_STATUSES,
            timeline_due__lt=today,
            responsible_office__isnull=False,
        )
        .exclude(reminded_on__gt=today - REMIND_EVERY)
        .select_related("responsible_office")
        .order_by("pk")
    )
    reminded = 0
    for item in due:
        with transaction.atomic():
            people: Iterable[User] = item.responsible_office.members.filter(is_active=True)
            notify(
                recipients=list(people),
                kind=NotificationKind.REGISTER_ITEM_OVERDUE,
                register_item=item,
            )
            RegisterItem.objects.filter(pk=item.pk).update(reminded_on=today)
            reminded += 1
    return reminded


def register_import(*, data: bytes, by: User | None = None):
    """Import a file of items (importing.py): all or nothing, with an audit entry. Raises
    importing.RegisterFileRefused with the error list when any object is wrong."""
    from .importing import items_import

    with transaction.atomic():
        result = items_import(data)
        audit_record(
            action=AuditEvent.Action.REGISTER_IMPORTED,
            actor=by,
            created=result.created,
            kept=result.kept,
            offices_created=result.offices_created,
        )
    return result


def report_generate(*, by: User, fmt: str) -> bytes:
    """The committee report as `fmt` ("pdf" or "docx") bytes, in Danish. Each report is kept as
    a snapshot of every item's status and section, and its "changes since the last report"
    compares with the latest snapshot before it."""
    if not access.may_generate_report(user=by):
        raise PermissionDenied
    if fmt not in report.FORMATS:
        raise ValidationError({"format": [_("Choose PDF or DOCX.")]})
    render, _content_type = report.FORMATS[fmt]
    with transaction.atomic():
        items = list(
            RegisterItem.objects.filter(access.items_readable(user=by)).select_related(
                "responsible_office", "reporting_organisation"
            )
        )
        previous = ReportSnapshot.objects.order_by("-created_at", "-pk").first()
        now = timezone.now()
        with translation.override(settings.LANGUAGE_CODE):
            content = report.report_content(
                items=items,
                previous=previous.items if previous else None,
                today=timezone.localdate(now),
            )
            data = render(content)
        snapshot = ReportSnapshot.objects.create(
            created_at=now, created_by=by, items=report.snapshot_of(items)
        )
        audit_record(
            action=AuditEvent.Action.REGISTER_REPORT_GENERATED,
            actor=by,
            target=snapshot,
            format=fmt,
            items=len(items),
            new=len(content.new_items),
            changed=len(content.moved),
        )
    return data


@transaction.atomic
def office_members_set(*, by: User, office: Office, members: Iterable[User]) -> Office:
    """Who handles the office's items (the operator's admins), with an audit entry naming who
    joined and who left."""
    if not access.may_manage_offices(user=by):
        raise PermissionDenied
    wanted = {person.pk: person for person in members}
    current = set(office.members.values_list("pk", flat=True))
    added, removed = sorted(set(wanted) - current), sorted(current - set(wanted))
    if not added and not removed:
        return office
    office.members.set(list(wanted.values()))
    audit_record(
        action=AuditEvent.Action.REGISTER_OFFICE_SAVED,
        actor=by,
        target=office,
        members_added=added,
        members_removed=removed,
    )
    return office
