"""Every topic picker names its empty choice: no "---------" in front of the topics.

In demo's tests because demo may import every app (the top layer).
"""

import importlib
import inspect
import pkgutil

from django import forms

import portal
from portal.core.models import Topic


def _form_classes():
    for module_info in pkgutil.walk_packages(portal.__path__, "portal."):
        if not module_info.name.endswith(".forms"):
            continue
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield cls


def test_no_topic_select_shows_a_row_of_dashes():
    pickers = []
    for cls in _form_classes():
        for name, field in getattr(cls, "base_fields", {}).items():
            if (
                isinstance(field, forms.ModelChoiceField)
                and field.queryset is not None
                and field.queryset.model is Topic
            ):
                pickers.append(f"{cls.__module__}.{cls.__name__}.{name}")
                if field.empty_label is not None and not isinstance(
                    field, forms.ModelMultipleChoiceField
                ):
                    assert str(field.empty_label).strip("-– ") != "", pickers[-1]
    assert len(pickers) >= 6
