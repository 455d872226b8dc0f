from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.front_page, name="front_page"),
    path("forenkling/", views.coming_soon, {"module": "register"}, name="module_register"),
    path("adgangslog/", views.access_log, name="access_log"),
    path("adgangslog/eksport.csv", views.access_log_export, name="access_log_export"),
    path("udbakke/", views.outbox_list, name="outbox_list"),
    path("udbakke/<int:message_id>/", views.outbox_detail, name="outbox_detail"),
    path("udbakke/<int:message_id>/html/", views.outbox_html, name="outbox_html"),
    path("drift/post/", views.mail_list, name="mail_list"),
    path("drift/post/<int:delivery_id>/send-igen/", views.mail_resend, name="mail_resend"),
]
