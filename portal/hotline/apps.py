from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HotlineConfig(AppConfig):
    name = "portal.hotline"
    label = "hotline"
    verbose_name = _("Legal hotline")

    def ready(self):
        # Imported when the app registry is ready: the module imports models.
        from portal.core.kept_pages import renew_on_change
        from portal.forum.list_cache import SIDE_PANELS_VERSION_KEY

        from . import receivers  # noqa: F401
        from .models import HotlineCase

        # The hotline's panel beside a thread is kept with the thread page (forum/views.py).
        renew_on_change(SIDE_PANELS_VERSION_KEY, HotlineCase, dispatch="hotline-side-panel")
