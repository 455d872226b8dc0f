"""Pages of the accounts app: invitations, people administration, audit log, profile, GDPR."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.core import selectors as core_selectors
from portal.core.forms import add_service_errors, error_text, posted
from portal.core.models import PersonalDataAccess, Role
from portal.core.rules import is_operator_admin, roles_grantable
from portal.core.services import personal_data_access_record

from . import selectors, services
from .forms import (
    AccountDeleteForm,
    AuditFilterForm,
    InvitationAcceptForm,
    InvitationForm,
    MemberRolesForm,
    PeopleSearchForm,
    ProfileForm,
)

PEOPLE_PER_PAGE = 25
AUDIT_EVENTS_PER_PAGE = 50
# Errors of invitation_create that concern the address rather than the whole form.
_EMAIL_ERROR_CODES = {"email_taken", "invitation_pending"}


# --- Invitations -------------------------------------------------------------------------


@never_cache
def invitation_accept(request, token: str):
    """The page behind the link in the invitation email (anonymous)."""
    invitation = selectors.invitation_for_token(token=token)
    if invitation is None:
        raise Http404
    try:
        services.invitation_validate(invitation=invitation)
    except ValidationError as error:
        return render(
            request,
            "accounts/invitation_unusable.html",
            {"invitation": invitation, "problem": error_text(error), "code": error.code},
            status=410,
        )
    if request.user.is_authenticated:
        return render(
            request, "accounts/invitation_signed_in.html", {"invitation": invitation}, status=409
        )
    form = InvitationAcceptForm(posted(request), invitation=invitation)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
                request=request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome to Samarbejdsportalen. Your account at %(organisation)s is ready.")
                % {"organisation": invitation.organisation.name},
            )
            return redirect("core:front_page")
    return render(
        request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form}
    )


# --- People administration ---------------------------------------------------------------


@login_required
def organisation_list(request):
    """Organisations whose people the user administers; an ordinary admin goes to their own."""
    organisations = list(selectors.organisation_list_manageable(user=request.user))
    if not organisations:
        raise PermissionDenied
    if not is_operator_admin(request.user):
        return redirect("accounts:people_list", slug=organisations[0].slug)
    return render(request, "accounts/organisation_list.html", {"organisations": organisations})


@login_required
def people_list(request, slug: str):
    organisation = selectors.access_organisation_for_people(user=request.user, slug=slug)
    search_form = PeopleSearchForm(request.GET or None)
    search = search_form.cleaned_data["q"] if search_form.is_valid() else ""
    members = selectors.member_list(organisation=organisation, search=search)
    page = Paginator(members, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    pending_signups = list(selectors.pending_signup_list(organisation=organisation))
    personal_data_access_record(
        request=request,
        kind=PersonalDataAccess.Kind.PEOPLE_LIST,
        obj=organisation,
        label=organisation.name,
        person_ids=[m.pk for m in page.object_list] + [p.pk for p in pending_signups],
    )
    return render(
        request,
        "accounts/people_list.html",
        {
            "organisation": organisation,
            "search_form": search_form,
            "search": search,
            "page_obj": page,
            "pending_signups": pending_signups,
            "pending_invitations": selectors.pending_invitation_list(organisation=organisation),
        },
    )


@login_required
def invitation_create(request, slug: str):
    organisation = selectors.access_organisation_for_people(user=request.user, slug=slug)
    form = InvitationForm(
        posted(request),
        organisation=organisation,
        grantable_roles=roles_grantable(by=request.user, organisation=organisation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                organisation=organisation,
                email=form.cleaned_data["email"],
                roles=form.cleaned_data["roles"],
                centre=form.cleaned_data.get("centre"),
                invited_by=request.user,
                request=request,
            )
        except ValidationError as error:
            field = "email" if getattr(error, "code", None) in _EMAIL_ERROR_CODES else None
            form.add_error(field, error)
        else:
            messages.success(
                request,
                _("The invitation has been sent to %(email)s.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("accounts:people_list", slug=organisation.slug)
    return render(
        request,
        "accounts/invitation_create.html",
        {
            "organisation": organisation,
            "form": form,
            "invitation_valid_days": settings.PORTAL_INVITATION_VALID_DAYS,
        },
    )


@login_required
@require_POST
def invitation_revoke(request, slug: str, invitation_id: int):
    organisation = selectors.access_organisation_for_people(user=request.user, slug=slug)
    invitation = selectors.access_invitation(organisation=organisation, invitation_id=invitation_id)
    try:
        services.invitation_revoke(invitation=invitation, actor=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email},
        )
    return redirect("accounts:people_list", slug=organisation.slug)


@login_required
def member_detail(request, slug: str, user_id: int):
    """A member's roles (the ones the admin may change are editable) and deactivation.

    Nobody changes their own roles: an admin's own page shows them without a form."""
    organisation = selectors.access_organisation_for_people(user=request.user, slug=slug)
    member = selectors.access_member(organisation=organisation, user_id=user_id)
    if request.method == "GET":
        personal_data_access_record(
            request=request,
            kind=PersonalDataAccess.Kind.MEMBER,
            obj=member,
            label=f"{member.get_full_name()} ({organisation.name})",
            person_ids=[member.pk],
        )
    current_roles = sorted(member.role_grants.values_list("role", flat=True))
    grantable = roles_grantable(by=request.user, organisation=organisation, member=member)
    form = MemberRolesForm(
        posted(request) if grantable else None,
        grantable_roles=grantable,
        initial={"roles": [role for role in current_roles if role in grantable]},
    )
    status = 200
    if request.method == "POST" and not grantable:
        status = 403
        messages.error(request, _("You cannot change your own roles. Ask another administrator."))
    elif request.method == "POST" and form.is_valid():
        kept = [role for role in current_roles if role not in grantable]
        try:
            services.member_roles_set(
                member=member,
                roles=[*form.cleaned_data["roles"], *kept],
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The roles of %(name)s have been saved.") % {"name": member.get_full_name()},
            )
            return redirect("accounts:people_list", slug=organisation.slug)
    return render(
        request,
        "accounts/member_detail.html",
        {
            "organisation": organisation,
            "member": member,
            "form": form,
            "can_change_roles": bool(grantable),
            # Roles the admin may not change (their own, or portal roles), shown as text.
            "fixed_roles": [
                label
                for value, label in Role.choices
                if value in current_roles and value not in grantable
            ],
        },
        status=status,
    )


@login_required
@require_POST
def member_deactivate(request, slug: str, user_id: int):
    organisation = selectors.access_organisation_for_people(user=request.user, slug=slug)
    member = selectors.access_member(organisation=organisation, user_id=user_id)
    try:
        services.member_deactivate(member=member, actor=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("accounts:member_detail", slug=organisation.slug, user_id=member.pk)
    messages.success(
        request,
        _("%(name)s has been deactivated and can no longer sign in.")
        % {"name": member.get_full_name()},
    )
    return redirect("accounts:people_list", slug=organisation.slug)


@login_required
@require_POST
def signup_approve(request, slug: str, user_id: int):
    organisation = selectors.access_organisation_for_people(user=request.user, slug=slug)
    applicant = selectors.access_pending_signup(organisation=organisation, user_id=user_id)
    try:
        services.signup_approve(user=applicant, actor=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("%(name)s has been approved and told by email.")
            % {"name": applicant.get_full_name()},
        )
    return redirect("accounts:people_list", slug=organisation.slug)


@login_required
@require_POST
def signup_reject(request, slug: str, user_id: int):
    organisation = selectors.access_organisation_for_people(user=request.user, slug=slug)
    applicant = selectors.access_pending_signup(organisation=organisation, user_id=user_id)
    name = applicant.get_full_name()
    try:
        services.signup_reject(user=applicant, actor=request.user, request=request)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The sign-up of %(name)s has been rejected.") % {"name": name})
    return redirect("accounts:people_list", slug=organisation.slug)


# --- Audit log ---------------------------------------------------------------------------


@login_required
def administration(request):
    """The audit log: an admin sees their organisation's events, the operator's admins all."""
    if not request.user.has_perm("core.view_audit_log"):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        filters = form.cleaned_data if form.is_bound else {}
        events = core_selectors.audit_event_list(
            user=request.user,
            action=filters.get("action", ""),
            email=filters.get("email", "").strip(),
            object_type=filters.get("object_type", ""),
            object_text=filters.get("object_text", ""),
            date_from=filters.get("date_from"),
            date_to=filters.get("date_to"),
        )
        page = Paginator(events, AUDIT_EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/administration.html",
        {
            "form": form,
            "page_obj": page,
            "show_organisation": request.user.has_perm("core.view_all_audit_events"),
            "can_manage_people": selectors.organisation_list_manageable(user=request.user).exists(),
        },
    )


# --- Profile and personal data -----------------------------------------------------------


def _profile_page(request, *, profile_form=None, delete_form=None, status=200):
    return render(
        request,
        "accounts/profile.html",
        {
            "profile_form": profile_form or ProfileForm(user=request.user),
            "delete_form": delete_form or AccountDeleteForm(),
        },
        status=status,
    )


@login_required
def profile(request):
    if request.method != "POST":
        return _profile_page(request)
    form = ProfileForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.profile_update(
                user=request.user,
                full_name=form.cleaned_data["full_name"],
                title=form.cleaned_data["title"],
                phone=form.cleaned_data["phone"],
                centre=form.cleaned_data.get("centre"),
                expertise=form.cleaned_data["expertise"],
                preferred_language=form.cleaned_data["preferred_language"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            language = form.cleaned_data["preferred_language"]
            translation.activate(language)
            messages.success(request, _("Your profile has been saved."))
            response = redirect("accounts:profile")
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
            return response
    return _profile_page(request, profile_form=form, status=400)


@login_required
@require_POST
def profile_export(request):
    """The person's own data as a JSON download (GDPR right of access and portability)."""
    data = services.personal_data_export(user=request.user, request=request)
    personal_data_access_record(
        request=request,
        kind=PersonalDataAccess.Kind.DATA_EXPORT,
        obj=request.user,
        label=request.user.email,
        person_ids=[request.user.pk],
    )
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"samarbejdsportalen-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def account_delete(request):
    form = AccountDeleteForm(request.POST)
    if form.is_valid():
        try:
            services.account_delete(
                user=request.user, password=form.cleaned_data["password"], request=request
            )
        except ValidationError as error:
            field = "password" if error.code == "wrong_password" else None
            form.add_error(field, error)
        else:
            # Not logout(): its signal would audit a sign-out by an account that no longer exists.
            request.session.flush()
            request.user = AnonymousUser()
            return redirect("accounts:account_deleted")
    return _profile_page(request, delete_form=form, status=400)


def account_deleted(request):
    return render(request, "accounts/account_deleted.html")


def awaiting_approval(request):
    return render(request, "accounts/awaiting_approval.html")
