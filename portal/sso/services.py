"""Writes of single sign-on: identity providers added, changed, switched off and on.

Each service is one transaction with its audit entry. Only the operator's administrators manage
identity providers (`by=None` is the operator at the server, running a management command).
The SAML settings are parsed from the IdP's metadata once and stored, so that a later outage of
the metadata URL does not stop anyone signing in (docs/decisions/0043-single-sign-on.md).
"""

import datetime
import re

import requests
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from allauth.socialaccount.models import SocialApp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser

from portal.accounts.services import roles_apply
from portal.core.email import email_send
from portal.core.models import ORGANISATION_ROLES, AuditEvent, Organisation, Role, User
from portal.core.services import audit_record

from . import access
from .models import IdentityProvider, Protocol, SeenAssertion

# OIOSAML 3 (NemLog-in, KOMBIT Context Handler) first, then OIOSAML 2 / LDAP OIDs, then the
# claims AD FS and Entra ID send. allauth takes the first attribute present for each key.
SAML_ATTRIBUTE_MAPPING = {
    "uid": [
        "https://data.gov.dk/model/core/eid/professional/uuid/persistent",
        "urn:oasis:names:tc:SAML:attribute:subject-id",
    ],
    "email": [
        "https://data.gov.dk/model/core/eid/email",
        "urn:oid:0.9.2342.19200300.100.1.3",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    ],
    "full_name": [
        "https://data.gov.dk/model/core/eid/fullName",
        "urn:oid:2.5.4.3",
        "http://schemas.microsoft.com/identity/claims/displayname",
    ],
    "first_name": [
        "https://data.gov.dk/model/core/eid/firstName",
        "urn:oid:2.5.4.42",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
    ],
    "last_name": [
        "https://data.gov.dk/model/core/eid/lastName",
        "urn:oid:2.5.4.4",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
    ],
}

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
# One SP key pair per identity provider: requests are signed with it, IdPs encrypt to it.
SP_KEY_BITS = 3072
SP_CERT_DAYS = 3650


def _require_operator(by: User | None) -> None:
    """`by` None is the operator on the server (the management commands)."""
    if by is not None and not access.identity_provider_manageable(by):
        raise PermissionDenied(_("Only the operator's administrators manage identity providers."))


def _clean_slug(slug: str, organisation: Organisation) -> str:
    slug = (slug or organisation.slug).strip().lower()
    if not _SLUG.match(slug):
        raise ValidationError(
            _("The short name may contain only lower-case letters, digits and hyphens."),
            code="slug_invalid",
        )
    if (
        IdentityProvider.objects.filter(slug=slug).exists()
        or SocialApp.objects.filter(client_id=slug, provider="saml").exists()
        or SocialApp.objects.filter(provider_id=slug).exists()
    ):
        raise ValidationError(
            _("An identity provider with the short name %(slug)s already exists."),
            code="slug_taken",
            params={"slug": slug},
        )
    return slug


def sp_key_pair(*, common_name: str) -> tuple[str, str]:
    """A fresh RSA key and self-signed certificate (PEM) for the portal as SAML service
    provider towards one identity provider. Self-signed is what OIOSAML metadata exchange
    expects: the IdP trusts the certificate in the metadata, not a CA."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=SP_KEY_BITS)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64])])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=SP_CERT_DAYS))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    cert_pem = cert.public_bytes(serialization.Encoding.PEM).decode()
    return key_pem, cert_pem


def _saml_metadata_parse(*, metadata_url: str, metadata_xml: str) -> dict:
    """The IdP's entity id, SSO and SLO URLs and signing certificate from its metadata."""
    if bool(metadata_url) == bool(metadata_xml):
        raise ValidationError(
            _("Give either the metadata URL or the metadata file of the identity provider."),
            code="metadata_missing",
        )
    try:
        if metadata_url:
            parsed = OneLogin_Saml2_IdPMetadataParser.parse_remote(metadata_url, timeout=10)
        else:
            parsed = OneLogin_Saml2_IdPMetadataParser.parse(metadata_xml)
    except (requests.RequestException, OSError, ValueError) as exc:
        raise ValidationError(
            _("The identity provider's metadata could not be fetched: %(reason)s"),
            code="metadata_unreachable",
            params={"reason": str(exc)[:200]},
        ) from exc
    except Exception as exc:  # lxml and onelogin raise their own kinds for bad XML
        raise ValidationError(
            _("The identity provider's metadata could not be read: %(reason)s"),
            code="metadata_invalid",
            params={"reason": str(exc)[:200]},
        ) from exc
    idp = parsed.get("idp") or {}
    entity_id = idp.get("entityId", "")
    sso_url = (idp.get("singleSignOnService") or {}).get("url", "")
    slo_url = (idp.get("singleLogoutService") or {}).get("url", "")
    cert = idp.get("x509cert") or next(
        iter((idp.get("x509certMulti") or {}).get("signing") or []), ""
    )
    if not entity_id or not sso_url:
        raise ValidationError(
            _(
                "The identity provider's metadata names no entity id or no single sign-on "
                "address (SingleSignOnService)."
            ),
            code="metadata_no_sso",
        )
    if not cert:
        raise ValidationError(
            _("The identity provider's metadata contains no signing certificate."),
            code="metadata_no_certificate",
        )
    return {"entity_id": entity_id, "sso_url": sso_url, "slo_url": slo_url, "x509cert": cert}


def _name(name: str, organisation: Organisation) -> str:
    name = " ".join((name or "").split())
    return (name or organisation.name)[:200]


@transaction.atomic
def identity_provider_add_saml(
    *,
    organisation: Organisation,
    by: User | None,
    metadata_url: str = "",
    metadata_xml: str = "",
    slug: str = "",
    name: str = "",
    is_broker: bool = False,
    want_assertion_encrypted: bool = True,
) -> IdentityProvider:
    """Let the organisation's people sign in through a SAML 2.0 (OIOSAML) identity provider.

    Assertions must be encrypted to the portal's key by default, as OIOSAML 3 requires (the SP
    metadata then offers the encryption certificate); `want_assertion_encrypted=False` accepts
    plain ones (signed all the same) from an IdP that cannot encrypt."""
    _require_operator(by)
    slug = _clean_slug(slug, organisation)
    name = _name(name, organisation)
    metadata_url = (metadata_url or "").strip()
    idp = _saml_metadata_parse(metadata_url=metadata_url, metadata_xml=metadata_xml or "")
    key_pem, cert_pem = sp_key_pair(common_name=f"Samarbejdsportalen {slug}")
    app = SocialApp.objects.create(
        provider="saml",
        provider_id=slug,
        client_id=slug,
        name=name,
        settings={
            # Stored parsed; `source_metadata_url` is kept for reference only (allauth would
            # fetch a `metadata_url` on every sign-in if it were set under its own name).
            "idp": {**idp, "source_metadata_url": metadata_url},
            "attribute_mapping": SAML_ATTRIBUTE_MAPPING,
            "advanced": {
                "strict": True,
                "want_assertion_signed": True,
                # Many IdPs (AD FS by default) sign only the assertion; the assertion's
                # signature is what carries the identity, so that is what we demand.
                "want_message_signed": False,
                "authn_request_signed": True,
                "logout_request_signed": True,
                "logout_response_signed": True,
                "want_assertion_encrypted": bool(want_assertion_encrypted),
                "private_key": key_pem,
                "x509cert": cert_pem,
                "reject_idp_initiated_sso": True,
                "reject_deprecated_algorithm": True,
                "want_attribute_statement": True,
            },
        },
    )
    return _provider_create(
        organisation=organisation,
        by=by,
        protocol=Protocol.SAML,
        app=app,
        is_broker=is_broker,
        entity_id=idp["entity_id"],
        want_assertion_encrypted=bool(want_assertion_encrypted),
    )


def _provider_create(
    *, organisation, by, protocol: str, app: SocialApp, is_broker: bool = False, **detail
) -> IdentityProvider:
    """The portal's side of a new allauth app: the provider row and its audit entry."""
    provider = IdentityProvider.objects.create(
        organisation=organisation,
        protocol=protocol,
        slug=app.provider_id,
        name=app.name,
        app=app,
        is_broker=is_broker,
        created_by=by,
    )
    audit_record(
        action=AuditEvent.Action.IDENTITY_PROVIDER_ADDED,
        actor=by,
        organisation=organisation,
        target=provider,
        protocol=str(protocol),
        slug=provider.slug,
        is_broker=is_broker,
        **detail,
    )
    return provider


def _oidc_discovery_check(issuer: str) -> dict:
    url = issuer.rstrip("/")
    if not url.endswith("/.well-known/openid-configuration"):
        url += "/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=10)
        response.raise_for_status()
        config = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise ValidationError(
            _(
                "The identity provider's discovery document (%(url)s) could not be fetched "
                "or read: %(reason)s"
            ),
            code="discovery_unreachable",
            params={"url": url, "reason": str(exc)[:200]},
        ) from exc
    missing = [
        key
        for key in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
        if not isinstance(config, dict) or not config.get(key)
    ]
    if missing:
        raise ValidationError(
            _("The identity provider's discovery document lacks: %(keys)s"),
            code="discovery_incomplete",
            params={"keys": ", ".join(missing)},
        )
    return config


@transaction.atomic
def identity_provider_add_oidc(
    *,
    organisation: Organisation,
    by: User | None,
    issuer: str,
    client_id: str,
    client_secret: str,
    slug: str = "",
    name: str = "",
) -> IdentityProvider:
    """Let the organisation's people sign in through an OpenID Connect provider."""
    _require_operator(by)
    slug = _clean_slug(slug, organisation)
    name = _name(name, organisation)
    issuer = (issuer or "").strip()
    client_id = (client_id or "").strip()
    if not issuer.startswith(("https://", "http://")):
        raise ValidationError(
            _("The issuer must be an address beginning with https://."), code="issuer_invalid"
        )
    if not client_id or not client_secret:
        raise ValidationError(
            _("Give both the client id and the client secret."), code="client_missing"
        )
    _oidc_discovery_check(issuer)
    app = SocialApp.objects.create(
        provider="openid_connect",
        provider_id=slug,
        client_id=client_id,
        secret=client_secret,
        name=name,
        settings={
            "server_url": issuer,
            "oauth_pkce_enabled": True,
            "fetch_userinfo": True,
            "uid_field": "sub",
        },
    )
    return _provider_create(
        organisation=organisation, by=by, protocol=Protocol.OIDC, app=app, issuer=issuer
    )


def role_map_clean(role_map) -> dict[str, list[str]]:
    """{attribute value: [organisation roles]}; portal roles are never granted from outside."""
    if not isinstance(role_map, dict):
        raise ValidationError(
            _("The role mapping must map attribute values to lists of roles."),
            code="role_map_invalid",
        )
    allowed = set(ORGANISATION_ROLES)
    cleaned: dict[str, list[str]] = {}
    for value, roles in role_map.items():
        if isinstance(roles, str):
            roles = [roles]
        if not isinstance(value, str) or not value.strip() or not isinstance(roles, list):
            raise ValidationError(
                _("The role mapping must map attribute values to lists of roles."),
                code="role_map_invalid",
            )
        unknown = [r for r in roles if r not in allowed]
        if unknown:
            raise ValidationError(
                _(
                    "An identity provider may only give organisation roles (caseworker, "
                    "coordinator, administrator), not: %(roles)s"
                ),
                code="role_not_mappable",
                params={"roles": ", ".join(str(r) for r in unknown)},
            )
        cleaned[value.strip()] = [r for r in ORGANISATION_ROLES if r in roles]
    return cleaned


@transaction.atomic
def identity_provider_update(
    *,
    identity_provider: IdentityProvider,
    by: User | None,
    name: str | None = None,
    role_attribute: str | None = None,
    role_map: dict | None = None,
    is_broker: bool | None = None,
) -> IdentityProvider:
    """Change the provider's name, its role mapping or whether it is a broker."""
    _require_operator(by)
    provider = IdentityProvider.objects.select_for_update().get(pk=identity_provider.pk)
    changed: dict[str, object] = {}
    if name is not None:
        name = " ".join(name.split())
        if not name:
            raise ValidationError(_("Enter a name."), code="name_required")
        provider.name = name[:200]
        changed["name"] = provider.name
    if role_attribute is not None:
        provider.role_attribute = role_attribute.strip()[:200]
        changed["role_attribute"] = provider.role_attribute
    if role_map is not None:
        provider.role_map = role_map_clean(role_map)
        changed["role_map"] = provider.role_map
    if is_broker is not None:
        provider.is_broker = bool(is_broker)
        changed["is_broker"] = provider.is_broker
    if not changed:
        return provider
    provider.save(update_fields=[*changed, "updated_at"])
    if "name" in changed:
        provider.app.name = provider.name
        provider.app.save(update_fields=["name"])
    audit_record(
        action=AuditEvent.Action.IDENTITY_PROVIDER_CHANGED,
        actor=by,
        organisation=provider.organisation,
        target=provider,
        **changed,
    )
    return provider


def _password_set_send(*, person: User, provider: IdentityProvider) -> None:
    """Send the person allauth's password-reset link, worded for a switched-off provider."""
    key = default_token_generator.make_token(person)
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(person), "key": key},
    )
    email_send(
        to=person.email,
        template="sso/emails/password_set",
        context={
            "user": person,
            "organisation": provider.organisation,
            "identity_provider": provider,
            "password_set_url": f"{settings.SITE_URL}{path}",
        },
        language=person.preferred_language,
        user=person,
    )


@transaction.atomic
def identity_provider_deactivate(
    *, identity_provider: IdentityProvider, by: User | None
) -> IdentityProvider:
    """Switch the provider off. Nobody is locked out: every active person of the organisation
    without a usable password (people created by single sign-on) is emailed a link to choose
    one; admins and coordinators then sign in with password and TOTP, which RequireMfaMiddleware
    makes them enrol."""
    _require_operator(by)
    provider = (
        IdentityProvider.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=identity_provider.pk)
    )
    if not provider.is_active:
        raise ValidationError(
            _("The identity provider is already switched off."), code="already_inactive"
        )
    provider.is_active = False
    provider.save(update_fields=["is_active", "updated_at"])
    # A broker vouches for people of other organisations too: they are the ones it signed in.
    people = User.objects.filter(is_active=True).filter(socialaccount__provider=provider.slug)
    if not provider.is_broker:
        people = User.objects.filter(is_active=True, organisation=provider.organisation) | people
    told = []
    for person in people.distinct().order_by("pk"):
        if person.has_usable_password():
            continue
        _password_set_send(person=person, provider=provider)
        told.append(person.pk)
    audit_record(
        action=AuditEvent.Action.IDENTITY_PROVIDER_DEACTIVATED,
        actor=by,
        organisation=provider.organisation,
        target=provider,
        people_asked_to_set_password=len(told),
    )
    return provider


@transaction.atomic
def identity_provider_activate(
    *, identity_provider: IdentityProvider, by: User | None
) -> IdentityProvider:
    """Switch the provider on again."""
    _require_operator(by)
    provider = IdentityProvider.objects.select_for_update().get(pk=identity_provider.pk)
    if provider.is_active:
        raise ValidationError(
            _("The identity provider is already switched on."), code="already_active"
        )
    provider.is_active = True
    provider.save(update_fields=["is_active", "updated_at"])
    audit_record(
        action=AuditEvent.Action.IDENTITY_PROVIDER_ACTIVATED,
        actor=by,
        organisation=provider.organisation,
        target=provider,
    )
    return provider


def sp_details(*, identity_provider: IdentityProvider, request_or_site_url=None) -> dict:
    """What the identity provider's administrator registers about the portal.

    `request_or_site_url` may be a request, a base URL, or None for settings.SITE_URL (the
    portal's one public address, which is also what allauth derives its URLs from behind the
    proxy)."""
    if isinstance(request_or_site_url, str) and request_or_site_url:
        base = request_or_site_url.rstrip("/")
    else:
        base = settings.SITE_URL.rstrip("/")
    slug = identity_provider.slug
    if identity_provider.protocol == Protocol.SAML:
        metadata_url = base + reverse("saml_metadata", kwargs={"organization_slug": slug})
        sp = (identity_provider.app.settings or {}).get("sp") or {}
        advanced = (identity_provider.app.settings or {}).get("advanced") or {}
        return {
            "protocol": "saml",
            "metadata_url": metadata_url,
            "entity_id": sp.get("entity_id") or metadata_url,
            "acs_url": base + reverse("saml_acs", kwargs={"organization_slug": slug}),
            "slo_url": base + reverse("saml_sls", kwargs={"organization_slug": slug}),
            "certificate": advanced.get("x509cert", ""),
        }
    return {
        "protocol": "oidc",
        "redirect_uri": base + reverse("openid_connect_callback", kwargs={"provider_id": slug}),
        "post_logout_redirect_uri": base + "/",
        "login_url": base + reverse("openid_connect_login", kwargs={"provider_id": slug}),
    }


# --- Sign-ins ------------------------------------------------------------------------------


def _roles_sync(*, user: User, wanted: list[str], request, identity_provider) -> None:
    """Give the person exactly the organisation roles the provider maps; portal roles stay,
    and the organisation's last administrator keeps the role."""
    roles_apply(
        member=user,
        roles=wanted,
        actor=None,
        request=request,
        scope=ORGANISATION_ROLES,
        keep_last_admin=True,
        via="sso",
        identity_provider=identity_provider.slug,
    )


@transaction.atomic
def sso_person_created(
    *, user: User, identity_provider: IdentityProvider, roles: list[str] | None, request=None
) -> User:
    """A person's first sign-in created their account (allauth saved it): approved, since the
    provider vouches, with the mapped roles or else caseworker."""
    audit_record(
        action=AuditEvent.Action.USER_CREATED,
        actor=user,
        subject_user=user,
        organisation=user.organisation,
        request=request,
        via="sso",
        identity_provider=identity_provider.slug,
    )
    _roles_sync(
        user=user,
        wanted=roles or [Role.CASEWORKER],
        request=request,
        identity_provider=identity_provider,
    )
    return user


@transaction.atomic
def sso_person_synced(
    *,
    user: User,
    identity_provider: IdentityProvider,
    full_name: str,
    roles: list[str] | None,
    request=None,
) -> User:
    """A later sign-in: the name follows the provider; so do the organisation roles when the
    provider maps a role attribute (None: the portal's administrators manage them)."""
    full_name = " ".join((full_name or "").split())[:200]
    if full_name and full_name != user.full_name:
        user.full_name = full_name
        user.save(update_fields=["full_name"])
    if user.approved_at is None:
        # A self-sign-up waiting for approval whom the provider now vouches for.
        user.approved_at = timezone.now()
        user.save(update_fields=["approved_at"])
        audit_record(
            action=AuditEvent.Action.USER_APPROVED,
            actor=None,
            subject_user=user,
            organisation=user.organisation,
            request=request,
            via="sso",
            identity_provider=identity_provider.slug,
        )
    if roles is not None:
        _roles_sync(
            user=user,
            wanted=roles or [Role.CASEWORKER],
            request=request,
            identity_provider=identity_provider,
        )
    return user


def sso_login_refused(
    *,
    reason: str,
    identity_provider: IdentityProvider | None,
    request=None,
    email: str = "",
    **detail,
) -> None:
    """Write down a refused sign-in (in its own transaction: nothing else of the attempt is
    kept)."""
    with transaction.atomic():
        audit_record(
            action=AuditEvent.Action.SSO_LOGIN_REFUSED,
            actor=None,
            organisation=identity_provider.organisation if identity_provider else None,
            request=request,
            target=identity_provider,
            reason=reason,
            email=email[:254],
            **detail,
        )


def assertion_mark_seen(*, identity_provider: IdentityProvider, ids: list[str]) -> bool:
    """Record the SAML response's and assertion's ids; False if any was seen before (a
    replay). The unique constraint decides, so two concurrent posts cannot both pass."""
    fresh = True
    for assertion_id in dict.fromkeys(i for i in ids if i):
        try:
            with transaction.atomic():
                SeenAssertion.objects.create(
                    identity_provider=identity_provider, assertion_id=assertion_id[:200]
                )
        except IntegrityError:
            fresh = False
    return fresh


def seen_assertions_prune(*, older_than: datetime.timedelta = datetime.timedelta(days=1)) -> int:
    """Forget ids older than any assertion's validity (minutes; a day is ample)."""
    deleted, _rows = SeenAssertion.objects.filter(seen_at__lt=timezone.now() - older_than).delete()
    return deleted
