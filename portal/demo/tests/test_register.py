"""The register demo: seed 004's items classified as in the report, the office worker's work,
and the items in the search."""

from portal.core.models import User
from portal.demo import people as demo
from portal.demo.register import register_demo_load
from portal.register.models import Office, RegisterItem
from portal.search.models import SearchDocument


def test_the_reports_items_are_the_demo_register(demo_loaded):
    internal = RegisterItem.objects.filter(origin="internal")
    assert [internal.filter(section=n).count() for n in range(1, 8)] == [20, 30, 51, 16, 24, 12, 9]
    assert RegisterItem.objects.filter(origin="external").count() == 10
    kontor = User.objects.get(email=f"kontor@{demo.DEMO_DOMAIN}")
    assert list(kontor.register_offices.values_list("name", flat=True)) == ["1. kontor"]
    assert Office.objects.get(name="1. kontor").items.count() >= 50
    endorsed = RegisterItem.objects.get(external_id="S3-01")
    assert endorsed.endorsements.count() == 2
    assert SearchDocument.objects.filter(kind="register_item").count() == 172
    assert register_demo_load() == {"register_items": 0}  # a second load adds nothing
