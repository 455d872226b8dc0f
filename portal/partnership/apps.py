from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipConfig(AppConfig):
    name = "portal.partnership"
    label = "partnership"
    verbose_name = _("Partnership")

    def ready(self):
        # core.access imports models, which the app registry must have loaded first.
        from portal.core.access import policy_register

        policy_register(kind="partnership", module="portal.partnership.access")
