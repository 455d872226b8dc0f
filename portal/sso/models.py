"""Single sign-on per organisation: which identity provider vouches for whose people.

The protocol itself (SAML 2.0 / OIOSAML, OpenID Connect) is django-allauth's: each provider
here owns one allauth `SocialApp` (provider "saml" or "openid_connect"; its `client_id` for
SAML and `provider_id` for OIDC are this provider's `slug`, so the URLs are
/konto/saml/<slug>/… and /konto/oidc/<slug>/…). What the portal adds is the organisation
(and its email domains and CVR numbers), the mapping of a group/role attribute to portal roles,
switching a provider off, and the replay guard (docs/decisions/0043-single-sign-on.md).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Protocol(models.TextChoices):
    SAML = "saml", _("SAML 2.0 (OIOSAML)")
    OIDC = "oidc", _("OpenID Connect")


class IdentityProvider(models.Model):
    """An identity provider that signs in the people of one organisation (or, for a broker
    such as NemLog-in, of every organisation whose CVR number it asserts)."""

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="identity_providers",
        verbose_name=_("organisation"),
    )
    protocol = models.CharField(_("protocol"), max_length=8, choices=Protocol.choices)
    # The allauth SocialApp's key and the URLs' slug: usually the organisation's slug.
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    app = models.OneToOneField(
        "socialaccount.SocialApp", on_delete=models.PROTECT, related_name="identity_provider"
    )
    # A broker (NemLog-in, MitID Erhverv) vouches for many organisations: the CVR number in the
    # assertion decides which; otherwise a CVR number, if asserted, must be the organisation's.
    is_broker = models.BooleanField(_("broker for several organisations"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    # The attribute/claim that carries the person's groups or roles, and which of its values
    # give which organisation roles: {"value": ["caseworker", "coordinator"]}. Portal-wide
    # roles (editor, jurist, operator admin) are never granted from outside.
    role_attribute = models.CharField(_("role attribute"), max_length=200, blank=True)
    role_map = models.JSONField(_("role mapping"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["organisation__name", "slug"]
        verbose_name = _("identity provider")
        verbose_name_plural = _("identity providers")

    def __str__(self):
        return f"{self.name} ({self.get_protocol_display()})"


class SeenAssertion(models.Model):
    """A SAML response or assertion id already used to sign in: a replay is refused. Kept until
    the assertion would have expired anyway (a daily task prunes older rows)."""

    identity_provider = models.ForeignKey(
        IdentityProvider, on_delete=models.CASCADE, related_name="+"
    )
    assertion_id = models.CharField(max_length=200)
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["identity_provider", "assertion_id"], name="sso_assertion_once"
            )
        ]
        indexes = [models.Index(fields=["seen_at"], name="sso_assertion_seen_idx")]

    def __str__(self):
        return self.assertion_id
