from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.core.access import policy_register


class ForumConfig(AppConfig):
    name = "portal.forum"
    label = "forum"
    verbose_name = _("Debate")

    def ready(self):
        policy_register(kind="forum", module="portal.forum.access")
        from . import list_cache

        list_cache.connect()
