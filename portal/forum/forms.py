"""Forms of the debate. They parse input; the services decide what is allowed."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from portal.core.forms import CprGuardedFormMixin
from portal.core.models import Topic, User
from portal.core.slugs import slugify_da

from .models import Network, Reaction, Thread

MARKDOWN_HINT = _(
    "Markdown: **bold**, *italic*, lists with -, > for a quote. Mention a colleague with "
    "@firstname.lastname (the part of their email before @) or their full email address. "
    "Never write a citizen's CPR number."
)


def editor(rows: int) -> forms.Textarea:
    """The post editor: a Markdown textarea with @mention suggestions (static/forum/mention.js)."""
    return forms.Textarea(
        attrs={
            "rows": rows,
            "data-mention-url": reverse_lazy("forum:mention_suggestions"),
            "data-mention-label": _("Colleagues to mention"),
            # mention.js puts the number in place of %(count)s.
            "data-mention-count": _("%(count)s colleagues found. Choose with the arrow keys."),
        }
    )


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by the attachment service."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)]


def _attachment_hint():
    types = ", ".join(sorted(set(settings.PORTAL_ATTACHMENT_TYPES.values())))
    return _(
        "Allowed file types: %(types)s. At most %(max)s per file, %(count)d files and "
        "%(total)s per post."
    ) % {
        "types": types,
        "max": filesizeformat(settings.PORTAL_ATTACHMENT_MAX_BYTES),
        "count": settings.PORTAL_ATTACHMENTS_PER_POST,
        "total": filesizeformat(settings.PORTAL_ATTACHMENT_POST_MAX_BYTES),
    }


def attachments_field():
    return MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_attachment_hint,
        widget=MultipleFileInput(attrs={"multiple": True}),
    )


class ThreadForm(CprGuardedFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=Thread.Kind.choices,
        initial=Thread.Kind.DISCUSSION,
        widget=forms.RadioSelect,
        help_text=_("A question can get an accepted answer; a discussion cannot."),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Choose a topic"),
    )
    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("No network: everyone in the portal can read it"),
        help_text=_("A thread in a network by invitation can only be read by its members."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=editor(10))
    attachments = attachments_field()
    addressed_to = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, networks=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = (
            networks if networks is not None else Network.objects.none()
        )
        self.fields["body"].help_text = MARKDOWN_HINT
        self.fields["attachments"].help_text = _attachment_hint()


class ReplyForm(CprGuardedFormMixin, forms.Form):
    body = forms.CharField(label=_("Your reply"), widget=editor(8))
    quoted_post = forms.IntegerField(required=False, widget=forms.HiddenInput)
    attachments = attachments_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = MARKDOWN_HINT
        self.fields["attachments"].help_text = _attachment_hint()


class PostEditForm(CprGuardedFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=editor(12))
    attachments = attachments_field()

    def __init__(self, *args, with_title: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_title:
            del self.fields["title"]
        self.fields["body"].help_text = MARKDOWN_HINT
        self.fields["attachments"].label = _("Add attachments")
        self.fields["attachments"].help_text = _attachment_hint()


class ReportForm(CprGuardedFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why should an editor look at this post?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class ReportResolveForm(CprGuardedFormMixin, forms.Form):
    resolution = forms.CharField(label=_("What was done"), max_length=200, required=False)


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)


class ThreadFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
    )
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("All types")), *Thread.Kind.choices], required=False
    )
    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All networks"),
    )
    unanswered = forms.BooleanField(label=_("Only unanswered questions"), required=False)
    followed = forms.BooleanField(label=_("Only what I follow"), required=False)

    def __init__(self, *args, networks=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = (
            networks if networks is not None else Network.objects.none()
        )


class ThreadMoveForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Choose a topic"),
    )
    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("No network"),
    )


class ThreadMergeForm(forms.Form):
    target = forms.IntegerField(
        label=_("Number of the thread to merge into"),
        min_value=1,
        help_text=_("The number is in the thread's address: /debat/traad/<number>/."),
    )


class TopicForm(CprGuardedFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def slug(self) -> str:
        return slugify_da(self.cleaned_data["name"], max_length=80)


class NetworkForm(CprGuardedFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    is_open = forms.BooleanField(
        label=_("Open to everyone"),
        required=False,
        initial=True,
        help_text=_("Untick to make the network by invitation: only members read its threads."),
    )

    def slug(self) -> str:
        return slugify_da(self.cleaned_data["name"], max_length=80)


class NetworkMemberForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the person to add"))

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active person in the portal has this address."))
        self.user = user
        return email
