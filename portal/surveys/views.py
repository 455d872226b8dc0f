"""Pages of the user survey: the desk's (compose, send, close, results) and the answer page
reached from the email's signed link without signing in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from portal.core.forms import add_service_errors, error_text, posted

from . import access, links, selectors, services
from .forms import AnswerForm, QuestionForm, SurveyForm
from .models import Survey, SurveyQuestion


def _edit_url(survey: Survey):
    return redirect("surveys:survey_edit", survey_id=survey.pk)


@login_required
def desk_list(request):
    surveys = list(selectors.survey_list_for_desk(user=request.user))
    return render(request, "surveys/desk_list.html", {"surveys": surveys})


@login_required
def survey_create(request):
    access.require_manage(request.user)
    form = SurveyForm.for_survey(None, posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_compose(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The survey was saved. Add the questions."))
            return _edit_url(survey)
    return render(
        request,
        "surveys/survey_create.html",
        {"form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


def _edit_context(survey: Survey, **forms) -> dict:
    return {
        "survey": survey,
        "questions": selectors.survey_questions(survey=survey),
        "editable": survey.status == Survey.Status.DRAFT,
        "recipient_count": selectors.survey_recipients(survey=survey).count(),
        "form": forms.get("form") or SurveyForm.for_survey(survey),
        "question_form": forms.get("question_form") or QuestionForm(),
    }


@login_required
def survey_edit(request, survey_id: int):
    survey = selectors.access_survey_for_desk(user=request.user, survey_id=survey_id)
    if request.method != "POST":
        return render(request, "surveys/survey_edit.html", _edit_context(survey))
    form = SurveyForm.for_survey(survey, request.POST)
    if form.is_valid():
        try:
            services.survey_compose(by=request.user, survey=survey, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The survey was saved."))
            return _edit_url(survey)
    return render(request, "surveys/survey_edit.html", _edit_context(survey, form=form), status=400)


@login_required
@require_POST
def question_add(request, survey_id: int):
    survey = selectors.access_survey_for_desk(user=request.user, survey_id=survey_id)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.question_add(survey=survey, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The question was added."))
            return _edit_url(survey)
    return render(
        request,
        "surveys/survey_edit.html",
        _edit_context(survey, question_form=form),
        status=400,
    )


@login_required
@require_POST
def question_remove(request, survey_id: int, question_id: int):
    survey = selectors.access_survey_for_desk(user=request.user, survey_id=survey_id)
    question = get_object_or_404(SurveyQuestion, pk=question_id, survey=survey)
    try:
        services.question_remove(question=question, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    return _edit_url(survey)


@login_required
@require_POST
def survey_send(request, survey_id: int):
    survey = selectors.access_survey_for_desk(user=request.user, survey_id=survey_id)
    try:
        survey = services.survey_send(survey=survey, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return _edit_url(survey)
    messages.success(
        request,
        _("The survey is on its way to %(count)s people.") % {"count": survey.recipient_count},
    )
    return redirect("surveys:survey_results", survey_id=survey.pk)


@login_required
@require_POST
def survey_close(request, survey_id: int):
    survey = selectors.access_survey_for_desk(user=request.user, survey_id=survey_id)
    try:
        services.survey_close(survey=survey, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The survey is closed. No more answers are taken."))
    return redirect("surveys:survey_results", survey_id=survey.pk)


@login_required
def survey_results(request, survey_id: int):
    survey = selectors.access_survey_for_desk(user=request.user, survey_id=survey_id)
    return render(
        request,
        "surveys/survey_results.html",
        {"survey": survey, "results": selectors.survey_results(survey=survey)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, token: str):
    """Opened from the email without signing in: the signed link is the permission. Opening it
    (GET) stores nothing; mail scanners follow links."""
    try:
        link = links.answer_parse(token)
    except links.LinkExpired:
        return render(request, "surveys/answer_refused.html", {"expired": True}, status=410)
    except links.LinkForged:
        return render(request, "surveys/answer_refused.html", {"expired": False}, status=400)
    recipient = selectors.recipient_for_link(survey_id=link.survey_id, user_id=link.user_id)
    if recipient is None:
        return render(request, "surveys/answer_refused.html", {"expired": False}, status=400)
    survey = recipient.survey
    if recipient.answered:
        return render(request, "surveys/answer_already.html", {"survey": survey})
    if survey.status != Survey.Status.SENT:
        return render(request, "surveys/answer_closed.html", {"survey": survey}, status=410)
    form = AnswerForm(posted(request), questions=selectors.survey_questions(survey=survey))
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_answer(
                recipient=recipient,
                values=form.values(),
                show_name=form.cleaned_data["show_name"],
            )
        except services.AlreadyAnswered:
            return render(request, "surveys/answer_already.html", {"survey": survey})
        except services.SurveyClosed:
            return render(request, "surveys/answer_closed.html", {"survey": survey}, status=410)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return render(request, "surveys/answer_thanks.html", {"survey": survey})
    return render(
        request,
        "surveys/answer_form.html",
        {"survey": survey, "form": form, "token": token},
        status=400 if form.is_bound else 200,
    )
