"""Session keys the accounts app reads and the apps above it (single sign-on) write.

Defined here, below sso, so that accounts learns what an identity provider vouched for without
importing it (docs/decisions/0043-single-sign-on.md)."""

# The email address of the person whose sign-in an identity provider made at level of assurance
# "Substantial" or higher (NSIS): that sign-in is their second factor, so neither allauth's MFA
# stage nor RequireMfaMiddleware asks for the portal's TOTP. Bound to the address so that a
# value left in the session can never excuse another person's (or a password) sign-in.
MFA_SATISFIED_BY_IDP = "portal_mfa_satisfied_by_idp"


def mfa_satisfied_by_idp(request, user) -> bool:
    session = getattr(request, "session", None)
    if session is None or user is None or not getattr(user, "email", ""):
        return False
    return session.get(MFA_SATISFIED_BY_IDP, "") == user.email.lower()
