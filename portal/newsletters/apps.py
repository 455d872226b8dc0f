from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "portal.newsletters"
    label = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        # Registers the events source; imported here because it imports models, which the app
        # registry must have loaded first.
        from . import event_proposals  # noqa: F401
