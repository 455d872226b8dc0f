from django.urls import path, re_path

from . import views

app_name = "register"

urlpatterns = [
    path("", views.item_list, name="item_list"),
    path("eksport.csv", views.export_csv, name="export_csv"),
    path("eksport.xlsx", views.export_xlsx, name="export_xlsx"),
    re_path(r"^rapport\.(?P<fmt>pdf|docx)$", views.committee_report, name="committee_report"),
    path("ny/", views.item_report, name="item_report"),
    path("lignende/", views.items_similar, name="items_similar"),
    path("kontorer/", views.offices, name="offices"),
    path("kontor/<slug:slug>/", views.office_work_list, name="office_work_list"),
    path("<int:pk>/", views.item_detail, name="item_detail"),
    path("<int:pk>/triage/", views.item_triage, name="item_triage"),
    path("<int:pk>/trin/", views.item_step, name="item_step"),
    path("<int:pk>/ogsaa-mig/", views.item_endorse, name="item_endorse"),
    path("<int:pk>/kommentar/", views.item_comment, name="item_comment"),
    path("<int:pk>/bilag/", views.attachment_add, name="attachment_add"),
    path(
        "<int:pk>/bilag/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment_download",
    ),
]
