from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from portal.api.api import api
from portal.core import views as core_views

urlpatterns = [
    # The signed-in person's front page, before core's (which stays for those not signed in).
    path("", include("portal.home.urls")),
    path("", include("portal.core.urls")),
    path("", include("portal.accounts.urls")),
    path("profil/api-noegler/", include("portal.api.urls")),
    path("debat/hotline/", include("portal.hotline.urls")),
    path("debat/vejledninger/", include("portal.guides.urls")),
    path("debat/", include("portal.forum.urls")),
    path("kolleger/", include("portal.directory.urls")),
    path("soeg/", include("portal.search.urls")),
    path("notifikationer/", include("portal.notifications.urls")),
    path("e/", include("portal.digests.urls")),
    path("nyhedsbreve/", include("portal.newsletters.urls")),
    path("spoergeskemaer/", include("portal.surveys.urls")),
    path("indsigt/", include("portal.evaluation.urls")),
    path("arrangementer/", include("portal.events.urls")),
    path("partnerskab/", include("portal.partnership.urls")),
    path("register/", include("portal.register.urls")),
    path("indsigt/rapport/", include("portal.evaluation.urls_report")),
    path("indgaaende-mail/", include("portal.inbound_mail.urls")),
    # Single sign-on: the sign-in page's first step (before allauth's /konto/login/), the
    # direct link per organisation and the operator admins' pages.
    path("", include("portal.sso.urls_pages")),
    # Single sign-on's replay guard and logout bookkeeping, on allauth's own paths.
    path("konto/", include("portal.sso.urls")),
    path("konto/", include("allauth.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", core_views.healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
]
if settings.PORTAL_BENCH_HELLO:
    urlpatterns.append(path("bench/hello", core_views.hello))

handler403 = "portal.core.views.error_403"
handler404 = "portal.core.views.error_404"
handler500 = "portal.core.views.error_500"
