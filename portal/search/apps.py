from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "portal.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # Imported when the app registry is ready: the module imports models.
        from . import receivers

        receivers.connect()
