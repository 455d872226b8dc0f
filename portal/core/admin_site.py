"""Django's admin behind the portal's own sign-in with two-factor (decision 0015).

Django's admin login form has no rate limit and no second factor. Here it has no login form at
all: /django-admin/login/ sends the visitor to the portal's sign-in (throttled, with the second
factor), and the admin opens only to active staff whose current session passed a second factor.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.shortcuts import render
from django.urls import reverse

# This module is loaded while the app registry fills (PortalAdminConfig is in INSTALLED_APPS), so
# what imports models is imported where it is used.


def session_passed_mfa(request) -> bool:
    """Did this session's sign-in include a second factor (not merely a password or a code)?"""
    from allauth.account.authentication import get_authentication_records

    user = request.user
    if not user.is_authenticated:
        return False
    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


class PortalAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and session_passed_mfa(request)

    def login(self, request, extra_context=None):
        from django.contrib.auth.views import redirect_to_login

        if not request.user.is_authenticated:
            next_url = request.GET.get("next") or reverse("admin:index")
            return redirect_to_login(next_url, login_url=reverse("account_login"))
        return render(request, "core/admin_refused.html", status=403)


class PortalAdminConfig(AdminConfig):
    default_site = "portal.core.admin_site.PortalAdminSite"
