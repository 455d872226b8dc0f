"""PLACEHOLDER: replaced by the helper that owns this module."""

from django.http import Http404


def py(request, *args, **kwargs):
    raise Http404


def rsvp(request, *args, **kwargs):
    raise Http404
