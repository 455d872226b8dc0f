"""Outside demo mode load_demo refuses and writes nothing (its own module: the other load_demo
tests share one load per module)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from portal.core.models import Organisation, User

pytestmark = pytest.mark.django_db


def test_load_demo_refuses_outside_demo_mode_and_creates_nothing(settings):
    settings.DEMO = False
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=StringIO())
    assert not User.objects.exists()
    assert not Organisation.objects.exists()
