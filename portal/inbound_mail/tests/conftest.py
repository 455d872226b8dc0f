import pytest

from portal.core.mail_addresses import reply_address
from portal.forum.tests.factories import make_thread


@pytest.fixture
def thread(colleague):
    return make_thread(author=colleague, title="Rådighed ved deltid", body="Hvordan gør I?")


@pytest.fixture
def address(caseworker, thread):
    """The caseworker's reply address for the thread, as a notification would carry it."""
    return reply_address(user_id=caseworker.pk, thread_id=thread.pk)
