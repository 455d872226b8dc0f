"""Mounted under /konto/ before allauth's own URLs: the same paths, the portal's views."""

from django.urls import path

from . import views

urlpatterns = [
    path("saml/<str:organization_slug>/acs/finish/", views.finish_acs, name="sso_saml_finish_acs"),
    path(
        "oidc/<str:provider_id>/login/callback/",
        views.oidc_callback,
        name="sso_openid_connect_callback",
    ),
]
