"""Forms of the user survey. They parse input; the services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.cpr import validate_no_cpr_number
from portal.core.forms import CprGuardedFormMixin
from portal.core.models import OrganisationKind, Topic

from .models import Survey, SurveyQuestion

# The events' feedback form's shape: a 1–5 scale as radio buttons, the ends named.
SCALE_CHOICES = [
    (1, _("1 – Not at all")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 – Very much")),
]
TEXT_MAX_LENGTH = 4000


class SurveyForm(CprGuardedFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    intro = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few lines on why you ask. Never write a citizen's CPR number."),
    )
    segment = forms.ChoiceField(
        label=_("Recipients"), choices=Survey.Segment.choices, widget=forms.RadioSelect
    )
    segment_organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", "–"), *OrganisationKind.choices],
        help_text=_("Only when the survey goes to one kind of organisation."),
    )
    segment_topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.order_by("name"),
        empty_label=_("All topics"),
        help_text=_("Only when the survey goes to the followers of a topic."),
    )

    @classmethod
    def for_survey(cls, survey: Survey | None, data=None) -> "SurveyForm":
        if survey is None:
            return cls(data, initial={"segment": Survey.Segment.EVERYONE})
        return cls(
            data,
            initial={
                "title": survey.title,
                "intro": survey.intro,
                "segment": survey.segment,
                "segment_organisation_kind": survey.segment_organisation_kind,
                "segment_topic": survey.segment_topic_id,
            },
        )


class QuestionForm(CprGuardedFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of question"), choices=SurveyQuestion.Kind.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(label=_("Question"), max_length=300)
    options = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only for a choice: one option per line, 2 to 10."),
    )


class AnswerForm(CprGuardedFormMixin, forms.Form):
    """Built from the survey's questions; field names are q<question id>."""

    def __init__(self, *args, questions: list[SurveyQuestion], **kwargs):
        super().__init__(*args, **kwargs)
        # Fields added after the mixin's pass: the free-text ones carry the guard themselves.
        self.questions = questions
        for question in questions:
            name = f"q{question.pk}"
            if question.kind == SurveyQuestion.Kind.SCALE:
                self.fields[name] = forms.TypedChoiceField(
                    label=question.text, choices=SCALE_CHOICES, coerce=int, widget=forms.RadioSelect
                )
            elif question.kind == SurveyQuestion.Kind.CHOICE:
                self.fields[name] = forms.TypedChoiceField(
                    label=question.text,
                    choices=list(enumerate(question.option_list)),
                    coerce=int,
                    widget=forms.RadioSelect,
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    required=False,
                    max_length=TEXT_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    help_text=_("Do not write citizens' personal data."),
                    validators=[validate_no_cpr_number],
                )
        self.fields["show_name"] = forms.BooleanField(
            label=_("May the editorial desk see that the answer is from me?"),
            required=False,
            help_text=_("Without a tick the desk sees your answer without your name."),
        )

    def values(self) -> dict[int, int | str | None]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") for q in self.questions}
