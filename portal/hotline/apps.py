from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HotlineConfig(AppConfig):
    name = "portal.hotline"
    label = "hotline"
    verbose_name = _("Legal hotline")

    def ready(self):
        # Imported when the app registry is ready: the module imports models.
        from . import receivers  # noqa: F401
