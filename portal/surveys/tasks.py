"""Queue entry points of the user survey: the round's chunks, and the resume of a round whose
chunk task was lost (a killed worker)."""

from datetime import timedelta

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from . import selectors, services

# A round with people not handled this long after sending lost a chunk task.
RESUME_AFTER = timedelta(minutes=10)


@db_task()
def survey_send_round(survey_id: int):
    for chunk in services.recipient_chunks(services.survey_waiting(survey_id=survey_id)):
        survey_send_chunk(survey_id, chunk)


@db_task(retries=2, retry_delay=60)
def survey_send_chunk(survey_id: int, user_ids: list[int]):
    return services.survey_send_chunk(survey_id=survey_id, user_ids=user_ids)


@db_periodic_task(crontab(minute="*/5"))
def surveys_resume():
    """Chunks re-take only people not yet handled, under the survey's row lock: nobody gets
    a second copy."""
    for survey_id in selectors.survey_ids_waiting(sent_before=timezone.now() - RESUME_AFTER):
        survey_send_round(survey_id)
