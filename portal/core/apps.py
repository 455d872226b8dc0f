from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # Imported when the app registry is ready: the module imports models.
        from . import checks, cpr_guard, signals  # noqa: F401

        cpr_guard.attach_field_validators()
