"""The user survey from the email to the desk's results: a member answers from the personal
link on a 390 px phone without signing in, once, anonymously; the desk sees the result without
a name. Every page, the desk's list and draft page too, is axe-clean."""

import pytest

from portal.conftest import make_user
from portal.surveys import services
from portal.surveys.models import SurveyResponse
from portal.testing.browser import assert_accessible, sign_in_with_password
from portal.testing.smtp import extract_url

pytestmark = pytest.mark.browser

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


def test_a_member_answers_from_the_email_on_a_phone_and_the_desk_sees_the_result(
    page, smtp_server, operator, fund, password
):
    editor = make_user(
        organisation=operator, roles=["editor"], email="redaktoer@loh.example.dk", full_name="Rie"
    )
    member = make_user(organisation=fund, email="medlem@3f.example.dk", full_name="Mette Medlem")
    survey = services.survey_compose(
        by=editor, title="Hvad synes du om portalen?", intro="To spørgsmål.", segment="everyone"
    )
    services.question_add(survey=survey, by=editor, kind="scale", text="Hvor nyttig er portalen?")
    services.question_add(survey=survey, by=editor, kind="text", text="Hvad mangler du?")
    services.survey_send(survey=survey, by=editor)
    mail = smtp_server.wait_for_message(to=member.email)
    link = extract_url(mail.text, contains="/spoergeskemaer/svar/")

    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(link)
    assert_accessible(page)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    page.locator("main input[type=radio][value='4']").check()
    page.locator("main textarea").fill("Flere guider om dagpenge")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert_accessible(page)
    assert "Tak for dit svar" in page.locator("main").inner_text()
    assert SurveyResponse.objects.get().user_id is None

    page.goto(link)  # the link answers once
    assert_accessible(page)
    assert "Du har allerede svaret" in page.locator("main").inner_text()

    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in_with_password(page, email=editor.email, password=password)
    assert_accessible(page)
    draft = services.survey_compose(by=editor, title="Næste runde", intro="", segment="everyone")
    page.goto("/spoergeskemaer/redaktion/")
    assert_accessible(page)
    page.goto(f"/spoergeskemaer/redaktion/{draft.pk}/")
    assert_accessible(page)
    page.goto(f"/spoergeskemaer/redaktion/{survey.pk}/resultater/")
    assert_accessible(page)
    results = page.locator("main").inner_text()
    assert "Flere guider om dagpenge" in results
    assert "Mette Medlem" not in results
    assert page.locator("#results-count").inner_text() == "1"
