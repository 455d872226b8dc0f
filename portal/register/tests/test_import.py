"""Importing seed 004's items: classified exactly as the report, all or nothing, idempotent,
no CPR number ever stored."""

import json

import pytest
from django.core.management import CommandError, call_command

from portal.core.models import AuditEvent
from portal.register.importing import RegisterFileRefused
from portal.register.models import ItemChange, Office, RegisterItem
from portal.register.services import register_import

from .conftest import SEED_ITEMS

pytestmark = pytest.mark.django_db


def test_the_reports_172_items_arrive_classified_as_in_the_report():
    result = register_import(data=SEED_ITEMS.read_bytes())
    assert result.created == 172
    internal = RegisterItem.objects.filter(origin="internal")
    counts = {n: internal.filter(section=n).count() for n in range(1, 8)}
    assert counts == {1: 20, 2: 30, 3: 51, 4: 16, 5: 24, 6: 12, 7: 9}
    assert RegisterItem.objects.filter(origin="external", section__isnull=True).count() == 10
    assert set(Office.objects.values_list("name", flat=True)) >= {
        "1. kontor",
        "2. kontor",
        "4. kontor",
        "SLK",
    }
    both = RegisterItem.objects.filter(responsible_as_reported="1. kontor og 2. kontor").first()
    assert both.responsible_office.name == "1. kontor"
    metal = RegisterItem.objects.get(external_id="E-03")
    assert metal.source_organisation == "Metal Hovedstadens A-kasse"
    assert metal.status == "in_handling"
    assert ItemChange.objects.count() == 172
    assert AuditEvent.objects.filter(action="register_imported").count() == 1


def test_the_same_file_again_changes_nothing():
    register_import(data=SEED_ITEMS.read_bytes())
    RegisterItem.objects.filter(external_id="S3-01").update(status="handled")
    again = register_import(data=SEED_ITEMS.read_bytes())
    assert (again.created, again.kept) == (0, 172)
    assert RegisterItem.objects.get(external_id="S3-01").status == "handled"  # the portal's


def _broken(**changes) -> bytes:
    items = json.loads(SEED_ITEMS.read_text(encoding="utf-8"))[:5]
    items[3].update(changes)
    return json.dumps(items, ensure_ascii=False).encode()


@pytest.mark.parametrize(
    ("changes", "column", "message"),
    [
        ({"section": 9}, "section", "1 til 7"),
        ({"title": ""}, "title", "Mangler"),
        ({"main_topic_no": "9"}, "main_topic_no", "Ukendt hovedtema"),
        ({"status_guess": "maybe"}, "status_guess", "Ukendt status"),
        ({"problem": "Borgeren 010190-1234 venter"}, "problem", "CPR-nummer"),
        ({"id": "S1-01"}, "id", "to gange"),
    ],
)
def test_one_bad_item_refuses_the_whole_file(changes, column, message):
    with pytest.raises(RegisterFileRefused) as refused:
        register_import(data=_broken(**changes))
    (error,) = refused.value.errors
    assert error["column"] == column and message in error["message"]
    assert "010190-1234" not in json.dumps(refused.value.errors)
    assert not RegisterItem.objects.exists() and not Office.objects.exists()


def test_the_command_imports_and_refuses_in_danish(tmp_path, capsys):
    call_command("register_import", str(SEED_ITEMS))
    assert "172" in capsys.readouterr().out
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"[{")
    with pytest.raises(CommandError, match="ikke JSON"):
        call_command("register_import", str(broken))
