"""What an assertion or ID token says, read the same way for SAML and OpenID Connect.

SAML attributes arrive as {name: [values]} (allauth keeps them as the social account's
extra_data); OpenID Connect claims as {"id_token": {...}, "userinfo": {...}}. Both become
{name: [values]} here.
"""

from django.conf import settings

# OIOSAML 3 (NemLog-in, MitID Erhverv, KOMBIT Context Handler) first, then OIOSAML 2.
CVR_NAMES = (
    "https://data.gov.dk/model/core/eid/professional/cvr",
    "dk:gov:saml:attribute:CvrNumberIdentifier",
)
LOA_NAMES = (
    "https://data.gov.dk/concept/core/nsis/loa",
    "dk:gov:saml:attribute:AssuranceLevel",
    "acr",
)


def claims_of(extra_data) -> dict[str, list[str]]:
    if not isinstance(extra_data, dict):
        return {}
    if "id_token" in extra_data or "userinfo" in extra_data:
        merged = {**(extra_data.get("id_token") or {}), **(extra_data.get("userinfo") or {})}
    else:
        merged = extra_data
    result: dict[str, list[str]] = {}
    for name, value in merged.items():
        values = value if isinstance(value, list | tuple) else [value]
        result[name] = [str(v).strip() for v in values if v is not None and str(v).strip()]
    return result


def first(claims: dict[str, list[str]], names) -> str:
    for name in names:
        if claims.get(name):
            return claims[name][0]
    return ""


def cvr(claims) -> str:
    return first(claims, CVR_NAMES).removeprefix("CVR:").strip()


def level_of_assurance(claims) -> str:
    return first(claims, LOA_NAMES)


def loa_satisfies_mfa(claims) -> bool:
    """Whether the identity provider's sign-in counts as the portal's second factor: NSIS
    "Substantial" or "High" (OIOSAML), or an OIDC `acr` value the operator lists in
    PORTAL_SSO_MFA_LEVELS. Anything else (Low, none, unknown) still asks for the TOTP."""
    level = level_of_assurance(claims).lower()
    return bool(level) and level in {v.lower() for v in settings.PORTAL_SSO_MFA_LEVELS}


def roles_from(claims, *, attribute: str, role_map: dict) -> list[str] | None:
    """The organisation roles the mapped attribute gives, or None when the provider maps no
    attribute (roles are then the portal's business after the first sign-in)."""
    if not attribute:
        return None
    roles: set[str] = set()
    for value in claims.get(attribute, []):
        roles.update(role_map.get(value, []))
    return sorted(roles)


def extra_data_minimised(extra_data):
    """What allauth keeps of an assertion or ID token, without CPR numbers: an identity
    provider that sends one (OIOSAML's cprNumber, a broker's claim) does not get it stored in
    the social account's extra_data."""
    if not isinstance(extra_data, dict):
        return extra_data
    return {
        key: (extra_data_minimised(value) if isinstance(value, dict) else value)
        for key, value in extra_data.items()
        if "cpr" not in str(key).lower()
    }
