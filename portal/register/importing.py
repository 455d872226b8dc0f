"""Importing items in the format of seed 004's clean data (shared/data/seed004_items.json):
a JSON list of objects with `id`, `section`, `main_topic_no`, `sub_topic`, `title`, `problem`,
`responsible`, `handling`, `timeline`, `status_guess`, `regulation`, `sub_points`,
`source_org` and `part`.

All or nothing: every object is checked first, and one bad object refuses the whole file with
a Danish error list by item and field. Ids make it idempotent: an item whose id is in the
register already is left as it is (the portal's own decisions since are never overwritten).
Offices named in the file are created when missing ("1. kontor og 2. kontor" gives the item the
first and keeps the words as reported). Only facts of the file go in.
"""

import json
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.cpr import contains_cpr_number, find_cpr_numbers, mask
from portal.core.lawrefs import find_law_references
from portal.core.slugs import slugify_da

from .models import ItemChange, MainTopic, Office, Origin, RegisterItem, Section, Status
from .timelines import timeline_due

# The data's reading of each item's handling, as the register's statuses.
STATUS_OF = {
    "handled": Status.HANDLED,
    "in_progress": Status.IN_HANDLING,
    "not_pursued": Status.NOT_PURSUED,
    "legislation_bound": Status.AWAITING_LEGISLATION,
    "awaiting_decision": Status.TRIAGED,
    "no_input": Status.TRIAGED,
}
EXTERNAL_PART = "aktørinddragelse"
TEXT_FIELDS = ("title", "problem", "sub_topic", "handling", "timeline", "regulation", "source_org")


class RegisterFileRefused(Exception):
    def __init__(self, errors: list[dict]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass
class RegisterImportResult:
    created: int = 0
    kept: int = 0
    offices_created: int = 0
    per_section: dict = field(default_factory=dict)


def _error(index: int, item_id, column: str, message: str) -> dict:
    return {"item": item_id or f"#{index + 1}", "column": column, "message": message}


def _office_names(responsible: str | None) -> list[str]:
    """'1. kontor og 2. kontor' → ['1. kontor', '2. kontor']; '1. kontor (arbejdsgangsgruppen)'
    → ['1. kontor']."""
    if not responsible:
        return []
    names = []
    for part in responsible.replace(" og ", ",").split(","):
        name = part.split("(")[0].strip()
        if name:
            names.append(name)
    return names


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


def items_check(data: bytes) -> list[dict]:
    """The file's objects, checked; RegisterFileRefused with every error found."""
    try:
        objects = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RegisterFileRefused(
            [_error(0, _("The file"), "", _("The file is not JSON: %(error)s") % {"error": error})]
        ) from None
    if not isinstance(objects, list):
        raise RegisterFileRefused(
            [_error(0, _("The file"), "", _("The file must hold a list of items."))]
        )
    errors: list[dict] = []
    seen: set[str] = set()
    for index, obj in enumerate(objects):
        if not isinstance(obj, dict):
            errors.append(_error(index, None, "", _("Each item must be an object.")))
            continue
        item_id = obj.get("id")
        if not isinstance(item_id, str) or not item_id.strip():
            errors.append(_error(index, None, "id", _("Every item needs an id.")))
        elif item_id in seen:
            errors.append(_error(index, item_id, "id", _("The id is in the file twice.")))
        else:
            seen.add(item_id)
        # A few of the report's quick wins have a title and no problem text: only the title is
        # required here (the portal asks for both when someone reports).
        if not isinstance(obj.get("title"), str) or not obj["title"].strip():
            errors.append(_error(index, item_id, "title", _("Missing.")))
        if obj.get("problem") is not None and not isinstance(obj["problem"], str):
            errors.append(_error(index, item_id, "problem", _("Must be text.")))
        external = obj.get("part") == EXTERNAL_PART
        section = obj.get("section")
        if not external and section not in Section.values:
            errors.append(_error(index, item_id, "section", _("Must be a number from 1 to 7.")))
        topic = obj.get("main_topic_no")
        if topic is not None and topic not in MainTopic.values:
            errors.append(
                _error(
                    index,
                    item_id,
                    "main_topic_no",
                    _("Unknown main topic “%(value)s”. Known: %(known)s.")
                    % {"value": topic, "known": ", ".join(MainTopic.values)},
                )
            )
        if obj.get("status_guess") not in STATUS_OF:
            errors.append(
                _error(
                    index,
                    item_id,
                    "status_guess",
                    _("Unknown status “%(value)s”. Known: %(known)s.")
                    % {"value": obj.get("status_guess"), "known": ", ".join(STATUS_OF)},
                )
            )
        for name, value in obj.items():
            for text in _strings(value):
                if contains_cpr_number(text):
                    errors.append(
                        _error(
                            index,
                            item_id,
                            name,
                            _("Holds what looks like a CPR number (%(masked)s).")
                            % {"masked": mask(find_cpr_numbers(text)[0])},
                        )
                    )
                    break
        if len(errors) >= 200:
            break
    if errors:
        raise RegisterFileRefused(errors)
    return objects


@transaction.atomic
def items_import(data: bytes) -> RegisterImportResult:
    """Check the whole file, then store its new items in one transaction (or nothing)."""
    objects = items_check(data)
    result = RegisterImportResult()
    existing = set(
        RegisterItem.objects.filter(external_id__in=[obj["id"] for obj in objects]).values_list(
            "external_id", flat=True
        )
    )
    offices = {office.name: office for office in Office.objects.all()}
    now = timezone.now()
    for obj in objects:
        if obj["id"] in existing:
            result.kept += 1
            continue
        names = _office_names(obj.get("responsible"))
        for name in names:
            if name not in offices:
                slug = slugify_da(name.replace(".", ""), max_length=60, fallback="kontor")
                offices[name] = Office.objects.create(name=name, slug=_free_slug(slug))
                result.offices_created += 1
        external = obj.get("part") == EXTERNAL_PART
        regulation = obj.get("regulation") or ""
        status = STATUS_OF[obj["status_guess"]]
        item = RegisterItem.objects.create(
            external_id=obj["id"],
            title=obj["title"].strip()[:200],
            problem=(obj.get("problem") or "").strip(),
            main_topic=obj.get("main_topic_no") or "",
            sub_topic="" if external else (obj.get("sub_topic") or "")[:200],
            origin=Origin.EXTERNAL if external else Origin.INTERNAL,
            source_organisation=(obj.get("source_org") or "")[:200],
            regulation=regulation[:300],
            law_references=[list(pair) for pair in find_law_references(regulation)],
            section=None if external else obj["section"],
            responsible_office=offices[names[0]] if names else None,
            responsible_as_reported=(obj.get("responsible") or "")[:200],
            handling=obj.get("handling") or "",
            timeline=(obj.get("timeline") or "")[:300],
            timeline_due=timeline_due(obj.get("timeline") or ""),
            sub_points=obj.get("sub_points") or [],
            status=status,
            created_at=now,
            updated_at=now,
        )
        ItemChange.objects.create(
            item=item,
            created_at=now,
            changes={"status": [None, status]},
            note=_("Imported (%(id)s).") % {"id": obj["id"]},
        )
        result.created += 1
        key = "external" if external else str(obj["section"])
        result.per_section[key] = result.per_section.get(key, 0) + 1
    return result


def _free_slug(slug: str) -> str:
    candidate, number = slug, 2
    while Office.objects.filter(slug=candidate).exists():
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
