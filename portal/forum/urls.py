from django.urls import path

from . import views, views_mention

app_name = "forum"

urlpatterns = [
    path("", views.thread_list, name="thread_list"),
    path("ny/", views.thread_create, name="thread_create"),
    path("omtal/", views_mention.mention_suggestions, name="mention_suggestions"),
    path("ubesvarede/", views.unanswered_list, name="unanswered_list"),
    path("traad/<int:thread_id>/", views.thread_detail, name="thread_detail"),
    path("traad/<int:thread_id>/svar/", views.reply_create, name="reply_create"),
    path("traad/<int:thread_id>/foelg/", views.thread_follow, name="thread_follow"),
    path("traad/<int:thread_id>/fjern-accept/", views.answer_unaccept, name="answer_unaccept"),
    path("traad/<int:thread_id>/flyt/", views.thread_move, name="thread_move"),
    path("traad/<int:thread_id>/sammenlaeg/", views.thread_merge, name="thread_merge"),
    path(
        "traad/<int:thread_id>/moderation/<slug:action>/",
        views.thread_moderate,
        name="thread_moderate",
    ),
    path("indlaeg/<int:post_id>/", views.post_detail, name="post_detail"),
    path("indlaeg/<int:post_id>/rediger/", views.post_edit, name="post_edit"),
    path("indlaeg/<int:post_id>/historik/", views.post_history, name="post_history"),
    path("indlaeg/<int:post_id>/anmeld/", views.post_report, name="post_report"),
    path("indlaeg/<int:post_id>/reaktion/", views.post_react, name="post_react"),
    path("indlaeg/<int:post_id>/accepter/", views.answer_accept, name="answer_accept"),
    path(
        "indlaeg/<int:post_id>/moderation/<slug:action>/",
        views.post_moderate,
        name="post_moderate",
    ),
    path("bilag/<str:token>/", views.attachment_download, name="attachment_download"),
    path("emner/", views.topic_list, name="topic_list"),
    path("emner/nyt/", views.topic_create, name="topic_create"),
    path("emner/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("emner/<slug:slug>/rediger/", views.topic_update, name="topic_update"),
    path("emner/<slug:slug>/foelg/", views.topic_follow, name="topic_follow"),
    path("netvaerk/", views.network_list, name="network_list"),
    path("netvaerk/nyt/", views.network_create, name="network_create"),
    path("netvaerk/<slug:slug>/", views.network_detail, name="network_detail"),
    path("netvaerk/<slug:slug>/rediger/", views.network_update, name="network_update"),
    path("netvaerk/<slug:slug>/bliv-medlem/", views.network_join, name="network_join"),
    path("netvaerk/<slug:slug>/forlad/", views.network_leave, name="network_leave"),
    path(
        "netvaerk/<slug:slug>/medlemmer/tilfoej/",
        views.network_member_add,
        name="network_member_add",
    ),
    path(
        "netvaerk/<slug:slug>/medlemmer/<int:user_id>/fjern/",
        views.network_member_remove,
        name="network_member_remove",
    ),
    path("moderation/", views.report_list, name="report_list"),
    path(
        "moderation/anmeldelser/<int:report_id>/afslut/",
        views.report_resolve,
        name="report_resolve",
    ),
]
