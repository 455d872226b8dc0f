from django.urls import path

from . import views_pages as views

app_name = "sso"

_sso = "organisationer/<slug:slug>/single-sign-on/"

urlpatterns = [
    # allauth's login page with discovery by email domain in front (before allauth's own URL).
    path("konto/login/", views.sign_in, name="sign_in"),
    # The direct link per organisation, for intranets.
    path("log-ind/<slug:slug>/", views.direct_sign_in, name="direct_sign_in"),
    path("administration/single-sign-on/", views.organisations_with_sso, name="organisation_list"),
    path(_sso, views.identity_provider_list, name="identity_provider_list"),
    path(f"{_sso}saml/", views.identity_provider_add_saml, name="identity_provider_add_saml"),
    path(f"{_sso}oidc/", views.identity_provider_add_oidc, name="identity_provider_add_oidc"),
    path(f"{_sso}<int:pk>/", views.identity_provider_detail, name="identity_provider_detail"),
    path(
        f"{_sso}<int:pk>/aktivering/",
        views.identity_provider_switch,
        name="identity_provider_switch",
    ),
    path("organisationer/<slug:slug>/cvr/", views.organisation_cvr, name="organisation_cvr"),
]
