import rules
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .access import may_sign_in

# The portal's modules, in navigation order: (url name, label, path prefix).
NAVIGATION = [
    ("core:front_page", _("Home"), "/"),
    ("forum:thread_list", _("Debate"), "/debat/"),
    ("newsletters:newsletter_archive", _("Newsletters"), "/nyhedsbreve/"),
    ("events:event_list", _("Events"), "/arrangementer/"),
    ("directory:person_list", _("Colleagues"), "/kolleger/"),
    ("partnership:overview", _("Partnership"), "/partnerskab/"),
    ("register:item_list", pgettext_lazy("register", "Register"), "/register/"),
    ("search:search", _("Search"), "/soeg/"),
    ("evaluation:dashboard", _("Evaluation"), "/indsigt/"),
]
# Modules shown only to some: url name → predicate(user). A module above core registers its own
# policy's check in its AppConfig.ready (navigation_condition_register), so the rule is not
# copied here.
_CONDITIONS: dict = {}
REGISTERED = frozenset({"evaluation:dashboard"})


def navigation_condition_register(url_name: str, condition) -> None:
    _CONDITIONS[url_name] = condition


def follows_partnership(user) -> bool:
    """Whether the Partnership module is for this person at all: someone who follows every fund
    or their own (core/rules.py; which fund's rows is portal/partnership/access.py's)."""
    return rules.has_perm("partnership.view_all", user) or rules.has_perm(
        "partnership.view_own_fund", user
    )


def reads_register(user) -> bool:
    """Whether the register of burdensome rules is for this person: every approved person
    signed in (portal/register/access.py's may_report, which core may not import)."""
    return may_sign_in(user) and bool(user.is_approved)


def navigation_for(user) -> list[tuple]:
    """The modules this person has: the partnership only for those who follow a fund, the
    register for the approved people signed in."""
    shown = {
        "partnership:overview": follows_partnership,
        "register:item_list": reads_register,
        **_CONDITIONS,
    }
    # A module that waits for its app's check shows for nobody until the app registers it.
    return [
        item
        for item in NAVIGATION
        if (item[0] in shown and shown[item[0]](user))
        or (item[0] not in shown and item[0] not in REGISTERED)
    ]


# What the base page shows by who the person is, as base_page_facts computes it; the person
# cached for each request (accounts/user_cache.py) carries it, computed when they were cached.
BASE_PAGE_FACTS = "portal_base_page_facts"


def base_page_facts(user) -> dict:
    """The modules the person has and the footer's and header's links by their roles: the
    person's row, roles and organisation decide them (core/rules.py, the modules' registered
    checks)."""
    return {
        "modules": frozenset(name for name, _label, _prefix in navigation_for(user)),
        # Asked of django-rules directly: Django's ModelBackend would add two queries per page.
        "can_administer": rules.has_perm("core.view_audit_log", user),
        "can_view_outbox": rules.has_perm("core.view_outbox", user),
    }


def portal(request):
    path = request.path
    # The module the page belongs to; pages outside every module (profile, admin) mark none.
    current = "/" if path == "/" else None
    for _name, _label, prefix in NAVIGATION:
        if prefix != "/" and path.startswith(prefix):
            current = prefix
    user = request.user
    facts = getattr(user, BASE_PAGE_FACTS, None) or base_page_facts(user)
    return {
        "portal_navigation": [
            {"url_name": name, "label": label, "active": prefix == current}
            for name, label, prefix in NAVIGATION
            if name in facts["modules"]
        ],
        "accessibility_statement_url": settings.PORTAL_ACCESSIBILITY_STATEMENT_URL,
        "can_administer": facts["can_administer"],
        "can_read_outbox": settings.PORTAL_OUTBOX_VISIBLE and facts["can_view_outbox"],
    }
