"""User survey test data, made through the services as the desk makes it."""

import pytest

from portal.conftest import make_user
from portal.surveys import services
from portal.surveys.models import SurveyQuestion


def compose(editor, *, segment="everyone", **segment_fields):
    survey = services.survey_compose(
        by=editor,
        title="Hvad synes du om portalen?",
        intro="Tre korte spørgsmål.",
        segment=segment,
        **segment_fields,
    )
    services.question_add(
        survey=survey, by=editor, kind=SurveyQuestion.Kind.SCALE, text="Hvor nyttig er portalen?"
    )
    services.question_add(
        survey=survey,
        by=editor,
        kind=SurveyQuestion.Kind.CHOICE,
        text="Hvordan finder du vej til portalen?",
        options="Nyhedsbrevet\nDirekte\nSøgning",
    )
    services.question_add(
        survey=survey, by=editor, kind=SurveyQuestion.Kind.TEXT, text="Hvad mangler du?"
    )
    return survey


@pytest.fixture
def members(fund, jobcenter):
    return [
        make_user(organisation=fund, email="anna@3f.example.dk", full_name="Anna Andersen"),
        make_user(organisation=fund, email="bo@3f.example.dk", full_name="Bo Berg"),
        make_user(organisation=jobcenter, email="carl@jobcenter.example.dk", full_name="Carl"),
    ]


@pytest.fixture
def survey(editor, members):
    return compose(editor)
