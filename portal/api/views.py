"""Profile → API tokens: people create, see and revoke their own tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import ApiTokenForm


def _render_list(request, *, form, new_token: str = "", new_token_name: str = ""):
    return render(
        request,
        "api/token_list.html",
        {
            "form": form,
            "tokens": selectors.api_token_list(user=request.user),
            "new_token": new_token,
            "new_token_name": new_token_name,
        },
    )


@login_required
def token_list(request):
    return _render_list(request, form=ApiTokenForm())


@never_cache
@login_required
@require_POST
def token_create(request):
    """Shows the new token in the response to the POST itself, so it is never stored in clear:
    not in the session, not in a URL, not in a cache (never_cache). The list page never has it."""
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _render_list(request, form=form)
    token, key = services.api_token_create(
        user=request.user, name=form.cleaned_data["name"], request=request
    )
    return _render_list(request, form=ApiTokenForm(), new_token=key, new_token_name=token.name)


@login_required
@require_POST
def token_revoke(request, token_id: int):
    token = selectors.access_api_token(user=request.user, token_id=token_id)
    token = services.api_token_revoke(user=request.user, token_id=token.pk, request=request)
    messages.success(
        request,
        _("The token “%(name)s” is revoked and can no longer be used.") % {"name": token.name},
    )
    return redirect("api:token_list")
