import pytest

from portal.api.services import api_token_create


@pytest.fixture
def token_for():
    """token_for(user) → a new API token (the full key) for that user."""

    def _token_for(user, name="Test"):
        _token, key = api_token_create(user=user, name=name)
        return key

    return _token_for
