"""PLACEHOLDER: replaced by the helper that owns this module."""

from django.http import Http404


def event_cancel(request, *args, **kwargs):
    raise Http404


def event_copy(request, *args, **kwargs):
    raise Http404


def event_create(request, *args, **kwargs):
    raise Http404


def event_update(request, *args, **kwargs):
    raise Http404


def py(request, *args, **kwargs):
    raise Http404
