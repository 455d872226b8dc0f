import pytest

from portal.api.models import ApiToken, hash_token
from portal.api.services import api_token_create, api_token_revoke
from portal.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_api_token_create_stores_only_the_hash_and_a_short_prefix(caseworker):
    token, key = api_token_create(user=caseworker, name="  Fagsystem  ")
    assert key.startswith("sp_")
    assert len(key) >= 40
    token.refresh_from_db()
    assert token.name == "Fagsystem"
    assert token.key_hash == hash_token(key)
    assert token.prefix == key[:8]
    stored = [str(value) for value in ApiToken.objects.values_list().get()]
    assert key not in stored


def test_every_token_is_different(caseworker):
    keys = {api_token_create(user=caseworker, name="x")[1] for _ in range(5)}
    assert len(keys) == 5


def test_api_token_create_records_an_audit_event_without_the_secret(caseworker):
    token, key = api_token_create(user=caseworker, name="Fagsystem")
    event = AuditEvent.objects.get(action=AuditEvent.Action.TOKEN_CREATED)
    assert event.subject_user == caseworker
    assert event.organisation == caseworker.organisation
    assert event.detail["token_id"] == token.pk
    assert key not in str(event.detail)


def test_api_token_revoke_marks_the_token_and_records_it_once(caseworker):
    token, _key = api_token_create(user=caseworker, name="Fagsystem")
    api_token_revoke(user=caseworker, token_id=token.pk)
    api_token_revoke(user=caseworker, token_id=token.pk)
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEvent.objects.filter(action=AuditEvent.Action.TOKEN_REVOKED).count() == 1


def test_api_token_revoke_refuses_someone_elses_token(caseworker, fund_admin):
    token, _key = api_token_create(user=caseworker, name="Fagsystem")
    with pytest.raises(ApiToken.DoesNotExist):
        api_token_revoke(user=fund_admin, token_id=token.pk)
    token.refresh_from_db()
    assert token.revoked_at is None
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.TOKEN_REVOKED).exists()
