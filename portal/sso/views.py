"""The two places where the portal steps into allauth's protocol views.

- SAML: allauth's ACS view keeps the posted response and redirects to its finish view; ours
  replaces that finish view (same URL, mounted before allauth's) to do what allauth's does plus
  the replay guard: after python3-saml has verified the response and before the sign-in, the
  response's and the assertion's ids go into SeenAssertion, and a second use is refused. It
  also keeps the NameID and SessionIndex for single logout.
- OpenID Connect: the callback keeps the raw ID token and the provider's end_session_endpoint,
  for RP-initiated logout (allauth keeps only the decoded claims).
"""

import binascii
import logging

from allauth.account.internal.decorators import login_not_required
from allauth.core.internal import httpkit
from allauth.socialaccount.helpers import complete_social_login, render_authentication_error
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.base.constants import AuthError, AuthProcess
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from allauth.socialaccount.providers.saml.utils import build_auth, decode_relay_state
from allauth.socialaccount.providers.saml.views import SAMLViewMixin
from allauth.socialaccount.sessions import LoginSession
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.views import View
from onelogin.saml2.errors import OneLogin_Saml2_Error

from . import services
from .adapter import identity_provider_of
from .claims import extra_data_minimised
from .refusals import Refusal, refused_response

logger = logging.getLogger(__name__)


class FinishACSView(SAMLViewMixin, View):
    def dispatch(self, request, organization_slug):
        provider = self.get_provider(organization_slug)
        acs_session = LoginSession(request, "saml_acs_session", "saml-acs-session")
        acs_request = None
        acs_request_data = acs_session.store.get("request")
        if acs_request_data:
            acs_request = httpkit.deserialize_request(acs_request_data, HttpRequest())
        acs_session.delete()
        if not acs_request:
            logger.error("Unable to finish login, SAML ACS session missing")
            return render_authentication_error(request, provider)

        auth = build_auth(acs_request, provider)
        errors, error_reason = [], None
        try:
            # InResponseTo is checked below against the state stashed when we sent the request.
            auth.process_response(request_id=None)
        except binascii.Error:
            errors, error_reason = ["invalid_response"], "Invalid response"
        except OneLogin_Saml2_Error as exc:
            errors, error_reason = ["error"], str(exc)
        if not errors:
            errors = auth.get_errors()
        if errors:
            error_reason = auth.get_last_error_reason() or error_reason
            return render_authentication_error(
                request,
                provider,
                extra_context={"saml_errors": errors, "saml_last_error_reason": error_reason},
            )
        if not auth.is_authenticated():
            return render_authentication_error(request, provider, error=AuthError.CANCELLED)

        identity_provider = identity_provider_of(provider)
        if identity_provider is None:
            return refused_response(request, Refusal("provider_unknown"))
        ids = [auth.get_last_message_id(), auth.get_last_assertion_id()]
        if not services.assertion_mark_seen(identity_provider=identity_provider, ids=ids):
            return refused_response(
                request,
                Refusal("replayed", identity_provider, response_id=ids[0], assertion_id=ids[1]),
            )

        login = provider.sociallogin_from_response(request, auth)
        login.account.extra_data = extra_data_minimised(login.account.extra_data)
        state_id = auth.get_last_response_in_response_to()
        if state_id:
            try:
                login.state = provider.unstash_redirect_state(request, state_id)
            except PermissionDenied:
                # allauth's own guard: the answer is to a request this browser did not send.
                return refused_response(request, Refusal("state_missing", identity_provider))
        else:
            if provider.app.settings.get("advanced", {}).get("reject_idp_initiated_sso", True):
                return render_authentication_error(
                    request, provider, extra_context={"saml_errors": ["idp_initiated"]}
                )
            next_url = decode_relay_state(acs_request.POST.get("RelayState"))
            login.state["process"] = AuthProcess.LOGIN
            if next_url:
                login.state["next"] = next_url
        request.sso_logout = {
            "slug": identity_provider.slug,
            "protocol": "saml",
            "name_id": auth.get_nameid(),
            "name_id_format": auth.get_nameid_format(),
            "name_id_nq": auth.get_nameid_nq(),
            "name_id_spnq": auth.get_nameid_spnq(),
            "session_index": auth.get_session_index(),
        }
        return complete_social_login(request, login)


finish_acs = login_not_required(FinishACSView.as_view())


class PortalOIDCAdapter(OpenIDConnectOAuth2Adapter):
    def _decode_id_token(self, app, id_token: str) -> dict:
        """Always verify the ID token's signature against the provider's published keys.

        allauth skips the check when it fetched the token itself (OpenID Connect Core allows
        that over TLS), but a token endpoint reached over plain http or through a meddling
        proxy must not let a forged token in; the end-to-end test signs one with another key.
        """
        return jwtkit.verify_and_decode(
            credential=id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
            verify_signature=True,
        )

    def complete_login(self, request, app, token, **kwargs):
        login = super().complete_login(request, app, token, **kwargs)
        login.account.extra_data = extra_data_minimised(login.account.extra_data)
        request.sso_logout = {
            "slug": self.provider_id,
            "protocol": "oidc",
            "id_token": (kwargs.get("response") or {}).get("id_token", ""),
            "end_session_endpoint": self.openid_config.get("end_session_endpoint", ""),
            "client_id": app.client_id,
        }
        return login


@login_not_required
def oidc_callback(request, provider_id):
    try:
        return OAuth2CallbackView.adapter_view(PortalOIDCAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None
