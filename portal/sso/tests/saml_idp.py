"""A test SAML identity provider in-process: its key and certificate, its metadata, and
responses signed with python3-saml, as an IdP would post them to the portal's ACS."""

import base64
import functools
import uuid
from datetime import UTC, datetime, timedelta

import xmlsec
from lxml import etree
from onelogin.saml2.constants import OneLogin_Saml2_Constants as C

from portal.sso.services import sp_key_pair

IDP_ENTITY_ID = "https://idp.test.example/saml"
IDP_SSO_URL = "https://idp.test.example/saml/sso"
IDP_SLO_URL = "https://idp.test.example/saml/slo"

CVR = "https://data.gov.dk/model/core/eid/professional/cvr"
LOA = "https://data.gov.dk/concept/core/nsis/loa"
EMAIL = "https://data.gov.dk/model/core/eid/email"
FULL_NAME = "https://data.gov.dk/model/core/eid/fullName"
ROLES = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"


@functools.cache
def idp_keys(which: str = "idp") -> tuple[str, str]:
    """(private key, certificate) PEM; `which` names another key pair (a forger's)."""
    return sp_key_pair(common_name=f"test {which}")


def _cert_body(cert_pem: str) -> str:
    return "".join(line for line in cert_pem.splitlines() if "-----" not in line)


def metadata_xml(*, with_cert: bool = True, with_sso: bool = True) -> str:
    cert = _cert_body(idp_keys("idp")[1])
    key_descriptor = (
        f'<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{cert}'
        "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
        if with_cert
        else ""
    )
    sso = (
        f'<md:SingleSignOnService Binding="{C.BINDING_HTTP_REDIRECT}" Location="{IDP_SSO_URL}"/>'
        if with_sso
        else ""
    )
    return (
        '<?xml version="1.0"?>'
        '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" '
        f'xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="{IDP_ENTITY_ID}">'
        '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">'
        f"{key_descriptor}"
        f'<md:SingleLogoutService Binding="{C.BINDING_HTTP_REDIRECT}" Location="{IDP_SLO_URL}"/>'
        f"{sso}"
        "</md:IDPSSODescriptor></md:EntityDescriptor>"
    )


def _sign(element, key: str, cert: str) -> None:
    """An enveloped RSA-SHA256 signature of `element`, placed after its Issuer, in place."""
    signature = xmlsec.template.create(
        element, xmlsec.Transform.EXCL_C14N, xmlsec.Transform.RSA_SHA256, ns="ds"
    )
    element.find(f"{{{C.NS_SAML}}}Issuer").addnext(signature)
    ref = xmlsec.template.add_reference(
        signature, xmlsec.Transform.SHA256, uri=f"#{element.get('ID')}"
    )
    xmlsec.template.add_transform(ref, xmlsec.Transform.ENVELOPED)
    xmlsec.template.add_transform(ref, xmlsec.Transform.EXCL_C14N)
    xmlsec.template.add_x509_data(xmlsec.template.ensure_key_info(signature))
    ctx = xmlsec.SignatureContext()
    ctx.key = xmlsec.Key.from_memory(key.encode(), xmlsec.KeyFormat.PEM, None)
    ctx.key.load_cert_from_memory(cert.encode(), xmlsec.KeyFormat.PEM)
    ctx.register_id(element, "ID")
    ctx.sign(signature)


def _encrypt(assertion, sp_cert: str) -> None:
    """Replace the assertion by an EncryptedAssertion to the SP's certificate (AES-128-CBC
    content, RSA-OAEP key transport), as an OIOSAML IdP sends it."""
    wrapper = etree.Element(f"{{{C.NS_SAML}}}EncryptedAssertion", nsmap={"saml": C.NS_SAML})
    assertion.addprevious(wrapper)
    wrapper.append(assertion)
    manager = xmlsec.KeysManager()
    manager.add_key(xmlsec.Key.from_memory(sp_cert.encode(), xmlsec.KeyFormat.CERT_PEM, None))
    template = xmlsec.template.encrypted_data_create(
        wrapper, xmlsec.Transform.AES128, type=xmlsec.EncryptionType.ELEMENT, ns="xenc"
    )
    xmlsec.template.encrypted_data_ensure_cipher_value(template)
    key_info = xmlsec.template.encrypted_data_ensure_key_info(template, ns="dsig")
    encrypted_key = xmlsec.template.add_encrypted_key(key_info, xmlsec.Transform.RSA_OAEP)
    xmlsec.template.encrypted_data_ensure_cipher_value(encrypted_key)
    ctx = xmlsec.EncryptionContext(manager)
    ctx.key = xmlsec.Key.generate(xmlsec.KeyData.AES, 128, xmlsec.KeyDataType.SESSION)
    ctx.encrypt_xml(template, assertion)


def _t(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def saml_response(
    *,
    sp_entity_id: str,
    acs_url: str,
    in_response_to: str | None,
    attributes: dict[str, list[str] | str],
    name_id: str = "nameid-1",
    session_index: str = "session-1",
    issuer: str = IDP_ENTITY_ID,
    audience: str | None = None,
    recipient: str | None = None,
    now: datetime | None = None,
    lifetime: timedelta = timedelta(minutes=5),
    response_id: str | None = None,
    assertion_id: str | None = None,
    signed_by: str | None = "idp",
    encrypt_for: str | None = None,
    tamper=None,
) -> str:
    """A base64 SAMLResponse whose assertion is signed by `signed_by`'s key (None: unsigned).
    `tamper(xml) -> xml` changes the signed text afterwards (a forged attribute), before it is
    encrypted to `encrypt_for` (the SP's certificate is public: anyone can encrypt to it)."""
    now = now or datetime.now(UTC)
    response_id = response_id or f"_r{uuid.uuid4().hex}"
    assertion_id = assertion_id or f"_a{uuid.uuid4().hex}"
    in_response = f' InResponseTo="{in_response_to}"' if in_response_to else ""
    not_after = _t(now + lifetime)
    attrs = "".join(
        f'<saml:Attribute Name="{name}">'
        + "".join(
            f'<saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xsi:type="xs:string">{v}</saml:AttributeValue>'
            for v in ([values] if isinstance(values, str) else values)
        )
        + "</saml:Attribute>"
        for name, values in attributes.items()
    )
    assertion = (
        f'<saml:Assertion xmlns:saml="{C.NS_SAML}" ID="{assertion_id}" Version="2.0" '
        f'IssueInstant="{_t(now)}">'
        f"<saml:Issuer>{issuer}</saml:Issuer>"
        "<saml:Subject>"
        f'<saml:NameID Format="{C.NAMEID_PERSISTENT}">{name_id}</saml:NameID>'
        f'<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">'
        f'<saml:SubjectConfirmationData NotOnOrAfter="{not_after}" '
        f'Recipient="{recipient or acs_url}"{in_response}/>'
        "</saml:SubjectConfirmation></saml:Subject>"
        f'<saml:Conditions NotBefore="{_t(now - timedelta(minutes=1))}" '
        f'NotOnOrAfter="{not_after}">'
        f"<saml:AudienceRestriction><saml:Audience>{audience or sp_entity_id}</saml:Audience>"
        "</saml:AudienceRestriction></saml:Conditions>"
        f'<saml:AuthnStatement AuthnInstant="{_t(now)}" SessionIndex="{session_index}">'
        "<saml:AuthnContext><saml:AuthnContextClassRef>"
        "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
        "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
        f"<saml:AttributeStatement>{attrs}</saml:AttributeStatement>"
        "</saml:Assertion>"
    )
    response = (
        f'<samlp:Response xmlns:samlp="{C.NS_SAMLP}" xmlns:saml="{C.NS_SAML}" '
        f'ID="{response_id}" Version="2.0" IssueInstant="{_t(now)}" '
        f'Destination="{acs_url}"{in_response}>'
        f"<saml:Issuer>{issuer}</saml:Issuer>"
        f'<samlp:Status><samlp:StatusCode Value="{C.STATUS_SUCCESS}"/></samlp:Status>'
        f"{assertion}</samlp:Response>"
    )
    if signed_by:
        # Signed where it stands, inside the response, as an IdP does (assertion only).
        key, cert = idp_keys(signed_by)
        document = etree.fromstring(response.encode())
        element = document.find(f"{{{C.NS_SAML}}}Assertion")
        _sign(element, key, cert)
        response = etree.tostring(document).decode()
    if tamper:
        response = tamper(response)
    if encrypt_for:
        document = etree.fromstring(response.encode())
        _encrypt(document.find(f"{{{C.NS_SAML}}}Assertion"), encrypt_for)
        response = etree.tostring(document).decode()
    return base64.b64encode(response.encode()).decode()
