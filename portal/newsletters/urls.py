from django.urls import path

from . import views

app_name = "newsletters"

urlpatterns = [
    path("", views.newsletter_archive, name="newsletter_archive"),
    path("<int:newsletter_id>/", views.newsletter_detail, name="newsletter_detail"),
    path("redaktion/", views.editor_list, name="editor_list"),
    path("redaktion/tal.<str:fmt>", views.figures_export, name="figures_export"),
    path("redaktion/nyt/", views.newsletter_create, name="newsletter_create"),
    path("redaktion/<int:newsletter_id>/", views.newsletter_edit, name="newsletter_edit"),
    path("redaktion/<int:newsletter_id>/punkter/", views.item_add, name="item_add"),
    path("redaktion/<int:newsletter_id>/punkter/soeg/", views.item_search, name="item_search"),
    path(
        "redaktion/<int:newsletter_id>/punkter/<int:item_id>/flyt/",
        views.item_move,
        name="item_move",
    ),
    path(
        "redaktion/<int:newsletter_id>/punkter/<int:item_id>/fjern/",
        views.item_remove,
        name="item_remove",
    ),
    path(
        "redaktion/<int:newsletter_id>/punkter/<int:item_id>/rediger/",
        views.item_edit,
        name="item_edit",
    ),
    path(
        "redaktion/<int:newsletter_id>/forhaandsvisning/",
        views.newsletter_preview,
        name="newsletter_preview",
    ),
    path(
        "redaktion/<int:newsletter_id>/forhaandsvisning/email/",
        views.newsletter_preview_html,
        name="newsletter_preview_html",
    ),
    path("redaktion/<int:newsletter_id>/test/", views.newsletter_test, name="newsletter_test"),
    path(
        "redaktion/<int:newsletter_id>/planlaeg/",
        views.newsletter_schedule,
        name="newsletter_schedule",
    ),
    path(
        "redaktion/<int:newsletter_id>/annuller-planlaegning/",
        views.newsletter_unschedule,
        name="newsletter_unschedule",
    ),
    path("redaktion/<int:newsletter_id>/send/", views.newsletter_send, name="newsletter_send"),
    path("redaktion/<int:newsletter_id>/slet/", views.newsletter_delete, name="newsletter_delete"),
    path("redaktion/<int:newsletter_id>/tal/", views.newsletter_figures, name="newsletter_figures"),
]
