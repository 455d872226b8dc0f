from django.urls import path

from . import views

app_name = "guides"

urlpatterns = [
    path("", views.guide_list, name="guide_list"),
    path("ny/", views.guide_create, name="guide_create"),
    path("fra-traad/<int:thread_id>/", views.guide_from_thread, name="guide_from_thread"),
    path("love/", views.law_list, name="law_list"),
    path("til-gennemsyn/", views.review_list, name="review_list"),
    path("svar/<int:post_id>/gennemset/", views.answer_mark_reviewed, name="answer_mark_reviewed"),
    path("<slug:slug>/", views.guide_detail, name="guide_detail"),
    path("<slug:slug>/rediger/", views.guide_update, name="guide_update"),
    path("<slug:slug>/gennemset/", views.guide_mark_reviewed, name="guide_mark_reviewed"),
]
