"""Editors join a network by invitation only when invited, like anyone else (decision 0012)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portal.forum import selectors, services
from portal.forum.models import NetworkMembership

from .factories import NetworkFactory, add_member

pytestmark = pytest.mark.django_db


def test_an_editor_cannot_add_themselves_to_a_network_by_invitation(editor):
    closed = NetworkFactory(is_open=False)
    assert not selectors.can_moderate_network(user=editor, network=closed)
    with pytest.raises(PermissionDenied):
        services.network_member_add(network=closed, user=editor, by=editor)
    with pytest.raises(PermissionDenied):
        services.network_update(network=closed, by=editor, name=closed.name, is_open=True)
    with pytest.raises(ValidationError):
        services.network_join(network=closed, user=editor)
    closed.refresh_from_db()
    assert not closed.is_open
    assert not NetworkMembership.objects.filter(network=closed, user=editor).exists()


def test_an_editor_joins_a_network_by_invitation_when_a_moderator_adds_them(editor, jurist):
    closed = NetworkFactory(is_open=False)
    add_member(closed, jurist, role=NetworkMembership.Role.MODERATOR)
    services.network_member_add(network=closed, user=editor, by=jurist)
    assert NetworkMembership.objects.filter(network=closed, user=editor).exists()


def test_an_editor_still_runs_an_open_network_and_the_one_they_moderate(editor, caseworker):
    open_network = NetworkFactory(is_open=True)
    assert selectors.can_moderate_network(user=editor, network=open_network)
    services.network_member_add(network=open_network, user=caseworker, by=editor)
    own = services.network_create(by=editor, name="Redaktionen", slug="redaktionen", is_open=False)
    assert selectors.can_moderate_network(user=editor, network=own)


def test_the_add_member_page_refuses_an_editor_on_a_network_by_invitation(editor, client_for):
    closed = NetworkFactory(is_open=False)
    response = client_for(editor).post(
        reverse("forum:network_member_add", args=[closed.slug]), {"email": editor.email}
    )
    assert response.status_code == 403
    assert not closed.members.exists()
