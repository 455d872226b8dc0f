"""The hotline listens to the debate: a jurist's reply answers the thread's open case."""

from django.dispatch import receiver

from portal.forum.signals import post_created

from .services import hotline_case_answer


@receiver(post_created, dispatch_uid="hotline_answer_on_jurist_reply")
def answer_case_on_jurist_reply(sender, post, **kwargs):
    hotline_case_answer(post=post)
