"""The register pages' forms: the list's filters, the report, the triage, the next step,
comments, attachments and the offices. The services check again; a form only keeps what was
typed and says what is wrong in Danish."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from portal.core.forms import CprGuardedFormMixin

from .models import MainTopic, Origin, RegulationKind, Section, Status


def _blank(label):
    return [("", label)]


class ItemFilterForm(CprGuardedFormMixin, forms.Form):
    """The list's filters (GET). Every field may be empty: then it does not narrow."""

    # A search over the list; nothing typed here is stored.
    cpr_unchecked_fields = ("q",)

    q = forms.CharField(
        label=_("Words in the title or the problem"), required=False, max_length=200
    )
    section = forms.TypedChoiceField(
        label=_("Classification"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=_blank(_("Any classification")) + list(Section.choices),
    )
    main_topic = forms.ChoiceField(
        label=_("Main topic"),
        required=False,
        choices=_blank(_("Any main topic")) + list(MainTopic.choices),
    )
    office = forms.ChoiceField(label=_("Responsible office"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_blank(_("Any status")) + list(Status.choices)
    )
    origin = forms.ChoiceField(
        label=_("Origin"), required=False, choices=_blank(_("Any origin")) + list(Origin.choices)
    )
    organisation = forms.ChoiceField(label=_("Reporting organisation"), required=False)

    def __init__(self, *args, offices=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = _blank(_("Any office")) + [
            (office.slug, office.name) for office in offices
        ]
        self.fields["organisation"].choices = _blank(_("Any organisation")) + [
            (organisation.slug, organisation.name) for organisation in organisations
        ]


class ItemReportForm(CprGuardedFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("What is burdensome, in a line."),
        # The similar-items hint (views.items_similar) while the title is typed.
        widget=forms.TextInput(
            attrs={
                "hx-get": reverse_lazy("register:items_similar"),
                "hx-trigger": "keyup changed delay:400ms",
                "hx-target": "#similar-items",
                "autocomplete": "off",
            }
        ),
        error_messages={"required": _("Write a title: what is burdensome, in a line.")},
    )
    problem = forms.CharField(
        label=_("Problem"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happens, whom it burdens and how often. No names or CPR numbers."),
        error_messages={"required": _("Describe the problem.")},
    )
    main_topic = forms.ChoiceField(
        label=_("Main topic"),
        required=False,
        choices=_blank(_("Choose a main topic")) + list(MainTopic.choices),
    )
    sub_topic = forms.CharField(label=_("Sub topic"), required=False, max_length=200)
    regulation_kind = forms.ChoiceField(
        label=_("What regulates it"),
        required=False,
        choices=_blank(_("Don't know")) + list(RegulationKind.choices),
    )
    regulation = forms.CharField(
        label=_("Regulation"),
        required=False,
        max_length=300,
        help_text=_("The rule it rests on, e.g. “LAB § 16” or a municipal decision."),
    )


class ItemTriageForm(CprGuardedFormMixin, forms.Form):
    section = forms.TypedChoiceField(
        label=_("Classification"),
        coerce=int,
        choices=_blank(_("Choose a classification")) + list(Section.choices),
        error_messages={"required": _("Choose a classification from 1 to 7.")},
    )
    office = forms.ModelChoiceField(
        label=_("Responsible office"),
        queryset=None,
        empty_label=_("Choose an office"),
        error_messages={"required": _("Choose the responsible office.")},
    )
    timeline = forms.CharField(
        label=_("Timeline"),
        required=False,
        max_length=300,
        help_text=_("A date or a quarter, e.g. “2027-03-31” or “2027K2”."),
    )
    note = forms.CharField(
        label=_("Note for the decision log"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices


class ItemStepForm(CprGuardedFormMixin, forms.Form):
    """The next step, the handling text and the timeline. The status choices are the steps the
    person may take from the item's status; "keep" changes only the texts."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    handling = forms.CharField(
        label=_("Handling"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    timeline = forms.CharField(label=_("Timeline"), required=False, max_length=300)
    note = forms.CharField(
        label=_("Note for the decision log"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, item, steps, may_edit_texts: bool, **kwargs):
        kwargs.setdefault("initial", {"handling": item.handling, "timeline": item.timeline})
        super().__init__(*args, **kwargs)
        keep = ("", _("Keep “%(status)s”") % {"status": Status(item.status).label})
        # The page offers the steps from here; any status is accepted so that the service
        # answers a skipped step with workflow's Danish sentence (409), not a form error.
        self.fields["status"].choices = [keep] + list(Status.choices)
        self.offered = [keep] + [(value, Status(value).label) for value in steps]
        self.may_edit_texts = may_edit_texts
        if not may_edit_texts:
            del self.fields["handling"]
            del self.fields["timeline"]


class ItemCommentForm(CprGuardedFormMixin, forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment.")},
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("A document or an image. Files are checked for CPR numbers."),
        error_messages={"required": _("Choose a file.")},
    )


class OfficeForm(CprGuardedFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    slug = forms.SlugField(
        label=_("Short name"), max_length=60, help_text=_("In the address, e.g. “1-kontor”.")
    )
    description = forms.CharField(label=_("Description"), required=False, max_length=300)
    members = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The people who handle the office's items."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = people
        self.fields["members"].label_from_instance = lambda person: (
            f"{person.get_full_name() or person.email}"
            + (f" ({person.organisation.name})" if person.organisation_id else "")
        )
