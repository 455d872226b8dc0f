"""Who may see an event and sign up for it. The one place.

An event is for its audience: everyone, one kind of organisation, or the members of a network
(open or not). Its audience sees it once it is published (and still when cancelled); drafts are
for the editorial desk and the event's own organisers; the editorial desk sees every event
("events.manage" in core/rules.py). Only approved, active members see events at all. Who may
run an event (edit, cancel, participants) is a permission in core/rules.py ("events.organise").

The three forms of docs/decisions/0020-access-policy.md: `events_visible` (a filter),
`event_visible` (one event: the filter asked about it, so the two cannot differ) and
`event_viewers` (many people at once, from the same facts as `_event_visible_given`, held to
the filter by events/tests/test_access.py).
"""

from collections.abc import Iterable

import rules
from django.db.models import Q, QuerySet

from portal.core.access import may_sign_in, nothing, roles_preload
from portal.core.models import Organisation, User
from portal.forum.access import member_network_ids, member_network_ids_of

from .models import Event


def _may_see_events(user: User) -> bool:
    return bool(may_sign_in(user) and user.approved_at)


def events_organised_ids(*, user: User) -> QuerySet:
    """The events the person organises, as a subquery: one of the facts events_visible reads
    about a person (search's result cache keys its pages by them)."""
    return Event.organisers.through.objects.filter(user_id=user.pk).values("event_id")


def events_visible(*, user: User, prefix: str = "") -> Q:
    """Which events the person may see. The filter can match an event once per organiser:
    use it through `Event.objects.filter(pk__in=...)` or `.distinct()`."""
    if not _may_see_events(user):
        return nothing()
    if rules.has_perm("events.manage", user):
        # Every event, said so that it can be combined with | (an empty Q() would vanish).
        return Q(**{f"{prefix}pk__isnull": False})
    kind = user.organisation.kind if user.organisation_id else None
    audience = (
        Q(**{f"{prefix}audience": Event.Audience.EVERYONE})
        | Q(
            **{
                f"{prefix}audience": Event.Audience.ORGANISATION_KIND,
                f"{prefix}audience_organisation_kind": kind,
            }
        )
        | Q(
            **{
                f"{prefix}audience": Event.Audience.NETWORK,
                f"{prefix}audience_network_id__in": member_network_ids(user=user),
            }
        )
    )
    shown = ~Q(**{f"{prefix}status": Event.Status.DRAFT}) & audience
    return shown | Q(**{f"{prefix}organisers": user})


def event_visible(*, user: User, event: Event) -> bool:
    """events_visible for one event (one query)."""
    if not _may_see_events(user):
        return False
    return Event.objects.filter(events_visible(user=user), pk=event.pk).exists()


def participants_exportable(*, user: User, event: Event) -> bool:
    """Who may download the participant list with its notes (CSV/Excel): the event's own
    organisers, the people who may read the notes, and no one else (not the editorial desk,
    which may run the event but not read the notes)."""
    return bool(
        _may_see_events(user) and rules.has_perm("events.view_participant_notes", user, event)
    )


def event_open_to(*, user: User, event: Event) -> bool:
    """The person may see the event and it is not a draft: there is something to sign up for
    (organisers see their drafts, but nobody signs up for one)."""
    return event.status != Event.Status.DRAFT and event_visible(user=user, event=event)


def events_public(*, prefix: str = "") -> Q:
    """Published events open to everyone: what a newsletter to all members may propose (its
    copies are not filtered by event audience)."""
    return Q(
        **{f"{prefix}status": Event.Status.PUBLISHED, f"{prefix}audience": Event.Audience.EVERYONE}
    )


def event_public(*, event: Event) -> bool:
    """events_public for one event in memory."""
    return event.status == Event.Status.PUBLISHED and event.audience == Event.Audience.EVERYONE


def events_for_network(*, network, prefix: str = "") -> Q:
    """Events whose audience is this network's members (its page lists them); who may see one
    is still events_visible's rule."""
    return Q(**{f"{prefix}audience_network": network})


def audience_includes(
    *,
    audience: str,
    audience_organisation_kind: str,
    audience_network_id: int | None,
    reader_organisation_kind: str | None,
    reader_network_ids: set[int],
) -> bool:
    """Whether a reader is in an event's audience, from facts already loaded."""
    if audience == Event.Audience.EVERYONE:
        return True
    if audience == Event.Audience.ORGANISATION_KIND:
        return bool(reader_organisation_kind) and (
            reader_organisation_kind == audience_organisation_kind
        )
    if audience == Event.Audience.NETWORK:
        return audience_network_id in reader_network_ids
    return False


def _event_visible_given(
    *,
    event: Event,
    manager: bool,
    organiser: bool,
    reader_organisation_kind: str | None,
    reader_network_ids: set[int],
) -> bool:
    if manager or organiser:
        return True
    return event.status != Event.Status.DRAFT and audience_includes(
        audience=event.audience,
        audience_organisation_kind=event.audience_organisation_kind,
        audience_network_id=event.audience_network_id,
        reader_organisation_kind=reader_organisation_kind,
        reader_network_ids=reader_network_ids,
    )


def event_viewers(*, event: Event, users: Iterable[User]) -> list[User]:
    """Of these people, those who may see the event: event_visible for many at once, in a fixed
    number of queries (roles, organisation kinds, network memberships, organisers)."""
    people = [user for user in users if user is not None and user.pk and _may_see_events(user)]
    if not people:
        return []
    roles_preload(people)
    kinds = dict(
        Organisation.objects.filter(
            pk__in={person.organisation_id for person in people if person.organisation_id}
        ).values_list("pk", "kind")
    )
    networks: dict[int, set[int]] = {}
    if event.audience == Event.Audience.NETWORK:
        networks = member_network_ids_of(user_ids=[person.pk for person in people])
    organisers = set(event.organisers.values_list("pk", flat=True))
    return [
        person
        for person in people
        if _event_visible_given(
            event=event,
            manager=rules.has_perm("events.manage", person),
            organiser=person.pk in organisers,
            reader_organisation_kind=kinds.get(person.organisation_id),
            reader_network_ids=networks.get(person.pk, set()),
        )
    ]
