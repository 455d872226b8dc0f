from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "portal.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        # core.access imports models, which the app registry must have loaded first.
        from portal.core.access import policy_register

        policy_register(kind="evaluation", module="portal.evaluation.access")

        from portal.core.context_processors import navigation_condition_register

        from .access import may_view

        navigation_condition_register("evaluation:dashboard", lambda user: may_view(user=user))
