"""Forms of the newsletter. They parse input; the services decide what is allowed."""

from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.forms import CprGuardedFormMixin
from portal.core.models import OrganisationKind, Topic

from .models import Newsletter

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

INTRO_HINT = _(
    "A few lines at the top of the newsletter. Markdown: **bold**, *italic*, lists with -. "
    "Never write a citizen's CPR number."
)


class NewsletterCreateForm(forms.Form):
    period_start = forms.DateField(
        label=_("Content from"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The portal proposes the most read and most useful content of the period."),
    )
    period_end = forms.DateField(
        label=_("Content to"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class NewsletterForm(CprGuardedFormMixin, forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    intro = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=INTRO_HINT,
    )
    segment = forms.ChoiceField(
        label=_("Recipients"), choices=Newsletter.Segment.choices, widget=forms.RadioSelect
    )
    segment_organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", "–"), *OrganisationKind.choices],
        help_text=_("Only when the newsletter goes to one kind of organisation."),
    )
    segment_topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.order_by("name"),
        empty_label=_("All topics"),
        help_text=_("Only when the newsletter goes to the followers of a topic."),
    )

    @classmethod
    def for_newsletter(cls, newsletter: Newsletter, data=None) -> "NewsletterForm":
        return cls(
            data,
            initial={
                "subject": newsletter.subject,
                "intro": newsletter.intro,
                "segment": newsletter.segment,
                "segment_organisation_kind": newsletter.segment_organisation_kind,
                "segment_topic": newsletter.segment_topic_id,
            },
        )


class ItemAddForm(CprGuardedFormMixin, forms.Form):
    url = forms.CharField(
        label=_("Add a thread or guide"),
        max_length=500,
        help_text=_("Paste the address of a thread, a guide or an event on the portal."),
    )


class ItemSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find a thread, guide or event"),
        max_length=200,
        help_text=_("Search by title; add what you find with one click."),
    )


class ItemForm(CprGuardedFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class ItemMoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


class PreviewForm(forms.Form):
    reader = forms.EmailField(
        label=_("Preview as"),
        help_text=_("The email address of the person whose copy you want to see."),
    )


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(
        label=_("Send at (Danish time)"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_send_at(self):
        """The editor means Copenhagen time, whatever the server's or browser's zone."""
        value = self.cleaned_data["send_at"]
        naive = timezone.make_naive(value) if timezone.is_aware(value) else value
        return naive.replace(tzinfo=COPENHAGEN)
