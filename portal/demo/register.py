"""The register demo: seed 004's 172 items through the register's import service (as
`manage.py register_import` reads them), the demo's office worker put in "1. kontor" by the
operator's admin, and a few "me too"s from the demo logins (data/register.yaml)."""

from django.db import transaction

from portal.core.models import User
from portal.register.models import Office, RegisterItem
from portal.register.services import item_endorse, office_members_set, register_import

from . import content
from .people import DEMO_DOMAIN


def _login(local_part: str) -> User:
    return User.objects.get(email=f"{local_part}@{DEMO_DOMAIN}")


@transaction.atomic
def register_demo_load() -> dict[str, int]:
    """Load the register once (a second call creates nothing)."""
    if RegisterItem.objects.exists():
        return {"register_items": 0}
    spec = content.read("register.yaml")
    result = register_import(data=(content.DATA_DIR / spec["items_file"]).read_bytes())
    operator_admin = _login("admin")  # the operator keeps the offices
    for name, local_parts in spec["office_members"].items():
        office_members_set(
            by=operator_admin,
            office=Office.objects.get(name=name),
            members=[_login(part) for part in local_parts],
        )
    endorsements = 0
    for external_id, local_parts in spec["endorsements"].items():
        item = RegisterItem.objects.get(external_id=external_id)
        endorsements += sum(item_endorse(item=item, by=_login(part)) for part in local_parts)
    return {
        "register_items": result.created,
        "register_offices": result.offices_created,
        "register_endorsements": endorsements,
    }
