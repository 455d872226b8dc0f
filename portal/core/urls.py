from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "core"

urlpatterns = [
    path("", views.front_page, name="front_page"),
    # The register's address before it was built; links in old emails and bookmarks still work.
    path(
        "forenkling/",
        RedirectView.as_view(pattern_name="register:item_list", permanent=True),
        name="module_register",
    ),
    path("adgangslog/", views.access_log, name="access_log"),
    path("adgangslog/eksport.csv", views.access_log_export, name="access_log_export"),
    path("udbakke/", views.outbox_list, name="outbox_list"),
    path("udbakke/<int:message_id>/", views.outbox_detail, name="outbox_detail"),
    path("udbakke/<int:message_id>/html/", views.outbox_html, name="outbox_html"),
    path("drift/post/", views.mail_list, name="mail_list"),
    path("drift/post/<int:delivery_id>/send-igen/", views.mail_resend, name="mail_resend"),
]
