"""The test SAML IdP is real: python3-saml (the library allauth's SAML provider uses), strict,
accepts its good responses and catches every tamper mode with the reason a refusal test expects.
"""

import base64
import datetime as dt
import re
import urllib.error
import urllib.request
import zlib
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from onelogin.saml2.auth import OneLogin_Saml2_Auth
from onelogin.saml2.constants import OneLogin_Saml2_Constants as C
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.logout_request import OneLogin_Saml2_Logout_Request
from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings

from portal.testing.saml_idp import (
    ATTR_CVR,
    ATTR_EMAIL,
    ATTR_FULL_NAME,
    ATTR_GROUPS,
    ATTR_LOA,
    TAMPERED_EMAIL,
    generate_keypair,
    oiosaml_attributes,
)

SP_HOST = "sp.test"
SP_ENTITY_ID = f"https://{SP_HOST}/konto/saml/acme/metadata/"
ACS_PATH = "/konto/saml/acme/acs/"
ACS_URL = f"https://{SP_HOST}{ACS_PATH}"
SLS_URL = f"https://{SP_HOST}/konto/saml/acme/sls/"
PASSWORD = "hemmelig-hest"


@pytest.fixture
def sp_keys(tmp_path):
    return generate_keypair(tmp_path, "sp")


def sp_settings(idp, sp_keys, *, want_encrypted=False, sign_requests=False) -> dict:
    """An SP like allauth's: strict, its security defaults, the IdP from its metadata URL."""
    key, cert = sp_keys
    idp_data = OneLogin_Saml2_IdPMetadataParser.parse_remote(
        idp.metadata_url, entity_id=idp.entity_id, timeout=5
    )
    return {
        "strict": True,
        "sp": {
            "entityId": SP_ENTITY_ID,
            "assertionConsumerService": {"url": ACS_URL, "binding": C.BINDING_HTTP_POST},
            "singleLogoutService": {"url": SLS_URL, "binding": C.BINDING_HTTP_REDIRECT},
            "x509cert": cert,
            "privateKey": key,
        },
        "security": {
            "authnRequestsSigned": sign_requests,
            "wantAssertionsEncrypted": want_encrypted,
            "wantAssertionsSigned": False,  # allauth's defaults
            "wantMessagesSigned": False,
            "rejectDeprecatedAlgorithm": True,
            "wantAttributeStatement": True,
            "signatureAlgorithm": C.RSA_SHA256,
            "digestAlgorithm": C.SHA256,
        },
        "idp": idp_data["idp"],
    }


@pytest.fixture
def idp(saml_idp, sp_keys):
    """The IdP with the SP's metadata (with its encryption key) and one user."""
    settings = sp_settings(saml_idp, sp_keys, want_encrypted=True)
    metadata = OneLogin_Saml2_Settings(settings, sp_validation_only=True).get_sp_metadata()
    saml_idp.set_sp(metadata_xml=metadata.decode() if isinstance(metadata, bytes) else metadata)
    saml_idp.add_user(
        "anna",
        oiosaml_attributes(
            email="anna@acme.dk", full_name="Anna Andersen", cvr="12345678", groups=["admin"]
        ),
        password=PASSWORD,
    )
    return saml_idp


def validate(idp, sp_keys, post, *, want_encrypted=False):
    settings = OneLogin_Saml2_Settings(
        sp_settings(idp, sp_keys, want_encrypted=want_encrypted), sp_validation_only=False
    )
    response = OneLogin_Saml2_Response(settings, post.saml_response)
    request_data = {
        "https": "on",
        "http_host": SP_HOST,
        "script_name": "",
        "path_info": ACS_PATH,
        "get_data": {},
        "post_data": post.data,
    }
    valid = response.is_valid(request_data)
    return valid, response


def signature_count(xml: str) -> int:
    return len(re.findall(r"<(?:\w+:)?SignatureValue[ >]", xml))


def assert_refused(idp, sp_keys, post, reason: str):
    valid, response = validate(idp, sp_keys, post)
    assert valid is False
    assert reason in response.get_error(), response.get_error()


def test_metadata_is_served_and_names_the_endpoints_and_both_certificates(idp):
    with urllib.request.urlopen(idp.metadata_url, timeout=5) as answer:
        xml = answer.read().decode()
    assert f'entityID="{idp.entity_id}"' in xml
    assert idp.entity_id == f"http://127.0.0.1:{idp.port}/metadata"
    assert idp.metadata_url.startswith(idp.entity_id + "?instance=")
    parsed = OneLogin_Saml2_IdPMetadataParser.parse(xml)["idp"]
    assert parsed["singleSignOnService"]["url"] == idp.sso_url
    assert parsed["singleLogoutService"]["url"] == idp.slo_url
    certs = parsed["x509certMulti"]
    assert certs["signing"] == [idp.x509cert]
    assert len(certs["encryption"]) == 1 and certs["encryption"][0] != idp.x509cert
    assert C.BINDING_HTTP_POST in xml and C.BINDING_HTTP_REDIRECT in xml


def test_a_good_response_validates_and_carries_the_attributes_nameid_and_session(idp, sp_keys):
    post = idp.login_response("anna", in_response_to="_req1")

    valid, response = validate(idp, sp_keys, post)

    assert valid, response.get_error()
    attributes = response.get_attributes()
    assert attributes[ATTR_EMAIL] == ["anna@acme.dk"]
    assert attributes[ATTR_FULL_NAME] == ["Anna Andersen"]
    assert attributes[ATTR_CVR] == ["12345678"]
    assert attributes[ATTR_LOA] == ["Substantial"]
    assert attributes[ATTR_GROUPS] == ["admin"]
    assert response.get_nameid() == idp.users["anna"].name_id
    assert response.get_nameid_format() == "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"
    assert response.get_session_index() == idp.sessions["anna"].session_index
    assert response.get_in_response_to() == "_req1"
    assert response.get_audiences() == [SP_ENTITY_ID]
    assert idp.last_response_xml == post.xml
    assert signature_count(post.xml) == 2  # the Response's and the Assertion's


@pytest.mark.parametrize(
    ("sign_response", "sign_assertion"), [(True, True), (True, False), (False, True)]
)
def test_encrypted_assertion_decrypts_with_the_sp_key(idp, sp_keys, sign_response, sign_assertion):
    post = idp.login_response(
        "anna",
        encrypt_assertion=True,
        sign_response=sign_response,
        sign_assertion=sign_assertion,
    )

    assert "EncryptedAssertion" in post.xml and "anna@acme.dk" not in post.xml
    assert "aes256-cbc" in post.xml and "rsa-oaep" in post.xml
    assert signature_count(post.xml) == int(sign_response)  # the assertion's is inside
    valid, response = validate(idp, sp_keys, post, want_encrypted=True)
    assert valid, response.get_error()
    assert response.get_attributes()[ATTR_EMAIL] == ["anna@acme.dk"]


def test_encrypted_and_signed_with_another_key_is_refused(idp, sp_keys):
    post = idp.login_response("anna", encrypt_assertion=True, wrong_key=True)
    valid, response = validate(idp, sp_keys, post, want_encrypted=True)
    assert not valid
    assert "Signature validation failed" in response.get_error()


def test_an_sp_that_wants_encryption_refuses_a_plain_assertion(idp, sp_keys):
    post = idp.login_response("anna")
    valid, response = validate(idp, sp_keys, post, want_encrypted=True)
    assert not valid
    assert "encrypted" in response.get_error()


def test_unsigned_is_refused(idp, sp_keys):
    post = idp.login_response("anna", unsigned=True)
    assert "Signature" not in post.xml
    assert_refused(idp, sp_keys, post, "No Signature found")


def test_signed_with_another_key_is_refused(idp, sp_keys):
    post = idp.login_response("anna", wrong_key=True)
    assert "Signature" in post.xml
    assert_refused(idp, sp_keys, post, "Signature validation failed")


def test_edited_after_signing_is_refused(idp, sp_keys):
    post = idp.login_response("anna", tamper_after_signing=True)
    assert TAMPERED_EMAIL in post.xml and "anna@acme.dk" not in post.xml
    assert_refused(idp, sp_keys, post, "Signature validation failed")


def test_edited_after_signing_only_the_assertion_signed_is_refused(idp, sp_keys):
    post = idp.login_response("anna", tamper_after_signing=True, sign_response=False)
    assert_refused(idp, sp_keys, post, "Signature validation failed")


def test_only_the_response_signed_still_validates(idp, sp_keys):
    post = idp.login_response("anna", sign_assertion=False)
    valid, response = validate(idp, sp_keys, post)
    assert valid, response.get_error()


def test_wrong_audience_is_refused(idp, sp_keys):
    post = idp.login_response("anna", audience="https://someone-else")
    assert_refused(idp, sp_keys, post, "is not a valid audience for this Response")


def test_wrong_recipient_is_refused(idp, sp_keys):
    post = idp.login_response("anna", recipient="https://someone-else/acs/")
    assert_refused(idp, sp_keys, post, "A valid SubjectConfirmation was not found")


def test_wrong_destination_is_refused(idp, sp_keys):
    post = idp.login_response("anna", destination="https://someone-else/acs/")
    assert post.url == ACS_URL  # still posted to the SP, only the Destination lies
    assert_refused(idp, sp_keys, post, "The response was received at")


def test_expired_is_refused(idp, sp_keys):
    past = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    post = idp.login_response("anna", not_on_or_after=past, issue_instant=past)
    assert_refused(idp, sp_keys, post, "Could not validate timestamp: expired")

    assert f'NotOnOrAfter="{past:%Y-%m-%dT%H:%M:%SZ}"' in post.xml


def test_issue_instant_shift_alone_keeps_the_signature_good(idp, sp_keys):
    earlier = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2)
    post = idp.login_response("anna", issue_instant=earlier)
    assert f'IssueInstant="{earlier:%Y-%m-%dT%H:%M:%SZ}"' in post.xml
    valid, response = validate(idp, sp_keys, post)
    assert valid, response.get_error()


def test_replay_returns_the_previous_bytes_and_next_response_is_one_shot(idp, sp_keys):
    first = idp.login_response("anna", in_response_to="_req1")
    idp.next_response(replay=True)
    again = idp.login_response("anna", in_response_to="_req2")
    fresh = idp.login_response("anna", in_response_to="_req3")

    assert again.saml_response == first.saml_response  # byte-identical
    assert base64.b64decode(again.saml_response) == first.xml.encode()
    assert fresh.saml_response != first.saml_response
    # python3-saml alone accepts the replayed bytes: refusing them is the portal's job.
    valid, response = validate(idp, sp_keys, again)
    assert valid, response.get_error()
    assert response.get_in_response_to() == "_req1"


def test_options_on_the_instance_apply_to_every_response(idp, sp_keys):
    idp.options.sign_response = False
    post = idp.login_response("anna")
    assert signature_count(post.xml) == 1  # the assertion's only
    valid, response = validate(idp, sp_keys, post)
    assert valid, response.get_error()


def test_attributes_per_response_replace_the_users(idp, sp_keys):
    post = idp.login_response(
        "anna", attributes=oiosaml_attributes(email="anna@elsewhere.dk", cvr="99999999")
    )
    valid, response = validate(idp, sp_keys, post)
    assert valid, response.get_error()
    assert response.get_attributes()[ATTR_EMAIL] == ["anna@elsewhere.dk"]
    assert response.get_attributes()[ATTR_CVR] == ["99999999"]


def test_unknown_option_is_an_error(idp):
    with pytest.raises(TypeError, match="Unknown response options"):
        idp.next_response(sign_everything=True)


# -- the HTTP flow, as a browser goes through it -----------------------------------------


def _no_redirect_opener():
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    return urllib.request.build_opener(NoRedirect)


def _get(url):
    try:
        answer = _no_redirect_opener().open(url, timeout=5)
    except urllib.error.HTTPError as error:  # a 302 without following it, or a 400
        return error.code, dict(error.headers), error.read().decode()
    return answer.status, dict(answer.headers), answer.read().decode()


def _post(url, data):
    request = urllib.request.Request(url, data=urlencode(data).encode(), method="POST")
    try:
        answer = urllib.request.urlopen(request, timeout=5)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    return answer.status, answer.read().decode()


def _form_fields(page: str) -> dict[str, str]:
    return {
        name: unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page)
    }


def _authn_request_url(idp, sp_keys, *, sign=False):
    settings = sp_settings(idp, sp_keys, sign_requests=sign)
    request_data = {"https": "on", "http_host": SP_HOST, "script_name": "/konto/saml/acme/login/"}
    auth = OneLogin_Saml2_Auth(request_data, settings)
    url = auth.login(return_to="state-123")
    return url, auth.get_last_request_id()


def test_sso_redirect_shows_an_accessible_login_page_then_posts_the_response(idp, sp_keys):
    url, request_id = _authn_request_url(idp, sp_keys)

    status, _, page = _get(url)

    assert status == 200
    assert '<html lang="da">' in page
    assert '<label for="username">' in page and '<label for="password">' in page
    assert '<button type="submit">' in page and "http" not in page.split("<body>")[1]
    key = re.search(r'name="key" value="([^"]+)"', page).group(1)

    login = {"key": key, "username": "anna", "password": "forkert"}
    status, wrong = _post(idp.base_url + "/login", login)
    assert status == 200 and 'role="alert"' in wrong

    status, form = _post(
        idp.base_url + "/login", {"key": key, "username": "anna", "password": PASSWORD}
    )
    assert status == 200
    assert f'action="{ACS_URL}"' in form and "<noscript>" in form and ".submit()" in form
    fields = _form_fields(form)
    assert fields["RelayState"] == "state-123"
    post = idp.last_response
    assert fields["SAMLResponse"] == post.saml_response
    valid, response = validate(idp, sp_keys, post)
    assert valid, response.get_error()
    assert response.get_in_response_to() == request_id
    kinds = [r.kind for r in idp.requests if r.kind != "metadata"]
    assert kinds == ["AuthnRequest", "login", "login"]
    assert request_id in idp.requests_of("AuthnRequest")[0].xml


def test_auto_login_skips_the_form(idp, sp_keys):
    idp.auto_login = "anna"
    url, request_id = _authn_request_url(idp, sp_keys)

    status, _, form = _get(url)

    assert status == 200 and "SAMLResponse" in form
    assert idp.last_response.relay_state == "state-123"
    assert f'InResponseTo="{request_id}"' in idp.last_response_xml


def test_signed_authn_requests_are_verified_when_wanted(idp, sp_keys):
    idp.want_authn_requests_signed = True
    idp.auto_login = "anna"

    unsigned_url, _ = _authn_request_url(idp, sp_keys, sign=False)
    status, _, page = _get(unsigned_url)
    assert status == 400

    signed_url, request_id = _authn_request_url(idp, sp_keys, sign=True)
    status, _, form = _get(signed_url)
    assert status == 200, form
    assert f'InResponseTo="{request_id}"' in idp.last_response_xml

    # The same signed request with another RelayState: the signature no longer matches.
    query = parse_qs(urlsplit(signed_url).query)
    query["RelayState"] = ["evil"]
    forged = idp.sso_url + "?" + urlencode({k: v[0] for k, v in query.items()})
    status, _, _ = _get(forged)
    assert status == 400


def test_sp_initiated_logout_is_answered_with_a_logout_response(idp, sp_keys):
    post = idp.login_response("anna")
    session = idp.sessions["anna"]
    auth = OneLogin_Saml2_Auth(
        {"https": "on", "http_host": SP_HOST, "script_name": "/"}, sp_settings(idp, sp_keys)
    )
    url = auth.logout(
        return_to="after", name_id=session.name_id, session_index=session.session_index
    )

    status, headers, _ = _get(url)

    assert status == 302, post
    location = headers["Location"]
    assert location.startswith(SLS_URL + "?SAMLResponse=")
    assert "anna" not in idp.sessions
    # The SP accepts the (signed) answer.
    query = {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
    assert query["RelayState"] == "after" and "Signature" in query
    sp = OneLogin_Saml2_Auth(
        {
            "https": "on",
            "http_host": SP_HOST,
            "script_name": "",
            "path_info": urlsplit(SLS_URL).path,
            "get_data": query,
        },
        sp_settings(idp, sp_keys),
    )
    sp.process_slo(request_id=auth.get_last_request_id())
    assert sp.get_errors() == [], sp.get_last_error_reason()


def test_idp_initiated_logout_request_names_the_session_and_the_sp_accepts_it(idp, sp_keys):
    idp.login_response("anna")
    session = idp.sessions["anna"]

    url = idp.logout_request_url("anna", relay_state="r")

    assert url.startswith(SLS_URL + "?SAMLRequest=")
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    xml = zlib.decompress(base64.b64decode(query["SAMLRequest"]), -15).decode()
    assert session.name_id in xml and session.session_index in xml
    request_data = {
        "https": "on",
        "http_host": SP_HOST,
        "script_name": "",
        "path_info": urlsplit(SLS_URL).path,
        "get_data": query,
    }
    settings = OneLogin_Saml2_Settings(sp_settings(idp, sp_keys))
    request = OneLogin_Saml2_Logout_Request(settings, query["SAMLRequest"])
    assert request.is_valid(request_data), request.get_error()
    sp = OneLogin_Saml2_Auth(request_data, sp_settings(idp, sp_keys))
    answer = sp.process_slo(delete_session_cb=lambda: None)
    assert sp.get_errors() == []
    # The SP's LogoutResponse goes back to the IdP, which shows that the user is logged out.
    status, _, page = _get(answer)
    assert status == 200 and "Du er logget ud" in page
    assert idp.requests_of("LogoutResponse")
