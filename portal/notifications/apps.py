from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from portal.core.notify import notifier_register


class NotificationsConfig(AppConfig):
    name = "portal.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # The content apps below notify through portal.core.notify; this app does the writing.
        # Imported here, not at the top: services import models, which the app registry must
        # have loaded first.
        from .services import notification_create_many

        notifier_register(notification_create_many)
        from portal.core.cache import register_person_keys

        from .selectors import bell_count_cache_key

        # The bell is on every page: its count is read with the session (core/cache.py).
        register_person_keys(lambda user_id: (bell_count_cache_key(user_id),))
