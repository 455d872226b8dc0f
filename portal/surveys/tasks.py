"""Queue entry points of the user survey: the round's chunks."""

from huey.contrib.djhuey import db_task

from . import services


@db_task()
def survey_send_round(survey_id: int):
    for chunk in services.recipient_chunks(services.survey_waiting(survey_id=survey_id)):
        survey_send_chunk(survey_id, chunk)


@db_task(retries=2, retry_delay=60)
def survey_send_chunk(survey_id: int, user_ids: list[int]):
    return services.survey_send_chunk(survey_id=survey_id, user_ids=user_ids)
