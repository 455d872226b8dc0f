"""`manage.py create_organisation SLUG --kind KIND --name NAME`: operators provision a fund."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.core.models import AuditEvent, Organisation, OrganisationKind

pytestmark = pytest.mark.django_db


def test_create_organisation_creates_and_audits(capsys):
    call_command("create_organisation", "ase", "--kind", "ufund", "--name", "Ase A-kasse")
    organisation = Organisation.objects.get(slug="ase")
    assert (organisation.kind, organisation.name) == (OrganisationKind.UFUND, "Ase A-kasse")
    assert "Created Ase A-kasse (ase" in capsys.readouterr().out
    event = AuditEvent.objects.get(action=AuditEvent.Action.ORGANISATION_CREATED)
    assert (event.organisation, event.object_id) == (organisation, str(organisation.pk))


@pytest.mark.parametrize(
    ("slug", "kind", "name", "message"),
    [
        ("3f", "ufund", "Ny A-kasse", "3f"),  # the short name is taken
        ("3F", "ufund", "Ny A-kasse", "3F"),  # in any case
        ("ny", "ufund", "3F A-kasse", "3F A-kasse"),  # the name is taken
        ("ny", "akasse", "Ny A-kasse", "ufund"),  # an unknown kind lists the kinds
        ("ny kasse", "ufund", "Ny A-kasse", "ny kasse"),  # not a slug
    ],
)
def test_create_organisation_refuses_clearly(fund, slug, kind, name, message):
    with pytest.raises(CommandError, match=message):
        call_command("create_organisation", slug, "--kind", kind, "--name", name)
    assert Organisation.objects.count() == 1
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.ORGANISATION_CREATED).exists()
