from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "portal.forum"
    label = "forum"
    verbose_name = _("Debate")

    def ready(self):
        # core.access imports models, which the app registry must have loaded first.
        from portal.core.access import policy_register

        policy_register(kind="forum", module="portal.forum.access")
        from . import list_cache

        list_cache.connect()
