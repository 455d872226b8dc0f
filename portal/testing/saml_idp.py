"""A real SAML 2.0 identity provider on loopback for tests: pysaml2's IdP behind a WSGI server.

The SSO tests run against a real IdP through the real redirects (issue 16), like the SMTP tests
run against a real SMTP server: the IdP publishes real metadata, parses the service provider's
real AuthnRequest (and checks its signature when it wants signed requests), shows a login page
the browser fills in, and POSTs a real signed (optionally encrypted) SAML Response to the SP's
ACS. For the refusal tests it can break the response on purpose: unsigned, signed with another
key, edited after signing, wrong audience or recipient, expired, or the previous bytes again.

Usage (browser test; `live_server` is the portal):

    idp = saml_idp  # the fixture: started, stopped at the end of the test
    idp.set_sp(metadata_url=live_server.url + "/konto/saml/acme/metadata/")
    idp.add_user("anna", oiosaml_attributes(email="anna@acme.dk", cvr="12345678"),
                 password="hemmelig")
    ... the SocialApp's settings point at idp.metadata_url / idp.entity_id ...
    page.goto(live_server.url + "/konto/saml/acme/login/")  # → the IdP's login page
    page.get_by_label("Brugernavn").fill("anna"); page.get_by_label("Adgangskode").fill(...)
    page.get_by_role("button", name="Log ind").click()  # → auto-POST to the portal's ACS

    idp.next_response(audience="https://someone-else")  # the next response only
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import html
import secrets
import shutil
import tempfile
import threading
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

from portal.testing.browser import browser_tests_must_run

LOOPBACK = "127.0.0.1"
XMLSEC1 = Path("/usr/bin/xmlsec1")
XMLSEC1_MISSING = (
    f"xmlsec1 not found at {XMLSEC1}; install the Debian package xmlsec1 "
    "(the test SAML identity provider, pysaml2, signs and encrypts with it)"
)

# Attribute names (OIOSAML 3 / NemLog-in / KOMBIT Context Handler as given in issue 16). The
# portal maps them through the SocialApp's attribute_mapping, so they stay configurable there;
# these are the defaults the tests send.
ATTR_EMAIL = "urn:oid:0.9.2342.19200300.100.1.3"
ATTR_FULL_NAME = "https://data.gov.dk/model/core/eid/fullName"
ATTR_CN = "urn:oid:2.5.4.3"
ATTR_CVR = "https://data.gov.dk/model/core/eid/professional/cvr"
ATTR_LOA = "https://data.gov.dk/concept/core/nsis/loa"
ATTR_RID = "https://data.gov.dk/model/core/eid/professional/rid"
ATTR_GROUPS = "http://schemas.xmlsoap.org/claims/Group"

NAME_FORMAT_URI = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri"
NAMEID_PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
NAMEID_TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"
AUTHN_PASSWORD = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
TAMPERED_EMAIL = "mallory@angriber.example"
DEFAULT_PASSWORD = "korrekt-hest-batteri"


def xmlsec1_missing() -> bool:
    return not XMLSEC1.exists()


def oiosaml_attributes(
    *,
    email: str,
    full_name: str = "Anna Andersen",
    cvr: str | None = None,
    loa: str = "Substantial",
    groups: list[str] | None = None,
    rid: str | None = None,
) -> dict[str, list[str]]:
    """The attributes an OIOSAML 3 IdP (NemLog-in, Context Handler) asserts for an employee."""
    attributes = {
        ATTR_EMAIL: [email],
        ATTR_FULL_NAME: [full_name],
        ATTR_CN: [full_name],
        ATTR_LOA: [loa],
    }
    if cvr is not None:
        attributes[ATTR_CVR] = [cvr]
    if rid is not None:
        attributes[ATTR_RID] = [rid]
    if groups:
        attributes[ATTR_GROUPS] = list(groups)
    return attributes


@dataclass
class ResponseOptions:
    """How the IdP builds a SAML Response; the defaults make a good one.

    Tampering (each for a refusal test): `unsigned` signs nothing; `wrong_key` signs with a key
    that is not the one in the metadata; `tamper_after_signing` edits the email value after
    signing (True: TAMPERED_EMAIL; a str: that value); `audience`, `recipient` (the
    SubjectConfirmationData Recipient) and `destination` (the Response's Destination) replace
    the true values; `not_on_or_after` (Conditions and SubjectConfirmationData) and
    `issue_instant` (Response, Assertion, AuthnInstant) set those times, e.g. in the past;
    `replay` answers with exactly the previous Response bytes; `in_response_to` replaces the
    AuthnRequest's ID ("" for an unsolicited response); `attributes` replaces the user's.
    """

    sign_response: bool = True
    sign_assertion: bool = True
    encrypt_assertion: bool = False
    unsigned: bool = False
    wrong_key: bool = False
    tamper_after_signing: bool | str = False
    audience: str | None = None
    recipient: str | None = None
    destination: str | None = None
    not_on_or_after: dt.datetime | None = None
    issue_instant: dt.datetime | None = None
    replay: bool = False
    in_response_to: str | None = None
    attributes: dict[str, list[str]] | None = None
    authn_context: str = AUTHN_PASSWORD


@dataclass
class IdpUser:
    username: str
    attributes: dict[str, list[str]]
    password: str
    name_id: str  # the persistent NameID the IdP asserts for this user


@dataclass
class IdpSession:
    """A login the IdP issued: what an IdP-initiated LogoutRequest names."""

    username: str
    sp_entity_id: str
    name_id: str
    name_id_format: str
    session_index: str


@dataclass
class ReceivedRequest:
    """One HTTP request the IdP received, with the SAML message in it decoded (if any)."""

    method: str
    path: str
    params: dict[str, str]
    kind: str = ""  # AuthnRequest, LogoutRequest, LogoutResponse, login, metadata
    xml: str = ""


@dataclass
class SamlPost:
    """A SAML Response as the browser would POST it: url, SAMLResponse (base64), RelayState."""

    url: str
    saml_response: str
    relay_state: str = ""
    xml: str = ""

    @property
    def data(self) -> dict[str, str]:
        data = {"SAMLResponse": self.saml_response}
        if self.relay_state:
            data["RelayState"] = self.relay_state
        return data


@dataclass
class _Pending:
    """An AuthnRequest waiting for the user to log in."""

    sp_entity_id: str
    acs_url: str
    request_id: str
    relay_state: str
    name_id_format: str = ""
    extra: dict = field(default_factory=dict)


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def _keypair(directory: Path, name: str, common_name: str) -> tuple[Path, Path]:
    """A fresh RSA key and self-signed certificate, written as PEM files."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_path = directory / f"{name}.key"
    cert_path = directory / f"{name}.crt"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def generate_keypair(directory: Path | str, name: str = "sp") -> tuple[str, str]:
    """(private key PEM, certificate PEM) of a fresh key pair, e.g. for an SP's settings."""
    key_path, cert_path = _keypair(Path(directory), name, f"{name}.test")
    return key_path.read_text(), cert_path.read_text()


def _pem_body(pem: str) -> str:
    """A certificate as base64 without the PEM armour (as metadata and SocialApp settings carry)."""
    return "".join(line for line in pem.strip().splitlines() if "-----" not in line)


def _saml_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _make_server_class():
    """pysaml2's IdP Server with a hook that applies the tamper options to each Assertion."""
    from saml2 import saml
    from saml2.server import Server

    class TamperingServer(Server):
        options: ResponseOptions = ResponseOptions()
        acs_url: str = ""
        last_session_index: str = ""

        def setup_assertion(self, *args, **kwargs):
            assertion = super().setup_assertion(*args, **kwargs)
            if not isinstance(assertion, saml.Assertion):
                return assertion
            options = self.options
            for statement in assertion.attribute_statement:
                for attribute in statement.attribute:
                    attribute.name_format = attribute.name_format or NAME_FORMAT_URI
            for confirmation in assertion.subject.subject_confirmation:
                data = confirmation.subject_confirmation_data
                data.recipient = options.recipient or self.acs_url
                if options.not_on_or_after is not None:
                    data.not_on_or_after = _saml_time(options.not_on_or_after)
            conditions = assertion.conditions
            if options.audience is not None:
                conditions.audience_restriction[0].audience[0].text = options.audience
            if options.not_on_or_after is not None:
                conditions.not_on_or_after = _saml_time(options.not_on_or_after)
                conditions.not_before = _saml_time(
                    options.not_on_or_after - dt.timedelta(minutes=5)
                )
            if options.issue_instant is not None:
                assertion.issue_instant = _saml_time(options.issue_instant)
                for statement in assertion.authn_statement:
                    statement.authn_instant = _saml_time(options.issue_instant)
            self.last_session_index = assertion.authn_statement[0].session_index
            return assertion

    return TamperingServer


class SamlIdp:
    """A SAML 2.0 IdP on 127.0.0.1 and a free port (start()/stop() or a `with` block).

    It learns the SP from `sp_metadata_url` (fetched when the first SAML request arrives, or on
    the first login_response()) or from `sp_metadata_xml`; set_sp() changes it later.
    """

    def __init__(
        self,
        *,
        sp_metadata_url: str | None = None,
        sp_metadata_xml: str | None = None,
        host: str = LOOPBACK,
        want_authn_requests_signed: bool = False,
        name_id_format: str = NAMEID_PERSISTENT,
        auto_login: str | None = None,
        lifetime_minutes: int = 5,
        sign_logout_messages: bool = True,
    ):
        self.host = host
        self.port: int | None = None
        self._want_authn_requests_signed = want_authn_requests_signed
        self.name_id_format = name_id_format
        self.auto_login = auto_login
        self.lifetime_minutes = lifetime_minutes
        self.sign_logout_messages = sign_logout_messages
        self.options = ResponseOptions()  # every response; next_response() for one only
        self.users: dict[str, IdpUser] = {}
        self.sessions: dict[str, IdpSession] = {}  # by username: the latest login
        self.requests: list[ReceivedRequest] = []
        self.last_response_xml: str = ""
        self.last_response: SamlPost | None = None
        self._sp_metadata_url = sp_metadata_url
        self._sp_metadata_xml = sp_metadata_xml
        self._next: ResponseOptions | None = None
        self._pending: dict[str, _Pending] = {}
        self._lock = threading.RLock()
        self._server = None
        self._wrong_key_server = None
        self._httpd: WSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._tmp: Path | None = None
        self._instance = secrets.token_hex(6)

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> SamlIdp:
        if xmlsec1_missing():
            raise RuntimeError(XMLSEC1_MISSING)
        self._tmp = Path(tempfile.mkdtemp(prefix="saml-idp-"))
        self.key_file, self.cert_file = _keypair(self._tmp, "idp", "idp.test")
        self.enc_key_file, self.enc_cert_file = _keypair(self._tmp, "idp-enc", "idp-enc.test")
        self.wrong_key_file, self.wrong_cert_file = _keypair(self._tmp, "other", "idp.test")
        self._httpd = make_server(
            self.host, 0, self._wsgi, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
        )
        self.port = self._httpd.server_port
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="saml-idp", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> SamlIdp:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    @property
    def want_authn_requests_signed(self) -> bool:
        return self._want_authn_requests_signed

    @want_authn_requests_signed.setter
    def want_authn_requests_signed(self, value: bool) -> None:
        """Settable between requests: pysaml2 is rebuilt with the new setting."""
        with self._lock:
            self._want_authn_requests_signed = value
            self._server = self._wrong_key_server = None

    # -- what the SP's configuration needs --------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def entity_id(self) -> str:
        return self.base_url + "/metadata"

    @property
    def metadata_url(self) -> str:
        """Where the metadata is served: the entity id plus a query unique to this instance,
        because allauth caches parsed IdP metadata by URL (Django cache, 4 h) and a later test's
        IdP may get the same port with new keys."""
        return f"{self.entity_id}?instance={self._instance}"

    @property
    def sso_url(self) -> str:
        """The SSO endpoint, HTTP-Redirect binding (sso_url in a SocialApp's idp settings)."""
        return self.base_url + "/sso/redirect"

    @property
    def sso_post_url(self) -> str:
        return self.base_url + "/sso/post"

    @property
    def slo_url(self) -> str:
        return self.base_url + "/slo/redirect"

    @property
    def x509cert(self) -> str:
        """The signing certificate, base64 without PEM armour (x509cert in the idp settings)."""
        return _pem_body(Path(self.cert_file).read_text())

    @property
    def metadata_xml(self) -> str:
        from saml2.metadata import create_metadata_string

        return create_metadata_string(None, config=self._config(), valid=24).decode()

    def socialapp_idp_settings(self, *, use_metadata_url: bool = True) -> dict:
        """The "idp" part of an allauth SAML SocialApp's settings for this IdP."""
        if use_metadata_url:
            return {"entity_id": self.entity_id, "metadata_url": self.metadata_url}
        return {
            "entity_id": self.entity_id,
            "sso_url": self.sso_url,
            "slo_url": self.slo_url,
            "x509cert": self.x509cert,
        }

    # -- telling it things ------------------------------------------------------------------

    def set_sp(self, *, metadata_url: str | None = None, metadata_xml: str | None = None) -> None:
        """The service provider to trust: its metadata URL (fetched lazily) or its metadata."""
        with self._lock:
            self._sp_metadata_url = metadata_url
            self._sp_metadata_xml = metadata_xml
            self._server = self._wrong_key_server = None

    def add_user(
        self, username: str, attributes: dict[str, list[str]], *, password: str = DEFAULT_PASSWORD
    ) -> IdpUser:
        user = IdpUser(
            username=username,
            attributes={name: list(values) for name, values in attributes.items()},
            password=password,
            name_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.entity_id}#{username}")),
        )
        with self._lock:
            self.users[username] = user
        return user

    def next_response(self, **options) -> None:
        """Options (ResponseOptions fields) for the next response only, on top of self.options."""
        names = {f.name for f in fields(ResponseOptions)}
        unknown = set(options) - names
        if unknown:
            raise TypeError(f"Unknown response options: {sorted(unknown)}")
        with self._lock:
            self._next = replace(self.options, **options)

    def requests_of(self, kind: str) -> list[ReceivedRequest]:
        return [r for r in self.requests if r.kind == kind]

    # -- pysaml2 ----------------------------------------------------------------------------

    def _sp_metadata(self) -> str:
        if self._sp_metadata_xml is None:
            if not self._sp_metadata_url:
                raise RuntimeError("The SAML IdP does not know the SP: call set_sp() first")
            with urllib.request.urlopen(self._sp_metadata_url, timeout=10) as answer:  # noqa: S310 - a test URL
                self._sp_metadata_xml = answer.read().decode()
        return self._sp_metadata_xml

    def _config(self, *, wrong_key: bool = False, with_sp: bool = False):
        from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
        from saml2.config import IdPConfig
        from saml2.saml import NAME_FORMAT_URI as PYSAML_URI

        conf = {
            "entityid": self.entity_id,
            "xmlsec_binary": str(XMLSEC1),
            "key_file": str(self.wrong_key_file if wrong_key else self.key_file),
            "cert_file": str(self.wrong_cert_file if wrong_key else self.cert_file),
            "encryption_keypairs": [
                {"key_file": str(self.enc_key_file), "cert_file": str(self.enc_cert_file)}
            ],
            "accepted_time_diff": 60,
            "service": {
                "idp": {
                    "name": "Test-IdP",
                    "endpoints": {
                        "single_sign_on_service": [
                            (self.sso_url, BINDING_HTTP_REDIRECT),
                            (self.sso_post_url, BINDING_HTTP_POST),
                        ],
                        "single_logout_service": [(self.slo_url, BINDING_HTTP_REDIRECT)],
                    },
                    "name_id_format": [NAMEID_PERSISTENT, NAMEID_TRANSIENT],
                    "want_authn_requests_signed": self.want_authn_requests_signed,
                    "sign_response": True,
                    "sign_assertion": True,
                    "policy": {
                        "default": {
                            "lifetime": {"minutes": self.lifetime_minutes},
                            "attribute_restrictions": None,
                            "name_form": PYSAML_URI,
                            "fail_on_missing_requested": False,
                        }
                    },
                }
            },
            "metadata": {"inline": [self._sp_metadata()]} if with_sp else {},
        }
        config = IdPConfig()
        config.load(copy.deepcopy(conf))
        return config

    def _pysaml(self, *, wrong_key: bool = False):
        with self._lock:
            if self._server is None:
                self._server = _make_server_class()(config=self._config(with_sp=True))
            if wrong_key and self._wrong_key_server is None:
                self._wrong_key_server = _make_server_class()(
                    config=self._config(with_sp=True, wrong_key=True)
                )
            return self._wrong_key_server if wrong_key else self._server

    def _sp_entity_id(self) -> str:
        server = self._pysaml()
        entity_ids = list(server.metadata.keys())
        if len(entity_ids) != 1:
            raise RuntimeError(f"Expected one SP in the metadata, found {entity_ids}")
        return entity_ids[0]

    def _sp_endpoint(self, service: str, binding: str, sp_entity_id: str) -> str:
        server = self._pysaml()
        if service == "single_logout_service":
            endpoints = server.metadata.single_logout_service(sp_entity_id, binding, "spsso")
        else:
            endpoints = server.metadata.assertion_consumer_service(sp_entity_id, binding)
        if not endpoints:
            raise RuntimeError(f"The SP's metadata has no {service} for {binding}")
        return endpoints[0]["location"]

    # -- responses --------------------------------------------------------------------------

    def _take_options(self, options: dict) -> ResponseOptions:
        with self._lock:
            chosen = self._next or self.options
            self._next = None
        return replace(chosen, **options) if options else chosen

    def login_response(
        self,
        username: str,
        *,
        in_response_to: str = "",
        acs_url: str | None = None,
        relay_state: str = "",
        **options,
    ) -> SamlPost:
        """A Response for `username` as the browser would POST it to the SP's ACS.

        Without in_response_to it is unsolicited (IdP-initiated); the SSO endpoint passes the
        AuthnRequest's ID. Keyword options are ResponseOptions fields for this response.
        """
        from saml2 import BINDING_HTTP_POST

        chosen = self._take_options(options)
        sp_entity_id = self._sp_entity_id()
        acs_url = acs_url or self._sp_endpoint(
            "assertion_consumer_service", BINDING_HTTP_POST, sp_entity_id
        )
        with self._lock:
            if chosen.replay:
                if self.last_response is None:
                    raise RuntimeError("replay=True but the IdP has sent no response yet")
                previous = self.last_response
                post = SamlPost(acs_url, previous.saml_response, relay_state, previous.xml)
                self.last_response = post
                return post
            xml = self._response_xml(
                username,
                sp_entity_id=sp_entity_id,
                acs_url=acs_url,
                in_response_to=in_response_to
                if chosen.in_response_to is None
                else chosen.in_response_to,
                options=chosen,
            )
            post = SamlPost(
                url=acs_url,
                saml_response=base64.b64encode(xml.encode()).decode(),
                relay_state=relay_state,
                xml=xml,
            )
            self.last_response_xml = xml
            self.last_response = post
            return post

    def _response_xml(
        self,
        username: str,
        *,
        sp_entity_id: str,
        acs_url: str,
        in_response_to: str,
        options: ResponseOptions,
    ) -> str:
        from saml2.saml import NameID

        user = self.users[username]
        server = self._pysaml(wrong_key=options.wrong_key)
        server.options = options
        server.acs_url = acs_url
        encrypt_cert = None
        if options.encrypt_assertion:
            certs = server.metadata.certs(sp_entity_id, "spsso", "encryption")
            if not certs:
                raise RuntimeError("encrypt_assertion=True but the SP publishes no encryption cert")
            encrypt_cert = certs[0][1]
            if not encrypt_cert.startswith("-----"):
                encrypt_cert = (
                    f"-----BEGIN CERTIFICATE-----\n{encrypt_cert}\n-----END CERTIFICATE-----\n"
                )
            if options.tamper_after_signing:
                raise ValueError("tamper_after_signing cannot edit an encrypted assertion")
        if self.name_id_format == NAMEID_TRANSIENT:
            name_id_text = "_" + secrets.token_hex(16)
        else:
            name_id_text = user.name_id
        name_id = NameID(
            format=self.name_id_format,
            text=name_id_text,
            name_qualifier=self.entity_id,
            sp_name_qualifier=sp_entity_id,
        )
        identity = options.attributes if options.attributes is not None else user.attributes
        signed = not options.unsigned
        # pysaml2 signs and builds; encryption is done here with xmlsec (AES-256-CBC, RSA-OAEP)
        # because pysaml2 7.5's signed-then-encrypted assertion does not verify after
        # decryption (digest mismatch) and it encrypts with 3DES; the Response is then signed
        # over the EncryptedAssertion.
        response = server.create_authn_response(
            {name: list(values) for name, values in identity.items()},
            in_response_to=in_response_to or None,
            destination=options.destination or acs_url,
            sp_entity_id=sp_entity_id,
            name_id=name_id,
            authn={"class_ref": options.authn_context, "authn_auth": self.entity_id},
            sign_response=signed and options.sign_response and not encrypt_cert,
            sign_assertion=signed and options.sign_assertion,
            encrypt_assertion=False,
            sign_alg=RSA_SHA256,
            digest_alg=SHA256,
        )
        xml = str(response)
        if encrypt_cert:
            key_file = self.wrong_key_file if options.wrong_key else self.key_file
            cert_file = self.wrong_cert_file if options.wrong_key else self.cert_file
            xml = _encrypt_assertion(xml, encrypt_cert)
            if signed and options.sign_response:
                xml = _sign_response(xml, key_file, cert_file)
        if options.issue_instant is not None:
            xml = _replace_response_issue_instant(xml, options.issue_instant, signed=signed)
        if options.tamper_after_signing:
            xml = _tamper_email(xml, user, identity, options.tamper_after_signing)
        self.sessions[username] = IdpSession(
            username=username,
            sp_entity_id=sp_entity_id,
            name_id=name_id_text,
            name_id_format=self.name_id_format,
            session_index=server.last_session_index,
        )
        return xml

    # -- logout -----------------------------------------------------------------------------

    def logout_request_url(self, username: str, *, relay_state: str = "") -> str:
        """An IdP-initiated LogoutRequest (HTTP-Redirect) for the user's last session: send
        the browser there; the SP logs the user out and answers at the IdP's /slo/redirect."""
        from saml2 import BINDING_HTTP_REDIRECT
        from saml2.saml import NameID

        session = self.sessions[username]
        server = self._pysaml()
        destination = self._sp_endpoint(
            "single_logout_service", BINDING_HTTP_REDIRECT, session.sp_entity_id
        )
        with self._lock:
            _, request = server.create_logout_request(
                destination,
                session.sp_entity_id,
                name_id=NameID(
                    format=session.name_id_format,
                    text=session.name_id,
                    name_qualifier=self.entity_id,
                    sp_name_qualifier=session.sp_entity_id,
                ),
                session_indexes=[session.session_index],
                sign=False,
            )
            info = server.apply_binding(
                BINDING_HTTP_REDIRECT,
                str(request),
                destination,
                relay_state,
                sign=self.sign_logout_messages,
                sigalg=RSA_SHA256,
            )
        return dict(info["headers"])["Location"]

    # -- HTTP -------------------------------------------------------------------------------

    def _wsgi(self, environ, start_response):
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "")
        params = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if method == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length).decode()
            params.update({k: v[0] for k, v in parse_qs(body).items()})
        received = ReceivedRequest(method=method, path=path, params=params)
        self.requests.append(received)
        try:
            if path == "/metadata":
                received.kind = "metadata"
                return _answer(start_response, "200 OK", self.metadata_xml, "text/xml")
            if path in ("/sso/redirect", "/sso/post"):
                return self._sso(environ, start_response, received)
            if path == "/login" and method == "POST":
                return self._login(start_response, received)
            if path == "/slo/redirect":
                return self._slo(start_response, received)
        except Exception as exc:  # the test reads the reason in the page and idp.requests
            received.kind = received.kind or "error"
            return _answer(
                start_response,
                "400 Bad Request",
                _page("Fejl hos identitetsudbyderen", f"<p>{html.escape(repr(exc))}</p>"),
            )
        return _answer(start_response, "404 Not Found", _page("Ikke fundet", "<p>Ikke fundet</p>"))

    def _sso(self, environ, start_response, received: ReceivedRequest):
        from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT

        received.kind = "AuthnRequest"
        params = received.params
        binding = BINDING_HTTP_REDIRECT if received.path == "/sso/redirect" else BINDING_HTTP_POST
        server = self._pysaml()
        with self._lock:
            parsed = server.parse_authn_request(
                params["SAMLRequest"],
                binding,
                relay_state=params.get("RelayState"),
                sigalg=params.get("SigAlg"),
                signature=params.get("Signature"),
            )
        if parsed is None:
            raise ValueError("The AuthnRequest did not verify")
        received.xml = parsed.xmlstr.decode() if isinstance(parsed.xmlstr, bytes) else parsed.xmlstr
        message = parsed.message
        sp_entity_id = message.issuer.text
        acs_url = message.assertion_consumer_service_url or self._sp_endpoint(
            "assertion_consumer_service", BINDING_HTTP_POST, sp_entity_id
        )
        pending = _Pending(
            sp_entity_id=sp_entity_id,
            acs_url=acs_url,
            request_id=message.id,
            relay_state=params.get("RelayState", ""),
        )
        if self.auto_login:
            return self._post_form(start_response, self.auto_login, pending)
        key = secrets.token_urlsafe(16)
        with self._lock:
            self._pending[key] = pending
        return _answer(start_response, "200 OK", _login_page(key))

    def _login(self, start_response, received: ReceivedRequest):
        received.kind = "login"
        params = received.params
        with self._lock:
            pending = self._pending.get(params.get("key", ""))
        if pending is None:
            raise ValueError("No AuthnRequest waits for this login")
        user = self.users.get(params.get("username", ""))
        if user is None or not secrets.compare_digest(user.password, params.get("password", "")):
            return _answer(start_response, "200 OK", _login_page(params["key"], error=True))
        with self._lock:
            self._pending.pop(params["key"], None)
        return self._post_form(start_response, user.username, pending)

    def _post_form(self, start_response, username: str, pending: _Pending):
        post = self.login_response(
            username,
            in_response_to=pending.request_id,
            acs_url=pending.acs_url,
            relay_state=pending.relay_state,
        )
        return _answer(start_response, "200 OK", _post_page(post))

    def _slo(self, start_response, received: ReceivedRequest):
        from saml2 import BINDING_HTTP_REDIRECT

        params = received.params
        server = self._pysaml()
        if "SAMLResponse" in params:  # the SP's answer to an IdP-initiated logout
            received.kind = "LogoutResponse"
            with self._lock:
                parsed = server.parse_logout_request_response(
                    params["SAMLResponse"], BINDING_HTTP_REDIRECT
                )
            if parsed is None:
                raise ValueError("The LogoutResponse did not verify")
            received.xml = str(parsed.response)
            return _answer(
                start_response, "200 OK", _page("Du er logget ud", "<p>Du er logget ud.</p>")
            )
        received.kind = "LogoutRequest"
        with self._lock:
            parsed = server.parse_logout_request(
                params["SAMLRequest"],
                BINDING_HTTP_REDIRECT,
                relay_state=params.get("RelayState"),
                sigalg=params.get("SigAlg"),
                signature=params.get("Signature"),
            )
            if parsed is None:
                raise ValueError("The LogoutRequest did not verify")
            received.xml = str(parsed.message)
            request = parsed.message
            name_id = request.name_id.text if request.name_id is not None else ""
            for username, session in list(self.sessions.items()):
                if session.name_id == name_id:
                    del self.sessions[username]
            sp_entity_id = request.issuer.text
            destination = self._sp_endpoint(
                "single_logout_service", BINDING_HTTP_REDIRECT, sp_entity_id
            )
            response = server.create_logout_response(request, [BINDING_HTTP_REDIRECT], sign=False)
            info = server.apply_binding(
                BINDING_HTTP_REDIRECT,
                str(response),
                destination,
                params.get("RelayState", ""),
                response=True,
                sign=self.sign_logout_messages,
                sigalg=RSA_SHA256,
            )
        location = dict(info["headers"])["Location"]
        start_response("302 Found", [("Location", location), ("Content-Length", "0")])
        return [b""]


SAML_NS = "urn:oasis:names:tc:SAML:2.0:assertion"


def _encrypt_assertion(xml: str, cert_pem: str) -> str:
    """The Assertion as an EncryptedAssertion for the holder of `cert_pem` (the SP)."""
    import xmlsec
    from lxml import etree

    root = etree.fromstring(xml.encode())
    assertion = root.find(f"{{{SAML_NS}}}Assertion")
    # Self-contained (its namespaces declared on it), so it decrypts into any context.
    standalone = etree.fromstring(etree.tostring(assertion))
    wrapper = etree.Element(f"{{{SAML_NS}}}EncryptedAssertion")
    assertion.addprevious(wrapper)
    root.remove(assertion)
    wrapper.append(standalone)
    consts = xmlsec.constants
    template = xmlsec.template.encrypted_data_create(
        root, consts.TransformAes256Cbc, type=consts.TypeEncElement, ns="xenc"
    )
    xmlsec.template.encrypted_data_ensure_cipher_value(template)
    key_info = xmlsec.template.encrypted_data_ensure_key_info(template, ns="ds")
    encrypted_key = xmlsec.template.add_encrypted_key(key_info, consts.TransformRsaOaep)
    xmlsec.template.encrypted_data_ensure_cipher_value(encrypted_key)
    manager = xmlsec.KeysManager()
    manager.add_key(xmlsec.Key.from_memory(cert_pem.encode(), consts.KeyDataFormatCertPem))
    context = xmlsec.EncryptionContext(manager)
    context.key = xmlsec.Key.generate(consts.KeyDataAes, 256, consts.KeyDataTypeSession)
    context.encrypt_xml(template, standalone)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode()


def _sign_response(xml: str, key_file: Path, cert_file: Path) -> str:
    """An enveloped RSA-SHA256 signature over the whole Response, placed after its Issuer."""
    import xmlsec
    from lxml import etree

    consts = xmlsec.constants
    root = etree.fromstring(xml.encode())
    signature = xmlsec.template.create(
        root, consts.TransformExclC14N, consts.TransformRsaSha256, ns="ds"
    )
    root.find(f"{{{SAML_NS}}}Issuer").addnext(signature)
    reference = xmlsec.template.add_reference(
        signature, consts.TransformSha256, uri="#" + root.get("ID")
    )
    xmlsec.template.add_transform(reference, consts.TransformEnveloped)
    xmlsec.template.add_transform(reference, consts.TransformExclC14N)
    xmlsec.template.add_x509_data(xmlsec.template.ensure_key_info(signature))
    key = xmlsec.Key.from_file(str(key_file), consts.KeyDataFormatPem)
    key.load_cert_from_file(str(cert_file), consts.KeyDataFormatCertPem)
    context = xmlsec.SignatureContext()
    context.key = key
    context.register_id(root, "ID")
    context.sign(signature)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode()


def _replace_response_issue_instant(xml: str, moment: dt.datetime, *, signed: bool) -> str:
    """The Response's own IssueInstant (the Assertion's is set before signing). Editing it
    after signing would break the Response signature, so only an unsigned Response's is set."""
    if signed:
        return xml
    from lxml import etree

    root = etree.fromstring(xml.encode())
    root.set("IssueInstant", _saml_time(moment))
    return etree.tostring(root).decode()


def _tamper_email(xml: str, user: IdpUser, identity: dict, value: bool | str) -> str:
    """Edit the email attribute's value in the signed XML (so every signature over it breaks)."""
    old = (identity.get(ATTR_EMAIL) or [""])[0]
    if not old or f">{old}<" not in xml:
        raise ValueError(f"tamper_after_signing: no email value of {user.username} in the response")
    new = TAMPERED_EMAIL if value is True else str(value)
    return xml.replace(f">{old}<", f">{html.escape(new)}<", 1)


def _answer(start_response, status: str, body: str, content_type: str = "text/html"):
    data = body.encode()
    start_response(
        status,
        [
            ("Content-Type", f"{content_type}; charset=utf-8"),
            ("Content-Length", str(len(data))),
            ("Cache-Control", "no-store"),
        ],
    )
    return [data]


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="da">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head>\n"
        f"<body><main><h1>{html.escape(title)}</h1>\n{body}\n</main></body>\n</html>\n"
    )


def _login_page(key: str, *, error: bool = False) -> str:
    alert = '<p role="alert" id="fejl">Forkert brugernavn eller adgangskode.</p>\n' if error else ""
    described = ' aria-describedby="fejl"' if error else ""
    return _page(
        "Log ind hos test-identitetsudbyderen",
        f"{alert}"
        '<form method="post" action="/login">\n'
        f'<input type="hidden" name="key" value="{html.escape(key)}">\n'
        '<p><label for="username">Brugernavn</label>\n'
        f'<input id="username" name="username" type="text" autocomplete="username"'
        f" required{described}></p>\n"
        '<p><label for="password">Adgangskode</label>\n'
        '<input id="password" name="password" type="password" autocomplete="current-password"'
        " required></p>\n"
        '<p><button type="submit">Log ind</button></p>\n'
        "</form>",
    )


def _post_page(post: SamlPost) -> str:
    hidden = "".join(
        f'<input type="hidden" name="{name}" value="{html.escape(value)}">\n'
        for name, value in post.data.items()
    )
    return _page(
        "Sender dig videre",
        f'<form id="saml-post" method="post" action="{html.escape(post.url)}">\n{hidden}'
        '<noscript><p><button type="submit">Fortsæt</button></p></noscript>\n</form>\n'
        "<script>document.getElementById('saml-post').submit();</script>",
    )


@pytest.fixture
def saml_idp() -> Iterator[SamlIdp]:
    """A real SAML IdP (pysaml2) on loopback, fresh keys each test; tell it the SP with set_sp().

    Function scope: every test gets fresh keys, users, sessions, options and request log, so a
    tampering or replay test cannot leak into the next test (and allauth caches the IdP's
    metadata per URL, which differs per test because the port does).
    """
    if xmlsec1_missing():
        if browser_tests_must_run():
            pytest.fail(f"{XMLSEC1_MISSING} (CI=true: the SAML tests must run)", pytrace=False)
        pytest.skip(XMLSEC1_MISSING)
    with SamlIdp() as idp:
        yield idp


def pytest_terminal_summary(terminalreporter):
    """A banner nobody can miss when SAML tests were skipped for want of xmlsec1 (this module
    is a pytest plugin through portal/conftest.py's pytest_plugins)."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if XMLSEC1_MISSING in str(report.longrepr)
    ]
    if not skipped:
        return
    terminalreporter.write_sep("!", red=True, bold=True)
    terminalreporter.write_line(f"SAML TESTS SKIPPED: {XMLSEC1_MISSING}", red=True, bold=True)
    terminalreporter.write_line(f"({len(skipped)} SAML tests did not run)", red=True, bold=True)
    terminalreporter.write_sep("!", red=True, bold=True)


__all__ = [
    "ATTR_CN",
    "ATTR_CVR",
    "ATTR_EMAIL",
    "ATTR_FULL_NAME",
    "ATTR_GROUPS",
    "ATTR_LOA",
    "ATTR_RID",
    "IdpSession",
    "IdpUser",
    "ReceivedRequest",
    "ResponseOptions",
    "SamlIdp",
    "SamlPost",
    "generate_keypair",
    "oiosaml_attributes",
    "saml_idp",
]
