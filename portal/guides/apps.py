from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "portal.guides"
    label = "guides"
    verbose_name = _("Guides")

    def ready(self):
        # core.access imports models, which the app registry must have loaded first.
        from portal.core.access import policy_register

        policy_register(kind="guides", module="portal.guides.access")
        from portal.core.kept_pages import renew_on_change
        from portal.forum.list_cache import SIDE_PANELS_VERSION_KEY

        from . import receivers  # noqa: F401
        from .models import Guide

        # The guides' panel beside a thread is kept with the thread page (forum/views.py).
        renew_on_change(SIDE_PANELS_VERSION_KEY, Guide, dispatch="guides-side-panel")
