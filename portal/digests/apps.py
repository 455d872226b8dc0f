from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigestsConfig(AppConfig):
    name = "portal.digests"
    label = "digests"
    verbose_name = _("Digests and newsletters")

    def ready(self):
        # Registers the events source; imported here because it imports models, which the app
        # registry must have loaded first.
        from . import events  # noqa: F401
