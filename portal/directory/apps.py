from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from portal.core.text import register_sqlite_function


class DirectoryConfig(AppConfig):
    name = "portal.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self):
        connection_created.connect(register_sqlite_function, dispatch_uid="directory_fold")
        from portal.core.experts import expert_finder_register

        from . import selectors

        expert_finder_register(selectors.person_experts)
