"""Guides made through the service, as editors make them; threads made directly."""

from portal.core.tests.factories import TopicFactory
from portal.guides.services import guide_create
from portal.hotline.tests.factories import accept_answer, make_question, make_reply

__all__ = ["accept_answer", "make_guide", "make_question", "make_reply"]


def make_guide(*, by, title="Aktivering af ledige over 50", references="", body=None, **extra):
    return guide_create(
        by=by,
        title=title,
        topic=extra.pop("topic", None) or TopicFactory(),
        body=body or "Sådan gør du, trin for trin.",
        law_references_text=references,
        **extra,
    )
