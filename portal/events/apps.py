from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "portal.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from portal.core.access import policy_register

        policy_register(kind="events", module="portal.events.access")
        # The digest and newsletter registries and the search index learn about events here.
        from . import integrations  # noqa: F401
