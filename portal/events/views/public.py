"""PLACEHOLDER: replaced by the helper that owns this module."""

from django.http import Http404


def event_detail(request, *args, **kwargs):
    raise Http404


def event_list(request, *args, **kwargs):
    raise Http404


def py(request, *args, **kwargs):
    raise Http404


def registration_cancel(request, *args, **kwargs):
    raise Http404


def registration_create(request, *args, **kwargs):
    raise Http404


def registration_for_colleague(request, *args, **kwargs):
    raise Http404


def registration_update(request, *args, **kwargs):
    raise Http404
