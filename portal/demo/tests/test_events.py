"""The demo's events: what the demo logins find, and loading twice creates nothing."""

from django.utils import timezone

from portal.core.models import User
from portal.demo import people as demo
from portal.demo.events import events_demo_load
from portal.events.models import Event, FeedbackResponse, Registration
from portal.events.selectors import events_visible_to, seats
from portal.search.models import SearchDocument


def _login(local_part: str) -> User:
    return User.objects.get(email=f"{local_part}@{demo.DEMO_DOMAIN}")


def test_the_year_of_events_is_there(demo_loaded):
    assert demo_loaded["events"] == 9
    now = timezone.now()
    upcoming = Event.objects.filter(starts_at__gt=now, status=Event.Status.PUBLISHED)
    kinds = list(upcoming.values_list("kind", flat=True))
    assert kinds.count(Event.Kind.CONFERENCE) == 1
    assert kinds.count(Event.Kind.THEME_MEETING) == 4
    assert kinds.count(Event.Kind.NETWORK_MEETING) == 2
    assert kinds.count(Event.Kind.WEBINAR) == 1
    assert upcoming.get(kind=Event.Kind.WEBINAR).online_url.startswith("https://")
    assert upcoming.filter(audience=Event.Audience.NETWORK, audience_network__isnull=False).exists()
    conference = upcoming.get(kind=Event.Kind.CONFERENCE)
    assert conference.sessions.count() >= 5
    assert f"Årskonference {timezone.localtime(conference.starts_at).year}" in conference.title


def test_the_past_theme_meeting_has_check_ins_and_feedback(demo_loaded):
    # The one of events.yaml (evaluation.py adds the year's earlier meetings).
    past = Event.objects.filter(starts_at__lt=timezone.now()).latest("starts_at")
    assert past.kind == Event.Kind.THEME_MEETING
    registrations = past.registrations.all()
    checked_in = registrations.filter(checked_in_at__isnull=False).count()
    assert 0 < checked_in < registrations.count()
    feedback = FeedbackResponse.objects.filter(event=past)
    assert feedback.count() >= 10
    assert all(1 <= f.overall <= 5 and 1 <= f.usefulness <= 5 for f in feedback)


def test_the_caseworker_login_has_a_seat_at_one_event_and_waits_at_a_full_one(demo_loaded):
    caseworker = _login("sagsbehandler")
    mine = {r.status: r for r in Registration.objects.filter(user=caseworker)}
    assert set(mine) == {Registration.Status.CONFIRMED, Registration.Status.WAITING}
    full = mine[Registration.Status.WAITING].event
    assert seats.seats_left(full) == 0
    assert seats.waiting_position(mine[Registration.Status.WAITING]) == 2
    # Every seat count respects capacity.
    for event in Event.objects.exclude(capacity=None):
        assert seats.seats_taken(event) <= event.capacity


def test_audiences_are_respected(demo_loaded):
    fund_caseworker = _login("akasse")
    caseworker = _login("sagsbehandler")
    fund_events = events_visible_to(user=fund_caseworker).filter(
        audience=Event.Audience.ORGANISATION_KIND
    )
    assert fund_events.exists()
    assert (
        not events_visible_to(user=caseworker)
        .filter(audience=Event.Audience.ORGANISATION_KIND)
        .exists()
    )
    for registration in Registration.objects.select_related("event", "user__organisation"):
        assert events_visible_to(user=registration.user).filter(pk=registration.event_id).exists()


def test_events_are_in_the_search_index(demo_loaded):
    held_earlier = demo_loaded["past_events"]  # the year's meetings of evaluation.py
    assert SearchDocument.objects.filter(kind=SearchDocument.Kind.EVENT).count() == 9 + held_earlier


def test_everyone_in_the_events_is_fictional(demo_loaded):
    domains = set(Registration.objects.values_list("user__email", flat=True).distinct())
    assert all(email.endswith(demo.DEMO_DOMAIN) for email in domains)


def test_loading_twice_creates_nothing(demo_loaded):
    before = (Event.objects.count(), Registration.objects.count())
    assert events_demo_load() == {"events": 0, "registrations": 0}
    assert (Event.objects.count(), Registration.objects.count()) == before
