"""PLACEHOLDER: replaced by the helper that owns this module."""

from django.http import Http404


def feedback_form(request, *args, **kwargs):
    raise Http404
