"""Forms of the events pages. They parse input (times are Copenhagen time, whatever the
server's or the browser's zone); the services decide what is allowed."""

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.forms import CprGuardedFormMixin
from portal.core.models import Organisation, OrganisationKind, Topic, User
from portal.forum.models import Network

from .models import Event

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
# A quarter of a year in whole weeks: the copy falls on the same weekday at the same time.
COPY_SHIFT = timedelta(weeks=13)


def copenhagen(day: date, at: time) -> datetime:
    """The aware moment of a Copenhagen wall-clock time."""
    return datetime.combine(day, at).replace(tzinfo=COPENHAGEN)


def as_copenhagen(value: datetime | None) -> datetime | None:
    """A datetime-local value as Copenhagen time (Django parsed it in the current zone)."""
    if value is None:
        return None
    naive = timezone.make_naive(value) if timezone.is_aware(value) else value
    return naive.replace(tzinfo=COPENHAGEN)


def local(value: datetime | None) -> datetime | None:
    return value.astimezone(COPENHAGEN) if value else None


def parse_people(text: str) -> tuple[list[User], list[str]]:
    """The people named by email address (separated by commas, spaces or lines) and the
    addresses nobody has; active, approved people only."""
    emails = []
    for email in re.split(r"[\s,;]+", text or ""):
        email = email.strip().lower()
        if email and email not in emails:
            emails.append(email)
    if not emails:
        return [], []
    found = {
        user.email.lower(): user
        for user in User.objects.filter(email__in=emails, is_active=True, approved_at__isnull=False)
    }
    return [found[e] for e in emails if e in found], [e for e in emails if e not in found]


def people_text(people) -> str:
    return "\n".join(person.email for person in people)


class PeopleField(forms.CharField):
    """People given by their email addresses in the portal (the directory's people)."""

    widget = forms.Textarea(attrs={"rows": 2})

    def clean(self, value):
        value = super().clean(value)
        people, unknown = parse_people(value)
        if unknown:
            raise ValidationError(
                _("Nobody in the portal has the email address %(emails)s."),
                code="unknown_person",
                params={"emails": ", ".join(unknown)},
            )
        return people


class EventFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Event.Kind.choices]
    )
    mine = forms.BooleanField(label=_("Only events I am registered for"), required=False)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "topic": data["topic"].slug if data.get("topic") else None,
            "kind": data.get("kind") or None,
            "mine": bool(data.get("mine")),
        }


class EventForm(CprGuardedFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Event.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Markdown: **bold**, *italic*, lists with -. Never write a citizen's CPR number."
        ),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.order_by("name"),
        empty_label=_("No topic"),
    )
    organisers = PeopleField(
        label=_("Organisers"),
        required=False,
        help_text=_(
            "Email addresses of the people who run the event (one per line). They see the "
            "participant list and the feedback."
        ),
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    room = forms.CharField(label=_("Room"), max_length=120, required=False)
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("For webinars and hybrid meetings."),
    )
    start_date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    start_time = forms.TimeField(label=_("Starts at"), widget=TIME_WIDGET)
    end_time = forms.TimeField(label=_("Ends at"), widget=TIME_WIDGET)
    end_date = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Only when the event lasts more than one day."),
    )
    registration_opens_at = forms.DateTimeField(
        label=_("Registration opens"),
        required=False,
        input_formats=DATETIME_FORMATS,
        widget=DATETIME_WIDGET,
        help_text=_("Empty: when the event is published."),
    )
    registration_closes_at = forms.DateTimeField(
        label=_("Registration closes"),
        required=False,
        input_formats=DATETIME_FORMATS,
        widget=DATETIME_WIDGET,
        help_text=_("Empty: when the event starts."),
    )
    capacity = forms.IntegerField(
        label=_("Seats"), required=False, min_value=1, help_text=_("Empty: no limit.")
    )
    audience = forms.ChoiceField(
        label=_("Who may sign up"),
        choices=Event.Audience.choices,
        initial=Event.Audience.EVERYONE,
        widget=forms.RadioSelect,
    )
    audience_organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", "–"), *OrganisationKind.choices],
        help_text=_("Only when the event is for one kind of organisation."),
    )
    audience_network = forms.ModelChoiceField(
        label=_("Network"),
        required=False,
        queryset=Network.objects.order_by("name"),
        empty_label="–",
        help_text=_("Only when the event is for the members of a network."),
    )

    @classmethod
    def for_event(cls, event: Event, data=None) -> "EventForm":
        starts, ends = local(event.starts_at), local(event.ends_at)
        return cls(
            data,
            initial={
                "kind": event.kind,
                "title": event.title,
                "description": event.description,
                "topic": event.topic_id,
                "organisers": people_text(event.organisers.order_by("email")),
                "venue": event.venue,
                "address": event.address,
                "room": event.room,
                "online_url": event.online_url,
                "start_date": starts.date(),
                "start_time": starts.time(),
                "end_time": ends.time(),
                "end_date": ends.date() if ends.date() != starts.date() else None,
                "registration_opens_at": local(event.registration_opens_at),
                "registration_closes_at": local(event.registration_closes_at),
                "capacity": event.capacity,
                "audience": event.audience,
                "audience_organisation_kind": event.audience_organisation_kind,
                "audience_network": event.audience_network_id,
            },
        )

    def clean(self):
        data = super().clean()
        day, start, end = data.get("start_date"), data.get("start_time"), data.get("end_time")
        if day and start and end:
            data["starts_at"] = copenhagen(day, start)
            data["ends_at"] = copenhagen(data.get("end_date") or day, end)
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end_time", _("The event must end after it starts."))
        for name in ("registration_opens_at", "registration_closes_at"):
            data[name] = as_copenhagen(data.get(name))
        opens, closes = data["registration_opens_at"], data["registration_closes_at"]
        starts_at = data.get("starts_at")
        if starts_at and closes and closes > starts_at:
            self.add_error(
                "registration_closes_at",
                _("Registration must close before the event starts."),
            )
        if starts_at and opens and opens >= starts_at:
            self.add_error(
                "registration_opens_at", _("Registration must open before the event starts.")
            )
        if opens and closes and opens >= closes:
            self.add_error("registration_closes_at", _("Registration must close after it opens."))
        audience = data.get("audience")
        if audience == Event.Audience.NETWORK and not data.get("audience_network"):
            self.add_error("audience_network", _("Choose the network the event is for."))
        if audience == Event.Audience.ORGANISATION_KIND and not data.get(
            "audience_organisation_kind"
        ):
            self.add_error(
                "audience_organisation_kind",
                _("Choose the kind of organisation the event is for."),
            )
        if audience != Event.Audience.NETWORK:
            data["audience_network"] = None
        if audience != Event.Audience.ORGANISATION_KIND:
            data["audience_organisation_kind"] = ""
        online = data.get("online_url")
        if not (data.get("venue") or data.get("address") or online):
            if "online_url" not in self.errors:
                self.add_error("venue", _("Give a venue or address, or an online link."))
        elif data.get("kind") == Event.Kind.WEBINAR and not online:
            self.add_error("online_url", _("A webinar needs an online link."))
        return data

    def event_fields(self) -> dict:
        """The cleaned data as the services take it (organisers apart)."""
        data = self.cleaned_data
        names = (
            "kind", "title", "description", "topic", "venue", "address", "room", "online_url",
            "starts_at", "ends_at", "registration_opens_at", "registration_closes_at",
            "capacity", "audience", "audience_organisation_kind", "audience_network",
        )  # fmt: skip
        return {name: data[name] for name in names}


class SessionForm(CprGuardedFormMixin, forms.Form):
    """One item of the programme. An empty row is ignored."""

    day = forms.DateField(
        label=_("Day"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Empty: the event's first day."),
    )
    starts = forms.TimeField(label=_("Starts at"), widget=TIME_WIDGET)
    ends = forms.TimeField(label=_("Ends at"), required=False, widget=TIME_WIDGET)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    room = forms.CharField(label=_("Room"), max_length=120, required=False)
    speakers = PeopleField(
        label=_("Speakers from the portal"),
        required=False,
        help_text=_("Email addresses; the programme links to their profiles in the directory."),
    )
    guest_speakers = forms.CharField(
        label=_("Other speakers"),
        max_length=300,
        required=False,
        help_text=_("Names of speakers without a profile."),
    )

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            self.add_error("ends", _("The item must end after it starts."))
        return data


class BaseProgrammeFormSet(forms.BaseFormSet):
    def sessions(self, *, first_day: date) -> list[dict]:
        """The programme as the services take it, in time order."""
        sessions = []
        for form in self.forms:
            # Empty extra rows have no cleaned data; unchanged existing rows are kept.
            if not form.cleaned_data or self._should_delete_form(form):
                continue
            data = form.cleaned_data
            day = data.get("day") or first_day
            sessions.append(
                {
                    "starts_at": copenhagen(day, data["starts"]),
                    "ends_at": copenhagen(day, data["ends"]) if data.get("ends") else None,
                    "title": data["title"],
                    "description": data["description"],
                    "room": data["room"],
                    "speakers": data["speakers"],
                    "guest_speakers": data["guest_speakers"],
                }
            )
        return sorted(sessions, key=lambda session: session["starts_at"])


ProgrammeFormSet = forms.formset_factory(
    SessionForm, formset=BaseProgrammeFormSet, extra=2, can_delete=True
)


def programme_initial(event: Event) -> list[dict]:
    first_day = local(event.starts_at).date()
    initial = []
    for session in event.sessions.prefetch_related("speakers"):
        starts, ends = local(session.starts_at), local(session.ends_at)
        initial.append(
            {
                "day": starts.date() if starts.date() != first_day else None,
                "starts": starts.time(),
                "ends": ends.time() if ends else None,
                "title": session.title,
                "description": session.description,
                "room": session.room,
                "speakers": people_text(session.speakers.all()),
                "guest_speakers": session.guest_speakers,
            }
        )
    return initial


class QuotaForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name"), empty_label="–"
    )
    seats = forms.IntegerField(label=_("Seats"), min_value=0)


class BaseQuotaFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            organisation = form.cleaned_data.get("organisation")
            if not organisation or self._should_delete_form(form):
                continue
            if organisation.pk in seen:
                raise ValidationError(
                    _("%(organisation)s has more than one quota."),
                    params={"organisation": organisation.name},
                )
            seen.add(organisation.pk)

    def quotas(self) -> dict:
        return {
            form.cleaned_data["organisation"]: form.cleaned_data["seats"]
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        }


QuotaFormSet = forms.formset_factory(QuotaForm, formset=BaseQuotaFormSet, extra=2, can_delete=True)


def quotas_initial(event: Event) -> list[dict]:
    return [
        {"organisation": quota.organisation_id, "seats": quota.seats}
        for quota in event.quotas.select_related("organisation").order_by("organisation__name")
    ]


class RegistrationForm(CprGuardedFormMixin, forms.Form):
    dietary_note = forms.CharField(
        label=_("Dietary needs"),
        max_length=300,
        required=False,
        help_text=_("For example vegetarian or allergies."),
    )
    accessibility_note = forms.CharField(
        label=_("Accessibility needs"),
        max_length=300,
        required=False,
        help_text=_("For example step-free access or a sign language interpreter."),
    )


class ColleagueRegistrationForm(RegistrationForm):
    colleague = forms.ModelChoiceField(label=_("Colleague"), queryset=User.objects.none())

    field_order = ["colleague", "dietary_note", "accessibility_note"]

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleague"].queryset = colleagues
        self.fields["colleague"].label_from_instance = lambda user: (
            f"{user.get_full_name()} ({user.email})"
        )


class EventCopyForm(forms.Form):
    start_date = forms.DateField(label=_("New date"), widget=DATE_WIDGET)
    start_time = forms.TimeField(label=_("Starts at"), widget=TIME_WIDGET)

    @classmethod
    def for_event(cls, event: Event, data=None) -> "EventCopyForm":
        """Pre-filled with the same weekday and time a quarter later: the next theme meeting."""
        proposed = local(event.starts_at) + COPY_SHIFT
        return cls(data, initial={"start_date": proposed.date(), "start_time": proposed.time()})

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("start_time"):
            data["starts_at"] = copenhagen(data["start_date"], data["start_time"])
            if data["starts_at"] <= timezone.now():
                self.add_error("start_date", _("The new date must be in the future."))
        return data

    def starts_at(self) -> datetime:
        return self.cleaned_data["starts_at"]


class EventCancelForm(CprGuardedFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to everyone registered."),
    )


# --- The survey after an event ----------------------------------------------------------

OVERALL_CHOICES = [
    (1, _("1 – Poor")),
    (2, _("2 – Fair")),
    (3, _("3 – Good")),
    (4, _("4 – Very good")),
    (5, _("5 – Excellent")),
]
USEFULNESS_CHOICES = [
    (1, _("1 – Not useful")),
    (2, _("2 – A little useful")),
    (3, _("3 – Somewhat useful")),
    (4, _("4 – Very useful")),
    (5, _("5 – Extremely useful")),
]
COMMENT_MAX_LENGTH = 4000


class FeedbackForm(CprGuardedFormMixin, forms.Form):
    overall = forms.TypedChoiceField(
        label=_("What did you think of the event overall?"),
        choices=OVERALL_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    usefulness = forms.TypedChoiceField(
        label=_("How useful was it for your work?"),
        choices=USEFULNESS_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        help_text=_(
            "What was good, what could be better? The organisers see comments without your name. "
            "Do not write citizens' personal data."
        ),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
