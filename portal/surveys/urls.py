from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("svar/<str:token>/", views.answer, name="answer"),
    path("redaktion/", views.desk_list, name="desk_list"),
    path("redaktion/nyt/", views.survey_create, name="survey_create"),
    path("redaktion/<int:survey_id>/", views.survey_edit, name="survey_edit"),
    path("redaktion/<int:survey_id>/spoergsmaal/", views.question_add, name="question_add"),
    path(
        "redaktion/<int:survey_id>/spoergsmaal/<int:question_id>/slet/",
        views.question_remove,
        name="question_remove",
    ),
    path("redaktion/<int:survey_id>/send/", views.survey_send, name="survey_send"),
    path("redaktion/<int:survey_id>/luk/", views.survey_close, name="survey_close"),
    path("redaktion/<int:survey_id>/resultater/", views.survey_results, name="survey_results"),
]
