from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "portal.forum"
    label = "forum"
    verbose_name = _("Debate")

    def ready(self):
        # Imported when the app registry is ready: the module imports models.
        from . import list_cache

        list_cache.connect()
