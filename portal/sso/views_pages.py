"""Single sign-on's pages: the sign-in page's first step (discovery by email domain), the direct
link per organisation for intranets, and the operator admins' pages for an organisation's
identity providers. The protocol is allauth's: a sign-in starts with the allauth provider's own
`redirect()` on a POST (so a CSRF token guards it: allauth's SOCIALACCOUNT_LOGIN_ON_GET stays
False), and every write goes through portal.sso.services."""

from allauth.account.views import LoginView
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core.forms import add_service_errors, error_text, posted

from . import access, selectors, services
from .cvr import organisation_cvr_set
from .forms import (
    CvrForm,
    IdentityProviderEditForm,
    OidcAddForm,
    RoleMapFormSet,
    SamlAddForm,
    role_map_from,
    role_map_rows,
)
from .models import IdentityProvider, Protocol


def _redirect_to_identity_provider(request, identity_provider: IdentityProvider, next_url):
    """Start the sign-in at the identity provider: allauth's provider builds the SAML
    AuthnRequest or the OpenID Connect authorisation request and remembers the state."""
    provider = identity_provider.app.get_provider(request)
    return provider.redirect(request, "login", next_url=next_url or None)


# --- Sign-in: discovery by email domain --------------------------------------------------


class SignInView(LoginView):
    """allauth's login view with a first step: the work email.

    One form, email and password (the password may be left empty): an address whose domain
    belongs to an organisation with an active identity provider goes to that provider, whether
    or not a password was typed (it is never checked: a municipal employee who types their
    Windows password here has it neither tried nor kept, and a portal password does not get
    round the organisation's own sign-in). Any other address with an empty password gets the
    second step: the same form with the address filled in, the password field to fill and the
    offer of a code by email. An address and a password together sign in as they always did.
    """

    template_name = "account/login.html"

    def post(self, request, *args, **kwargs):
        email = request.POST.get("login", "").strip()
        identity_provider = selectors.identity_provider_for_email(email=email) if email else None
        password_typed = bool(request.POST.get("password"))
        if identity_provider is not None:
            if password_typed:
                # They expected to sign in here: say why not, and whose login comes next.
                return render(
                    request,
                    "sso/direct_sign_in.html",
                    {
                        "identity_provider": identity_provider,
                        "next": self.get_next_url() or "",
                        "password_ignored": True,
                    },
                )
            return _redirect_to_identity_provider(request, identity_provider, self.get_next_url())
        if email and "@" in email and not password_typed:
            form = self.get_form_class()(request=request, initial={"login": email})
            return self.render_to_response(
                self.get_context_data(
                    form=self._shaped(form, True), password_step=True, email=email
                )
            )
        return super().post(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        return self._shaped(form, form.is_bound)

    @staticmethod
    def _shaped(form, password_step: bool):
        """The first step says the password may wait; the second puts the cursor in it."""
        login, password = form.fields.get("login"), form.fields.get("password")
        if login is None or password is None:
            return form
        login.label = _("Work email")
        login.widget.attrs["autocomplete"] = "username"
        if password_step:
            login.widget.attrs.pop("autofocus", None)
            password.widget.attrs["autofocus"] = True
            password.help_text = ""
        else:
            password.help_text = _(
                "Leave it empty if your organisation signs you in with its own login."
            )
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("password_step", False)
        return context


sign_in = SignInView.as_view()


# --- The direct link per organisation ----------------------------------------------------


def _active_identity_provider(slug: str) -> IdentityProvider:
    identity_provider = (
        IdentityProvider.objects.filter(slug=slug, is_active=True)
        .select_related("app", "organisation")
        .first()
    )
    if identity_provider is None:
        raise Http404
    return identity_provider


def direct_sign_in(request, slug: str):
    """/log-ind/<slug>/: a page with one button that signs in at the organisation's identity
    provider. The button POSTs (with the CSRF token): a GET that started a sign-in could be
    fired by any page the person visits (login CSRF), which is why allauth refuses it too."""
    identity_provider = _active_identity_provider(slug)
    if request.method == "POST":
        return _redirect_to_identity_provider(
            request, identity_provider, _safe_next(request, request.POST.get("next", ""))
        )
    return render(
        request,
        "sso/direct_sign_in.html",
        {
            "identity_provider": identity_provider,
            "next": _safe_next(request, request.GET.get("next", "")),
        },
    )


def _safe_next(request, url: str) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


# --- Operator admins: an organisation's identity providers -------------------------------


def _operator_admin_only(request):
    if not access.identity_provider_manageable(request.user):
        raise PermissionDenied


@login_required
def identity_provider_list(request, slug: str):
    _operator_admin_only(request)
    organisation = access.access_organisation_for_sso(user=request.user, slug=slug)
    identity_providers = (
        IdentityProvider.objects.filter(access.identity_providers_manageable(request.user))
        .filter(organisation=organisation)
        .select_related("created_by")
        .order_by("-is_active", "created_at")
    )
    return render(
        request,
        "sso/identity_provider_list.html",
        {
            "organisation": organisation,
            "identity_providers": identity_providers,
            "domains": organisation.domain_list,
        },
    )


@login_required
def organisations_with_sso(request):
    """Every organisation and how many identity providers it has: where an operator admin
    starts."""
    _operator_admin_only(request)
    return render(
        request,
        "sso/organisation_list.html",
        {"organisations": selectors.organisations_with_provider_counts()},
    )


def _provider_add(request, slug: str, *, form, protocol: str, add):
    """The two "add an identity provider" pages: the form, the service `add(organisation,
    cleaned_data)` with its errors on the form, then the provider's details."""
    _operator_admin_only(request)
    organisation = access.access_organisation_for_sso(user=request.user, slug=slug)
    if request.method == "POST" and form.is_valid():
        try:
            identity_provider = add(organisation, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The identity provider has been added."))
            return redirect(
                "sso:identity_provider_detail", slug=organisation.slug, pk=identity_provider.pk
            )
    return render(
        request,
        "sso/identity_provider_add.html",
        {"organisation": organisation, "form": form, "protocol": protocol},
    )


@login_required
def identity_provider_add_saml(request, slug: str):
    return _provider_add(
        request,
        slug,
        form=SamlAddForm(posted(request), request.FILES or None),
        protocol=Protocol.SAML,
        add=lambda organisation, data: services.identity_provider_add_saml(
            organisation=organisation,
            by=request.user,
            metadata_url=data["metadata_url"],
            metadata_xml=data["metadata_file"],
            name=data["name"],
            is_broker=data["is_broker"],
        ),
    )


@login_required
def identity_provider_add_oidc(request, slug: str):
    return _provider_add(
        request,
        slug,
        form=OidcAddForm(posted(request)),
        protocol=Protocol.OIDC,
        add=lambda organisation, data: services.identity_provider_add_oidc(
            organisation=organisation,
            by=request.user,
            issuer=data["issuer"],
            client_id=data["client_id"],
            client_secret=data["client_secret"],
            name=data["name"],
        ),
    )


@login_required
def identity_provider_detail(request, slug: str, pk: int):
    """What the identity provider's administrator needs (to copy), and the role mapping."""
    _operator_admin_only(request)
    organisation = access.access_organisation_for_sso(user=request.user, slug=slug)
    identity_provider = access.access_identity_provider(
        user=request.user, organisation=organisation, pk=pk
    )
    initial = {
        "name": identity_provider.name,
        "is_broker": identity_provider.is_broker,
        "role_attribute": identity_provider.role_attribute,
    }
    form = IdentityProviderEditForm(posted(request), initial=initial)
    formset = RoleMapFormSet(
        posted(request), initial=role_map_rows(identity_provider.role_map), prefix="roles"
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.identity_provider_update(
                identity_provider=identity_provider,
                by=request.user,
                name=form.cleaned_data["name"],
                role_attribute=form.cleaned_data["role_attribute"],
                role_map=role_map_from(formset),
                is_broker=form.cleaned_data["is_broker"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(
                "sso:identity_provider_detail", slug=organisation.slug, pk=identity_provider.pk
            )
    sp_details = services.sp_details(identity_provider=identity_provider, request_or_site_url=None)
    return render(
        request,
        "sso/identity_provider_detail.html",
        {
            "organisation": organisation,
            "identity_provider": identity_provider,
            "sp_fields": _sp_fields(sp_details),
            "form": form,
            "formset": formset,
            # The portal's one public address (as sp_details uses), not this request's host.
            "direct_link": settings.SITE_URL.rstrip("/") + _direct_link_path(identity_provider),
        },
    )


# sp_details' keys, in the order an administrator types them in, with their Danish names.
_SP_LABELS = {
    "metadata_url": gettext_lazy("SP metadata URL"),
    "certificate": gettext_lazy("The portal's certificate (signed requests, encrypted assertions)"),
    "entity_id": gettext_lazy("Entity ID (the portal's)"),
    "acs_url": gettext_lazy("Assertion Consumer Service (ACS) URL"),
    "slo_url": gettext_lazy("Single logout (SLO) URL"),
    "redirect_uri": gettext_lazy("Redirect URI"),
    "post_logout_redirect_uri": gettext_lazy("Post-logout redirect URI"),
}


# Not for the IdP's administrator: the protocol is on the page already, and allauth's own
# sign-in URL is not where people start (the direct link is).
_SP_NOT_SHOWN = {"protocol", "login_url"}


def _sp_fields(sp_details: dict) -> list[tuple[str, str, bool]]:
    """The service's details as (label, value, several lines) rows: the known ones first."""
    known = [(label, sp_details[key]) for key, label in _SP_LABELS.items() if sp_details.get(key)]
    other = [
        (key, value)
        for key, value in sp_details.items()
        if key not in _SP_LABELS and key not in _SP_NOT_SHOWN and value
    ]
    return [(label, value, "\n" in str(value)) for label, value in known + other]


def _direct_link_path(identity_provider: IdentityProvider) -> str:
    return reverse("sso:direct_sign_in", kwargs={"slug": identity_provider.slug})


@login_required
def identity_provider_switch(request, slug: str, pk: int):
    """Deactivate (or activate again) after a confirmation page that says what follows."""
    _operator_admin_only(request)
    organisation = access.access_organisation_for_sso(user=request.user, slug=slug)
    identity_provider = access.access_identity_provider(
        user=request.user, organisation=organisation, pk=pk
    )
    if request.method == "POST":
        try:
            if identity_provider.is_active:
                services.identity_provider_deactivate(
                    identity_provider=identity_provider, by=request.user
                )
                messages.success(request, _("Single sign-on has been switched off."))
            else:
                services.identity_provider_activate(
                    identity_provider=identity_provider, by=request.user
                )
                messages.success(request, _("Single sign-on has been switched on."))
        except ValidationError as error:
            messages.error(request, error_text(error))
        return redirect("sso:identity_provider_list", slug=organisation.slug)
    return render(
        request,
        "sso/identity_provider_switch.html",
        {"organisation": organisation, "identity_provider": identity_provider},
    )


@login_required
def organisation_cvr(request, slug: str):
    _operator_admin_only(request)
    organisation = access.access_organisation_for_sso(user=request.user, slug=slug)
    form = CvrForm(posted(request), organisation=organisation, initial={"cvr": organisation.cvr})
    if request.method == "POST" and form.is_valid():
        try:
            organisation_cvr_set(
                organisation=organisation,
                cvr=form.cleaned_data["cvr"],
                by=request.user,
                request=request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The CVR number has been saved."))
            return redirect("sso:identity_provider_list", slug=organisation.slug)
    return render(
        request, "sso/organisation_cvr.html", {"organisation": organisation, "form": form}
    )
