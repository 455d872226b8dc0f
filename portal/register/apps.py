from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "portal.register"
    label = "register"
    verbose_name = _("Register of burdensome rules")

    def ready(self):
        # core.access imports models, which the app registry must have loaded first.
        from portal.core.access import policy_register

        policy_register(kind="register", module="portal.register.access")
