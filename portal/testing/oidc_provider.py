"""A real OpenID Connect provider on loopback for tests: `oidc-provider` (npm) in a Node process.

Tests talk to a real identity provider rather than a mock (docs/DESIGN.md): the portal's single
sign-on goes through real redirects, a real login page, a real token endpoint and id_tokens
signed with RS256 keys published in a real JWKS. The provider is portal/testing/oidc_provider.mjs;
this module starts it, configures it over its admin endpoint and stops it.

    def test_sso(oidc_provider, live_server, page):
        client = oidc_provider.add_client(
            redirect_uris=[callback_url(live_server.url, "kommune")],
            post_logout_redirect_uris=[live_server.url + "/"],
        )
        account = oidc_provider.add_account(email="anna@kommune.example.dk")
        SocialApp.objects.create(
            provider="openid_connect", provider_id="kommune", name="Kommunen",
            client_id=client.client_id, secret=client.client_secret,
            settings=oidc_provider.social_app_settings(),
        )
        ...
        with oidc_provider.forging("wrong_iss"):
            ...  # the next id_token the token endpoint hands out has a wrong `iss`

Without Node.js or the npm package the tests that use it are skipped, with a banner at the end of
the run; with CI=true that is a failure.
"""

import json
import os
import secrets
import select
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

LOOPBACK = "127.0.0.1"
SCRIPT = Path(__file__).with_name("oidc_provider.mjs")
NODE_MISSING = (
    "OpenID Connect test provider unavailable: needs Node.js (`node`) and the npm package "
    "oidc-provider (`npm ci`, package.json devDependencies)"
)
# The forged id_tokens the provider can hand out instead of the real one (oidc_provider.mjs).
FORGERIES = ("wrong_key", "wrong_iss", "wrong_aud", "expired")
# The Danish NSIS levels of assurance (MitID Erhverv) that an account's `acr` claim carries.
_NSIS = "https://data.gov.dk/concept/core/nsis/loa/"
ACR_LOW, ACR_SUBSTANTIAL, ACR_HIGH = f"{_NSIS}Low", f"{_NSIS}Substantial", f"{_NSIS}High"
STARTUP_TIMEOUT = 20.0


class FormPage(HTMLParser):
    """The forms of a page: their controls (also those outside, by form="id"), and its labels."""

    def __init__(self, html: str):
        super().__init__()
        self.lang = None
        self.forms: dict[str, dict] = {}
        self.controls: list[dict] = []
        self.labels: set[str] = set()
        self._form: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "form":
            self._form = attrs.get("id") or f"form{len(self.forms)}"
            self.forms[self._form] = attrs
        elif tag in ("input", "button"):
            self.controls.append({**attrs, "tag": tag, "form": attrs.get("form") or self._form})
        elif tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None

    def fields(self, form: str) -> dict[str, str]:
        """What a browser submits for `form`: its inputs (the pressed button adds its own)."""
        return {
            control["name"]: control.get("value", "")
            for control in self.controls
            if control["tag"] == "input" and control["form"] == form and control.get("name")
        }


def sign_in_without_browser(authorization_url: str, account, *, stop_at: str) -> str:
    """Follow a relying party's authorization URL to the provider's login page, sign in as
    `account` and follow the redirects until one points at `stop_at` (the relying party's
    callback, which the caller then requests): that URL. For tests that drive the portal with
    Django's test client; the browser tests click through the same pages."""
    import requests

    session = requests.Session()

    def follow(url: str):
        for _ in range(10):
            if url.startswith(stop_at):
                return url
            response = session.get(url, allow_redirects=False)
            if response.status_code not in (302, 303):
                return response
            url = urljoin(url, response.headers["Location"])
        raise AssertionError("too many redirects")

    login_page = follow(authorization_url)
    if isinstance(login_page, str):  # already signed in at the provider
        return login_page
    page = FormPage(login_page.text)
    (form_id,) = [name for name, attrs in page.forms.items() if attrs.get("method") == "post"]
    data = page.fields(form_id)
    data.update(username=account.username, password=account.password)
    action = urljoin(login_page.url, page.forms[form_id]["action"])
    response = session.post(action, data=data, allow_redirects=False)
    assert response.status_code == 303, response.text[:300]
    landed = follow(urljoin(action, response.headers["Location"]))
    assert isinstance(landed, str), landed.text[:300]
    return landed


def node_modules() -> Path:
    from django.conf import settings

    return Path(settings.NODE_MODULES)


def oidc_provider_missing() -> bool:
    package = node_modules() / "oidc-provider" / "package.json"
    return shutil.which("node") is None or not package.exists()


def oidc_tests_must_run() -> bool:
    """In CI a missing Node.js or oidc-provider is a failure, not a skip."""
    return os.environ.get("CI", "").lower() == "true"


def callback_url(base_url: str, provider_id: str) -> str:
    """The portal's redirect URI for an OpenID Connect SocialApp (allauth under /konto/)."""
    return f"{base_url.rstrip('/')}/konto/oidc/{provider_id}/login/callback/"


@dataclass(frozen=True)
class OidcClient:
    """A client (relying party) registered at the provider: one organisation's SocialApp."""

    client_id: str
    client_secret: str
    redirect_uris: tuple[str, ...]
    post_logout_redirect_uris: tuple[str, ...]
    token_endpoint_auth_method: str


@dataclass(frozen=True)
class OidcAccount:
    """A person who can log in at the provider; `claims` are what its tokens and userinfo say."""

    username: str
    password: str
    acr: str
    claims: dict = field(hash=False)

    @property
    def sub(self) -> str:
        return self.claims["sub"]

    @property
    def email(self) -> str | None:
        return self.claims.get("email")


class OidcProvider:
    """oidc-provider on 127.0.0.1 and a port the OS picks; the issuer is http://127.0.0.1:<port>."""

    def __init__(self, host: str = LOOPBACK):
        self.host = host
        self.port: int | None = None
        self.issuer: str = ""
        self.startup_seconds: float | None = None
        self._admin_token = secrets.token_urlsafe(24)
        self._process: subprocess.Popen | None = None
        self._workdir: tempfile.TemporaryDirectory | None = None
        self._log_path: Path | None = None

    # Lifecycle -------------------------------------------------------------------------------

    def start(self) -> "OidcProvider":
        started = time.monotonic()
        self._workdir = tempfile.TemporaryDirectory(prefix="oidc-provider-")
        workdir = Path(self._workdir.name)
        config_path = workdir / "config.json"
        config = {
            "host": self.host,
            "port": 0,
            "admin_token": self._admin_token,
            "node_modules": str(node_modules()),
        }
        config_path.write_text(json.dumps(config), encoding="utf-8")
        self._log_path = workdir / "provider.log"
        with self._log_path.open("wb") as log:
            self._process = subprocess.Popen(  # noqa: S603 (our own script, fixed arguments)
                [shutil.which("node") or "node", str(SCRIPT), str(config_path)],
                stdout=subprocess.PIPE,
                stderr=log,
                stdin=subprocess.DEVNULL,
            )
        ready = self._read_ready_line(started + STARTUP_TIMEOUT)
        self.port = ready["port"]
        self.issuer = ready["issuer"]
        self._wait_for_discovery(started + STARTUP_TIMEOUT)
        self.startup_seconds = time.monotonic() - started
        return self

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=5)
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None

    def __enter__(self) -> "OidcProvider":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def log(self) -> str:
        """What the Node process wrote on stderr (warnings, errors in the login page)."""
        if self._log_path is None or not self._log_path.exists():
            return ""
        return self._log_path.read_text(encoding="utf-8", errors="replace")

    def _read_ready_line(self, deadline: float) -> dict:
        assert self._process is not None and self._process.stdout is not None
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                break
            readable, _, _ = select.select([self._process.stdout], [], [], 0.1)
            if readable:
                line = self._process.stdout.readline()
                if line:
                    ready = json.loads(line)
                    if ready.get("ready"):
                        return ready
        raise RuntimeError(f"The OpenID Connect test provider did not start:\n{self.log()}")

    def _wait_for_discovery(self, deadline: float) -> None:
        while True:
            try:
                self.discovery()
                return
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    # What a relying party sees -----------------------------------------------------------------

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def discovery(self) -> dict:
        return self._get_json(self.discovery_url)

    def jwks(self) -> dict:
        return self._get_json(self.discovery()["jwks_uri"])

    def social_app_settings(self, **extra) -> dict:
        """`SocialApp.settings` for allauth's openid_connect provider pointing here."""
        return {"server_url": self.issuer, **extra}

    # Configuration while it runs ---------------------------------------------------------------

    def add_client(
        self,
        *,
        redirect_uris: Sequence[str],
        post_logout_redirect_uris: Sequence[str] = (),
        client_id: str | None = None,
        client_secret: str | None = None,
        token_endpoint_auth_method: str = "client_secret_post",  # noqa: S107 (a method name)
        client_name: str | None = None,
    ) -> OidcClient:
        client = OidcClient(
            client_id=client_id or f"portal-{uuid.uuid4().hex[:12]}",
            client_secret=client_secret or secrets.token_urlsafe(32),
            redirect_uris=tuple(redirect_uris),
            post_logout_redirect_uris=tuple(post_logout_redirect_uris),
            token_endpoint_auth_method=token_endpoint_auth_method,
        )
        self._admin(
            "clients",
            {
                "client_id": client.client_id,
                "client_secret": client.client_secret,
                "client_name": client_name or client.client_id,
                "redirect_uris": list(client.redirect_uris),
                "post_logout_redirect_uris": list(client.post_logout_redirect_uris),
                "token_endpoint_auth_method": client.token_endpoint_auth_method,
            },
        )
        return client

    def add_account(
        self,
        *,
        email: str,
        password: str = "idp-adgangskode-1",  # noqa: S107 (a test account's)
        username: str | None = None,
        sub: str | None = None,
        email_verified: bool = True,
        name: str | None = None,
        given_name: str | None = None,
        family_name: str | None = None,
        groups: Sequence[str] = (),
        roles: Sequence[str] = (),
        acr: str = ACR_SUBSTANTIAL,
        **claims,
    ) -> OidcAccount:
        """A person at the provider. Released claims: sub; email, email_verified (scope email);
        name, given_name, family_name, preferred_username, groups, roles, organisation (profile).
        Other claims are kept but not released. `acr` goes in the id_token."""
        given_name = given_name if given_name is not None else email.split("@")[0].capitalize()
        family_name = family_name if family_name is not None else "Testesen"
        all_claims = {
            "sub": sub or str(uuid.uuid4()),
            "email": email,
            "email_verified": email_verified,
            "name": name if name is not None else f"{given_name} {family_name}",
            "given_name": given_name,
            "family_name": family_name,
            "groups": list(groups),
            "roles": list(roles),
            **claims,
        }
        account = OidcAccount(
            username=username or email, password=password, acr=acr, claims=all_claims
        )
        self._admin(
            "accounts",
            {
                "username": account.username,
                "password": account.password,
                "acr": account.acr,
                "claims": account.claims,
            },
        )
        return account

    def forge(self, forgery: str | None) -> None:
        """From now on, every id_token from the token endpoint is forged this way (None: real).

        wrong_key: signed with an RSA key not in the JWKS (same kid); wrong_iss, wrong_aud,
        expired: that claim changed, properly signed with the provider's key.
        """
        if forgery is not None and forgery not in FORGERIES:
            raise ValueError(f"Unknown forgery {forgery!r}; one of {FORGERIES}")
        self._admin("settings", {"forge": forgery})

    @contextmanager
    def forging(self, forgery: str) -> Iterator[None]:
        self.forge(forgery)
        try:
            yield
        finally:
            self.forge(None)

    def auto_confirm_logout(self, enabled: bool = True) -> None:
        """Whether the end_session page submits itself ("Ja, log mig ud") without a click."""
        self._admin("settings", {"auto_confirm_logout": enabled})

    def token_requests(self) -> list[dict]:
        """The token endpoint's successful requests: client_id, auth_method, pkce, forged."""
        return self._admin("log", None)

    def reset(self) -> None:
        """Back to real id_tokens and a logout page that asks (clients and accounts stay)."""
        self._admin("settings", {"forge": None, "auto_confirm_logout": False})

    # HTTP --------------------------------------------------------------------------------------

    def _get_json(self, url: str) -> dict:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (http loopback)
            return json.load(response)

    def _admin(self, name: str, payload: dict | None):
        request = urllib.request.Request(  # noqa: S310 (http loopback)
            f"{self.issuer}/__admin/{name}",
            data=None if payload is None else json.dumps(payload).encode(),
            method="GET" if payload is None else "POST",
            headers={
                "Authorization": f"Bearer {self._admin_token}",
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                return json.load(response)
        except urllib.error.HTTPError as error:
            raise RuntimeError(
                f"OpenID Connect test provider refused {name}: {error.read().decode()}\n"
                f"{self.log()}"
            ) from error


def _skip_or_fail_without_node() -> None:
    if oidc_provider_missing():
        if oidc_tests_must_run():
            pytest.fail(f"{NODE_MISSING} (CI=true: these tests must run)", pytrace=False)
        pytest.skip(NODE_MISSING)


@pytest.fixture(scope="module")
def oidc_provider_server() -> Iterator[OidcProvider]:
    """One provider process per test module (starting Node and making RSA keys takes ~1 s)."""
    _skip_or_fail_without_node()
    with OidcProvider() as provider:
        yield provider


@pytest.fixture
def oidc_provider(oidc_provider_server) -> Iterator[OidcProvider]:
    """The module's provider, with forgeries and automatic logout switched off after each test.

    Clients and accounts added by earlier tests of the module stay; give each test its own.
    """
    oidc_provider_server.reset()
    yield oidc_provider_server
    oidc_provider_server.reset()


@pytest.fixture
def oidc_provider_factory() -> Iterator:
    """Start more providers in one test (two organisations, each with its own IdP)."""
    _skip_or_fail_without_node()
    started: list[OidcProvider] = []

    def start() -> OidcProvider:
        provider = OidcProvider()
        started.append(provider)
        return provider.start()

    yield start
    for provider in started:
        provider.stop()


def pytest_terminal_summary(terminalreporter) -> None:
    """A banner nobody can miss when the OpenID Connect tests were skipped for want of Node."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if NODE_MISSING in str(report.longrepr)
    ]
    if not skipped:
        return
    terminalreporter.write_sep("!", red=True, bold=True)
    terminalreporter.write_line(
        f"OPENID CONNECT TESTS SKIPPED: {NODE_MISSING}", red=True, bold=True
    )
    terminalreporter.write_line(f"({len(skipped)} tests did not run)", red=True, bold=True)
    terminalreporter.write_sep("!", red=True, bold=True)
