from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render


@login_required
def profile(request):
    return render(request, "accounts/profile.html")


def awaiting_approval(request):
    return render(request, "accounts/awaiting_approval.html")


@login_required
def administration(request):
    if not request.user.has_perm("core.view_audit_log"):
        raise PermissionDenied
    return render(request, "accounts/administration.html")
