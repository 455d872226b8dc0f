"""Forms of the digests app: a person's email settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.notify import NotificationKind

from .models import DigestFrequency, EmailPreference

Kind = NotificationKind

# The notification kinds in the groups the settings page shows them in.
KIND_GROUPS = {
    "kinds_debate": (
        _("Debate"),
        [
            Kind.REPLY,
            Kind.MENTION,
            Kind.ANSWER,
            Kind.ANSWER_ACCEPTED,
            Kind.QUESTION_FOR_YOU,
            Kind.NEW_THREAD,
        ],
    ),
    "kinds_hotline": (
        _("Legal hotline"),
        [Kind.HOTLINE_NEW, Kind.HOTLINE_DEADLINE, Kind.HOTLINE_OVERDUE],
    ),
    "kinds_other": (
        _("Networks, guides and the partnership"),
        [Kind.NETWORK_ADDED, Kind.GUIDE_REVIEW, Kind.PARTNERSHIP_BELOW_GOAL],
    ),
    "kinds_register": (
        _("The register of burdensome rules"),
        [Kind.REGISTER_ITEM_MOVED, Kind.REGISTER_ITEM_OVERDUE],
    ),
}


class EmailPreferenceForm(forms.Form):
    """Which email a person wants. Kinds are asked as "send me", stored as the ones turned off."""

    digest_frequency = forms.ChoiceField(
        label=_("How often do you want a digest of what is new for you?"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
    )
    newsletter = forms.BooleanField(label=_("Send me the editors' newsletter"), required=False)
    notifications = forms.BooleanField(
        label=_("Send me my notifications by email"),
        required=False,
        help_text=_(
            "Notifications are collected for a few minutes and sent together, one email at a time."
        ),
    )

    def __init__(self, *args, preference: EmailPreference, show_hotline: bool = True, **kwargs):
        kinds_off = set(preference.notification_kinds_off or [])
        self._kinds_off_before = kinds_off
        # Only jurists and editors hear from the hotline; others are not asked about it.
        self._groups = {
            name: group
            for name, group in KIND_GROUPS.items()
            if show_hotline or name != "kinds_hotline"
        }
        kwargs.setdefault(
            "initial",
            {
                "digest_frequency": preference.digest_frequency,
                "newsletter": preference.newsletter,
                "notifications": preference.notifications,
                **{
                    name: [kind.value for kind in kinds if kind.value not in kinds_off]
                    for name, (_label, kinds) in self._groups.items()
                },
            },
        )
        super().__init__(*args, **kwargs)
        for name, (label, kinds) in self._groups.items():
            self.fields[name] = forms.MultipleChoiceField(
                label=label,
                choices=[(kind.value, kind.label) for kind in kinds],
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def kind_fields(self):
        return [self[name] for name in self._groups]

    def notification_kinds_off(self) -> list[str]:
        """The kinds left unticked, in the order of NotificationKind.

        Kinds of a group the page did not show keep their earlier setting.
        """
        asked = {kind.value for _label, kinds in self._groups.values() for kind in kinds}
        wanted = {kind for name in self._groups for kind in self.cleaned_data[name]}
        return [
            kind
            for kind in Kind.values
            if (kind in asked and kind not in wanted)
            or (kind not in asked and kind in self._kinds_off_before)
        ]
