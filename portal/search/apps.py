from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "portal.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # Imported when the app registry is ready: the module imports models.
        from . import backends, receivers, result_cache

        receivers.connect()
        result_cache.connect()
        connection_created.connect(
            backends.register_sqlite_function, dispatch_uid="search_word_start"
        )
