from django.urls import path

from . import views

app_name = "accounts"

_people = "organisationer/<slug:slug>/personer/"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("profil/eksport/", views.profile_export, name="profile_export"),
    path("profil/slet/", views.account_delete, name="account_delete"),
    path("konto-slettet/", views.account_deleted, name="account_deleted"),
    path("afventer-godkendelse/", views.awaiting_approval, name="awaiting_approval"),
    path("administration/", views.administration, name="administration"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("organisationer/", views.organisation_list, name="organisation_list"),
    path(_people, views.people_list, name="people_list"),
    path(f"{_people}inviter/", views.invitation_create, name="invitation_create"),
    path(
        f"{_people}invitationer/<int:invitation_id>/tilbagekald/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(f"{_people}<int:user_id>/", views.member_detail, name="member_detail"),
    path(f"{_people}<int:user_id>/deaktiver/", views.member_deactivate, name="member_deactivate"),
    path(f"{_people}<int:user_id>/godkend/", views.signup_approve, name="signup_approve"),
    path(f"{_people}<int:user_id>/afvis/", views.signup_reject, name="signup_reject"),
]
