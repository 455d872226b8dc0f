from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from portal.api.models import ApiToken, hash_token
from portal.conftest import make_user

pytestmark = pytest.mark.django_db


def test_create_api_token_prints_only_the_token(client, caseworker):
    out = StringIO()
    call_command("create_api_token", caseworker.email, "--name", "Fagsystem", stdout=out)
    key = out.getvalue().removesuffix("\n")
    assert out.getvalue() == key + "\n"
    token = ApiToken.objects.get(user=caseworker)
    assert token.key_hash == hash_token(key)
    assert token.name == "Fagsystem"
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert response.json()["email"] == caseworker.email


def test_create_api_token_finds_the_user_whatever_the_case(caseworker):
    out = StringIO()
    call_command("create_api_token", caseworker.email.upper(), stdout=out)
    assert ApiToken.objects.filter(user=caseworker).count() == 1


def test_create_api_token_for_an_unknown_user_fails_and_creates_nothing(caseworker):
    with pytest.raises(CommandError, match="nobody@example.dk"):
        call_command("create_api_token", "nobody@example.dk", stdout=StringIO())
    assert not ApiToken.objects.exists()


def test_create_api_token_for_an_unapproved_user_fails_and_creates_nothing(fund):
    person = make_user(organisation=fund, approved_at=None)
    with pytest.raises(CommandError, match=person.email):
        call_command("create_api_token", person.email, stdout=StringIO())
    assert not ApiToken.objects.exists()
