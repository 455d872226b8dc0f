"""PLACEHOLDER: replaced by the helper that owns this module."""

from django.http import Http404


def calendar_feed(request, *args, **kwargs):
    raise Http404


def calendar_feed_settings(request, *args, **kwargs):
    raise Http404


def event_ics(request, *args, **kwargs):
    raise Http404


def py(request, *args, **kwargs):
    raise Http404
