from django.urls import path

from . import views

app_name = "partnership"

urlpatterns = [
    path("", views.overview, name="overview"),
    # Before the funds' slugs, which could otherwise take "import".
    path("import/", views.import_page, name="import_page"),
    path("import/<int:pk>/", views.import_detail, name="import_detail"),
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/frister/", views.work_list, name="work_list"),
]
