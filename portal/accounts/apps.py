from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Imported when the app registry is ready: the modules import models. user_cache's
        # receivers forget a cached person on every change, in any process (web, queue, commands).
        from . import signals, user_cache  # noqa: F401
