"""Concurrent sign-ups and cancellations never overbook (PostgreSQL, real threads).

Every thread has its own database connection and waits at a barrier, so the requests reach
the database together; the row lock on the event is what keeps the count right.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from portal.core.models import User
from portal.core.tests.factories import UserFactory
from portal.events import services
from portal.events.models import Event, Registration
from portal.events.selectors import seats
from portal.events.tests.factories import EventFactory, RegistrationFactory

CONFIRMED = Registration.Status.CONFIRMED
WAITING = Registration.Status.WAITING

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite lets one writer in at a time, so the row lock these "
            "tests exercise is never contended there (run with DATABASE_URL=postgres://…)"
        )


def run_together(jobs):
    """Run each callable in its own thread, released at once; re-raise the first error."""
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait(timeout=30)
            job()
        except Exception as exc:  # collected and re-raised in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    if errors:
        raise errors[0]


def sign_up(event_pk, user_pk):
    def job():
        # Objects are fetched in the thread: a service locks and refreshes its event in place.
        event = Event.objects.get(pk=event_pk)
        services.registration_create(event=event, user=User.objects.get(pk=user_pk))

    return job


def cancel(registration_pk):
    def job():
        registration = Registration.objects.select_related("event", "user").get(pk=registration_pk)
        services.registration_cancel(registration=registration, by=registration.user)

    return job


def queue(event):
    return list(Registration.objects.filter(event=event).order_by("queued_at", "pk"))


def test_fifty_people_signing_up_at_once_for_ten_seats(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    event = EventFactory(capacity=10)
    people = [UserFactory() for _ in range(50)]

    run_together([sign_up(event.pk, person.pk) for person in people])

    registrations = queue(event)
    assert len(registrations) == 50  # nobody lost
    assert {r.user_id for r in registrations} == {p.pk for p in people}
    statuses = [r.status for r in registrations]
    assert statuses.count(CONFIRMED) == 10
    assert statuses.count(WAITING) == 40
    # Seats went to the first ten in the queue; the rest wait in queue order.
    assert statuses == [CONFIRMED] * 10 + [WAITING] * 40
    waiting = [r for r in registrations if r.status == WAITING]
    assert [seats.waiting_position(r) for r in waiting] == list(range(1, 41))
    assert seats.seats_taken(event) == 10
    assert seats.seats_left(event) == 0


def test_one_person_clicking_many_times_at_once_gets_one_registration(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    event = EventFactory(capacity=3)
    person = UserFactory()

    run_together([sign_up(event.pk, person.pk) for _ in range(8)])

    (registration,) = Registration.objects.filter(event=event)
    assert registration.status == CONFIRMED
    assert seats.seats_taken(event) == 1


def test_ten_cancellations_at_once_promote_the_next_ten_in_order(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    event = EventFactory(capacity=10)
    start = timezone.now() - timedelta(hours=1)
    confirmed = [
        RegistrationFactory(event=event, queued_at=start + timedelta(seconds=i)) for i in range(10)
    ]
    waiting = [
        RegistrationFactory(event=event, waiting=True, queued_at=start + timedelta(seconds=100 + i))
        for i in range(25)
    ]

    run_together([cancel(r.pk) for r in confirmed])

    assert seats.seats_taken(event) == 10
    statuses = {r.pk: r.status for r in Registration.objects.filter(event=event)}
    assert {statuses[r.pk] for r in confirmed} == {Registration.Status.CANCELLED}
    promoted = [r for r in waiting if statuses[r.pk] == CONFIRMED]
    assert [r.pk for r in promoted] == [r.pk for r in waiting[:10]]  # ten distinct, in order
    assert all(statuses[r.pk] == WAITING for r in waiting[10:])
    still_waiting = Registration.objects.filter(event=event, status=WAITING).order_by(
        "queued_at", "pk"
    )
    assert [seats.waiting_position(r) for r in still_waiting] == list(range(1, 16))
    assert Registration.objects.filter(event=event, promoted_at__isnull=False).count() == 10
