from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "portal.sso"
    label = "sso"
    verbose_name = _("Single sign-on")

    def ready(self):
        from portal.core.access import policy_register

        from . import signals  # noqa: F401

        policy_register(kind="sso", module="portal.sso.access")
