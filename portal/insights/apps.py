from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "portal.insights"
    label = "insights"
    verbose_name = _("Insights")

    def ready(self):
        # Connects the receivers; imported here because they import models, which the app
        # registry must have loaded first.
        from . import receivers  # noqa: F401
