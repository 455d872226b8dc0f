from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from portal.core.forms import add_service_errors, error_text, posted


class _TitleForm(forms.Form):
    title = forms.CharField(required=False)


def test_posted_is_none_on_get_and_the_data_on_an_empty_post():
    factory = RequestFactory()
    assert posted(factory.get("/", {"title": "x"})) is None
    data = posted(factory.post("/", {}))
    assert data is not None
    assert _TitleForm(data).is_bound  # so an empty POST still shows the form's errors


def test_error_text_joins_every_message_of_a_list_or_a_dict_error():
    assert error_text(ValidationError(["Først.", "Så."])) == "Først. Så."
    assert error_text(ValidationError({"title": ["Titel."], "other": ["Andet."]})) == (
        "Titel. Andet."
    )
    assert error_text(ValidationError("%(n)s pladser.", params={"n": 3})) == "3 pladser."


def test_add_service_errors_puts_known_fields_on_the_field_and_the_rest_on_top():
    form = _TitleForm({"title": "x"})
    assert form.is_valid()
    add_service_errors(form, ValidationError({"title": ["Titel."], "owner": ["Ejer."]}))
    assert form.errors["title"] == ["Titel."]
    assert form.non_field_errors() == ["Ejer."]
