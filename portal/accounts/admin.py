"""Django admin for the operator's technical staff; day-to-day people work happens in the portal."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.core.models import AuditEvent, Centre, Organisation, RoleGrant, Topic, User

from . import services
from .models import Invitation


class CentreInline(admin.TabularInline):
    model = Centre
    extra = 0
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "email_domains"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "email_domains"]
    prepopulated_fields = {"slug": ("name",)}
    inlines = [CentreInline]


@admin.register(Centre)
class CentreAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "slug"]
    list_filter = ["organisation"]
    list_select_related = ["organisation"]
    search_fields = ["name", "slug"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ("name",)}


class RoleGrantInline(admin.TabularInline):
    """Read-only: roles are given in the portal, where each grant is checked against the
    giver's scope and audited (docs/decisions/0012-scoped-roles.md)."""

    model = RoleGrant
    extra = 0
    fields = ["role", "granted_at"]
    readonly_fields = ["role", "granted_at"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PortalUserCreationForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("email",)


class PortalUserChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = PortalUserChangeForm
    add_form = PortalUserCreationForm
    inlines = [RoleGrantInline]
    list_display = ["email", "full_name", "organisation", "is_active", "approved_at", "is_staff"]
    list_filter = ["organisation__kind", "is_active", "is_staff", "role_grants__role"]
    list_select_related = ["organisation"]
    search_fields = ["email", "full_name"]
    ordering = ["email"]
    filter_horizontal = ["expertise", "groups", "user_permissions"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Person"),
            {
                "fields": [
                    "full_name",
                    "title",
                    "phone",
                    "organisation",
                    "centre",
                    "expertise",
                    "preferred_language",
                ]
            },
        ),
        (_("Access"), {"fields": ["approved_at", "is_active", "is_staff", "is_superuser"]}),
        (
            _("Django permissions"),
            {"classes": ["collapse"], "fields": ["groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "usable_password", "password1", "password2"],
            },
        ),
    ]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read-only: invitations are made in the portal, which emails the one-time link."""

    list_display = ["email", "organisation", "status", "created_at", "expires_at", "invited_by"]
    list_filter = ["organisation"]
    list_select_related = ["organisation", "invited_by"]
    search_fields = ["email"]
    exclude = ["token_hash"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("status"))
    def status(self, obj):
        return Invitation.Status(obj.status).label

    @admin.action(description=_("Withdraw the selected invitations"))
    def revoke(self, request, queryset):
        withdrawn = 0
        for invitation in queryset:
            try:
                services.invitation_revoke(
                    invitation=invitation, actor=request.user, request=request
                )
            except ValidationError:
                continue
            withdrawn += 1
        self.message_user(
            request,
            _("%(count)d invitations withdrawn.") % {"count": withdrawn},
            messages.SUCCESS,
        )


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log cannot be edited, not even by superusers."""

    list_display = [
        "created_at",
        "action",
        "actor_email",
        "subject_user",
        "object_type",
        "object_label",
        "organisation",
    ]
    list_filter = ["action", "object_type", "organisation"]
    list_select_related = ["subject_user", "organisation"]
    search_fields = ["actor_email", "subject_user__email", "object_id", "object_label"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
