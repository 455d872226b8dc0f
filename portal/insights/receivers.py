"""What insights counts of the debate: it hears of each opening of a thread's page."""

from django.dispatch import receiver

from portal.forum.signals import thread_viewed

from .services import thread_read_record


@receiver(thread_viewed)
def count_thread_read(sender, *, thread_id: int, **kwargs) -> None:
    thread_read_record(thread_id=thread_id)
