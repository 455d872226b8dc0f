import rules
from django.conf import settings
from django.utils.translation import gettext_lazy as _

# The portal's modules, in navigation order: (url name, label, path prefix).
NAVIGATION = [
    ("core:front_page", _("Home"), "/"),
    ("forum:thread_list", _("Debate"), "/debat/"),
    ("newsletters:newsletter_archive", _("Newsletters"), "/nyhedsbreve/"),
    ("events:event_list", _("Events"), "/arrangementer/"),
    ("directory:person_list", _("Colleagues"), "/kolleger/"),
    ("core:module_partnership", _("Partnership"), "/partnerskab/"),
    ("core:module_register", _("Simplification"), "/forenkling/"),
    ("search:search", _("Search"), "/soeg/"),
]


def portal(request):
    path = request.path
    # The module the page belongs to; pages outside every module (profile, admin) mark none.
    current = "/" if path == "/" else None
    for _name, _label, prefix in NAVIGATION:
        if prefix != "/" and path.startswith(prefix):
            current = prefix
    return {
        "portal_navigation": [
            {"url_name": name, "label": label, "active": prefix == current}
            for name, label, prefix in NAVIGATION
        ],
        "accessibility_statement_url": settings.PORTAL_ACCESSIBILITY_STATEMENT_URL,
        # Asked of django-rules directly: Django's ModelBackend would add two queries per page.
        "can_administer": rules.has_perm("core.view_audit_log", request.user),
        "can_read_outbox": settings.PORTAL_OUTBOX_VISIBLE
        and rules.has_perm("core.view_outbox", request.user),
    }
