import pytest

from portal.sso import services

from .saml_idp import metadata_xml

# python3-saml refuses single-label hosts such as Django's "testserver".
HOST = "portal.test.example"


@pytest.fixture(autouse=True)
def _portal_host(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]


@pytest.fixture(autouse=True)
def _small_sp_keys(monkeypatch):
    """2048-bit SP keys in tests: generating 3072-bit ones takes most of a test's time."""
    monkeypatch.setattr(services, "SP_KEY_BITS", 2048)


@pytest.fixture
def saml_idp(fund):
    fund.cvr = "12345678"
    fund.save(update_fields=["cvr"])
    return services.identity_provider_add_saml(
        organisation=fund, by=None, metadata_xml=metadata_xml(), name="3F AD FS"
    )


@pytest.fixture
def client_factory():
    """Another browser: its own cookies, its own session."""
    from django.test import Client

    return lambda: Client(HTTP_HOST=HOST)


@pytest.fixture
def client():
    """A browser sends Host; python3-saml builds the URLs it checks from it."""
    from django.test import Client

    return Client(HTTP_HOST=HOST)
