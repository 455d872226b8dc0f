"""PLACEHOLDER: replaced by the helper that owns this module."""

from django.http import Http404


def attendance_pdf(request, *args, **kwargs):
    raise Http404


def badges_pdf(request, *args, **kwargs):
    raise Http404


def check_in(request, *args, **kwargs):
    raise Http404


def feedback_results(request, *args, **kwargs):
    raise Http404


def participant_list(request, *args, **kwargs):
    raise Http404


def py(request, *args, **kwargs):
    raise Http404
