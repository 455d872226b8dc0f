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
        from . import receivers  # noqa: F401
