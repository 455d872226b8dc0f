from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "portal.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        # core.access imports models, which the app registry must have loaded first.
        from portal.core.access import policy_register

        policy_register(kind="events", module="portal.events.access")
        # Connects the receivers (the digests, newsletters and search apps above read events
        # themselves). Imported here because they import models, which the app registry must
        # have loaded first.
        from . import receivers  # noqa: F401
