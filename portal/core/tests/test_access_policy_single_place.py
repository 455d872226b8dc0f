"""Who may see what is decided in the access policies only (docs/decisions/0020-access-policy.md).

A scan of the portal's own modules for the building blocks of readability in a query: a filter
on hidden, on an open network, on a published guide or on an event's audience, and a look-up of
the networks a person belongs to. Only the registered policy modules
(portal.core.access.policy_modules) and the permission table (core/rules.py) may hold them; any
other module asks a policy.

Not scanned: tests and migrations. The demo is scanned like any app: it writes through the
services and asks the policies when it must know who may read what.
"""

import ast
import importlib.util
import re
from pathlib import Path

import pytest

from portal.core.access import policy_modules

PORTAL = Path(__file__).resolve().parents[2]

# Field names (at the end of a look-up path, or before its operator) that decide readability.
READABILITY_FIELD = re.compile(
    r"(^|__)(is_hidden|is_open|is_published|audience|audience_network|audience_network_id|"
    r"audience_organisation_kind)(__[a-z]+)?$"
)
QUERY_CALLS = {"filter", "exclude", "get", "Q"}
MEMBERSHIP_OF_PERSON = {"user", "user_id", "user__in", "user_id__in"}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def _look_up(key: ast.AST) -> str:
    """The look-up a `**{...}` key spells: a string, or an f-string's fixed parts
    (f"{prefix}is_hidden" → "is_hidden")."""
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return key.value
    if isinstance(key, ast.JoinedStr):
        return "".join(
            part.value
            for part in key.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    return ""


def _keywords(call: ast.Call) -> list[str]:
    names = []
    for keyword in call.keywords:
        if keyword.arg is not None:
            names.append(keyword.arg)
        elif isinstance(keyword.value, ast.Dict):
            names.extend(_look_up(key) for key in keyword.value.keys if key is not None)
    return names


def _mentions(node: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))


def _pairs(call: ast.Call) -> list[tuple[str, ast.AST]]:
    """(look-up, value) of every keyword, `**{...}` ones included."""
    pairs = []
    for keyword in call.keywords:
        if keyword.arg is not None:
            pairs.append((keyword.arg, keyword.value))
        elif isinstance(keyword.value, ast.Dict):
            pairs.extend(
                (_look_up(key), value)
                for key, value in zip(keyword.value.keys, keyword.value.values, strict=True)
                if key is not None
            )
    return pairs


def _is_fund_kind(value: ast.AST) -> bool:
    """OrganisationKind.UFUND or "ufund": the partnership's rows are a fund's."""
    return any(
        (isinstance(n, ast.Attribute) and n.attr == "UFUND")
        or (isinstance(n, ast.Constant) and n.value == "ufund")
        for n in ast.walk(value)
    )


def readability_filters(source: str) -> list[str]:
    """Where this module filters by readability itself: "line: what"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and _name(node.func) in QUERY_CALLS):
            continue
        keywords = _keywords(node)
        for keyword in keywords:
            if READABILITY_FIELD.search(keyword):
                found.append(f"{node.lineno}: filters on {keyword}")
        for look_up, value in _pairs(node):
            if re.search(r"(^|__)kind$", look_up) and _is_fund_kind(value):
                found.append(f"{node.lineno}: filters on the funds (partnership)")
        if (
            isinstance(node.func, ast.Attribute)
            and _mentions(node.func.value, "NetworkMembership")
            and MEMBERSHIP_OF_PERSON & set(keywords)
            and not any(keyword.startswith("network") for keyword in keywords)
        ):
            found.append(f"{node.lineno}: looks up the networks a person belongs to")
    return found


def _allowed() -> set[Path]:
    modules = [*policy_modules().values(), "portal.core.access", "portal.core.rules"]
    return {Path(importlib.util.find_spec(module).origin).resolve() for module in modules}


def _scanned() -> list[Path]:
    return [
        path
        for path in sorted(PORTAL.rglob("*.py"))
        if not {"tests", "migrations", "browser_tests", "testing"} & set(path.parts)
    ]


def test_every_content_module_has_registered_its_policy():
    assert policy_modules() == {
        "evaluation": "portal.evaluation.access",
        "forum": "portal.forum.access",
        "events": "portal.events.access",
        "guides": "portal.guides.access",
        "partnership": "portal.partnership.access",
        "register": "portal.register.access",
        "sso": "portal.sso.access",
    }


def test_no_module_outside_the_policies_filters_readability_on_its_own():
    allowed = _allowed()
    offenders = {
        str(path.relative_to(PORTAL.parent)): found
        for path in _scanned()
        if path.resolve() not in allowed
        and (found := readability_filters(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


# Policies whose readability needs none of the building blocks the scan looks for, and why.
WITHOUT_BUILDING_BLOCKS = {
    "register": "every approved person reads every item (docs/decisions/0028-register.md)",
    "sso": "the operator's admins manage every identity provider, nobody else any",
}


def test_the_policies_are_where_the_building_blocks_are():
    """The scan finds what it looks for: each policy module holds its rule's filters."""
    for path in _allowed() - {Path(importlib.util.find_spec("portal.core.rules").origin)}:
        if path.name == "access.py" and path.parent.name not in {"core", *WITHOUT_BUILDING_BLOCKS}:
            assert readability_filters(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize(
    "snippet",
    [
        "Thread.objects.filter(is_hidden=False)",
        "Post.objects.exclude(thread__is_hidden=True)",
        "Q(network__is_open=True)",
        'Q(**{f"{prefix}is_hidden": False})',
        "Event.objects.filter(audience=Event.Audience.EVERYONE)",
        "Event.objects.filter(audience_network_id__in=ids)",
        "Guide.objects.filter(owner=person, is_published=True)",
        "NetworkMembership.objects.filter(user_id=user.pk).values('network_id')",
        "ContactCourse.objects.filter(fund__kind=OrganisationKind.UFUND)",
        'Q(**{f"{prefix}kind": OrganisationKind.UFUND})',
        "NetworkMembership.objects.filter(user_id__in=ids)",
    ],
)
def test_the_scan_finds_a_rule_written_outside_the_policies(snippet):
    assert readability_filters(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        "access.threads_readable(user=user)",
        "thread.save(update_fields=['is_hidden'])",
        "_thread_set(thread=thread, is_hidden=True)",
        "NetworkMembership.objects.filter(network=network, user=user).delete()",
        "Network.objects.create(name=name, is_open=is_open)",
    ],
)
def test_the_scan_leaves_writes_and_policy_calls_alone(snippet):
    assert readability_filters(snippet) == []
