"""Signing up costs a fixed number of queries, however many have signed up before."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.core.models import EmailDelivery
from portal.core.tests.factories import UserFactory
from portal.events import services
from portal.events.models import Event, Registration
from portal.events.tests.factories import (
    EventFactory,
    EventSessionFactory,
    OrganisationQuotaFactory,
    RegistrationFactory,
)
from portal.forum.tests.factories import NetworkFactory, add_member

pytestmark = pytest.mark.django_db


def _event(fund, n, *, capacity, network=None):
    extra = {}
    if network is not None:
        extra = {"audience": Event.Audience.NETWORK, "audience_network": network}
    event = EventFactory(capacity=capacity, **extra)
    EventSessionFactory(event=event)
    OrganisationQuotaFactory(event=event, organisation=fund, seats=capacity)
    for i in range(n):
        person = UserFactory(organisation=fund)
        if network is not None:
            add_member(network, person)
        RegistrationFactory(event=event, user=person, waiting=i >= (capacity or n))
    return event


def _signup_queries(event, person, django_capture_on_commit_callbacks):
    with (
        CaptureQueriesContext(connection) as ctx,
        django_capture_on_commit_callbacks(execute=True),
    ):
        registration = services.registration_create(event=event, user=person)
    return len(ctx.captured_queries), registration.status


@pytest.mark.parametrize("full", [False, True], ids=["seat", "waiting-list"])
@pytest.mark.parametrize("in_network", [False, True], ids=["everyone", "network"])
def test_signing_up_costs_the_same_for_few_and_many_registrations(
    fund, django_capture_on_commit_callbacks, smtp_server, full, in_network
):
    network = NetworkFactory(is_open=False) if in_network else None
    counts = []
    for n in (4, 8):
        # Full: every seat taken and n more waiting; otherwise n seats taken and n left.
        event = _event(fund, 2 * n, capacity=n if full else 2 * n + n, network=network)
        person = UserFactory(organisation=fund)
        if network is not None:
            add_member(network, person)
        count, status = _signup_queries(event, person, django_capture_on_commit_callbacks)
        assert status == (Registration.Status.WAITING if full else Registration.Status.CONFIRMED)
        counts.append(count)
    assert EmailDelivery.objects.count() == 2  # one booking email each
    assert counts == [15, 15]  # the booking email included, and its count among emails sent
