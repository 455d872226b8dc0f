"""@mentions: `@fornavn.efternavn` (the part of the email before @, when it is unambiguous) or
the full address, `@navn@3f.dk`. Both survive copy and paste and need no lookup table.
"""

import re

from django.db.models import Q
from django.urls import reverse

from portal.core.models import User

from . import access
from .models import Thread

# Not preceded by a word character, "@", "." or "/" so that the "@3f.dk" of an address or the
# "@name" in a link's path is no mention.
_MENTION = re.compile(
    r"(?<![\w@./])@([A-Za-z0-9][A-Za-z0-9._%+-]*(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)"
)
# Markdown characters that would change the meaning of a person's name inside a link text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~])")


def _handles(source: str) -> list[str]:
    return [match.group(1).rstrip(".").lower() for match in _MENTION.finditer(source or "")]


def mention_resolve(*, source: str, thread: Thread) -> dict[str, User]:
    """The people the text mentions, by handle: active people who can read the thread."""
    handles = set(_handles(source))
    if not handles:
        return {}
    emails = {handle for handle in handles if "@" in handle}
    locals_ = handles - emails
    query = Q(email__in=emails)
    for local in locals_:
        query |= Q(email__istartswith=f"{local}@")
    candidates = list(
        User.objects.filter(query, is_active=True).select_related("organisation")[:200]
    )
    by_local: dict[str, list[User]] = {}
    for person in candidates:
        by_local.setdefault(person.email.split("@", 1)[0].lower(), []).append(person)
    resolved: dict[str, User] = {}
    for person in candidates:
        if person.email.lower() in emails:
            resolved[person.email.lower()] = person
    for local in locals_:
        people = by_local.get(local, [])
        if len(people) == 1:
            resolved[local] = people[0]
    # Who may read the thread is decided for all of them at once (a fixed number of queries).
    readers = {
        person.pk for person in access.thread_readers(thread=thread, users=resolved.values())
    }
    return {handle: person for handle, person in resolved.items() if person.pk in readers}


def mention_link_source(*, source: str, people: dict[str, User]) -> str:
    """The Markdown with every resolved mention turned into a link to the person's profile."""
    if not people:
        return source

    def replace(match: re.Match) -> str:
        raw = match.group(1)
        handle = raw.rstrip(".")
        trailing = raw[len(handle) :]
        person = people.get(handle.lower())
        if person is None:
            return match.group(0)
        name = _MARKDOWN_SPECIAL.sub(r"\\\1", person.get_full_name())
        url = reverse("directory:person_detail", args=[person.pk])
        return f"[@{name}]({url}){trailing}"

    return _MENTION.sub(replace, source)


MENTION_SUGGESTIONS = 8


def _word_start(field: str, prefix: str) -> Q:
    """The field starts with the prefix, or one of its words does."""
    return Q(**{f"{field}__istartswith": prefix}) | Q(**{f"{field}__icontains": f" {prefix}"})


def mention_candidates(*, user: User, prefix: str, thread: Thread | None = None) -> list[dict]:
    """Colleagues to offer after "@prefix" in the editor, at most MENTION_SUGGESTIONS, each
    with the handle mention_resolve understands: the part of the email before "@" when no other
    active person has it, otherwise the whole address (both are on the directory's page of the
    person already). Only people the directory lists; for a reply, only those who may read the
    thread (others would not be notified: mention_resolve drops them). Three queries at most."""
    prefix = prefix.strip().lstrip("@")
    people = list(
        User.objects.filter(is_active=True, approved_at__isnull=False)
        .filter(_word_start("full_name", prefix) | Q(email__istartswith=prefix))
        .exclude(pk=user.pk)
        .select_related("organisation")
        .order_by("full_name", "pk")[: MENTION_SUGGESTIONS * 3 if thread else MENTION_SUGGESTIONS]
    )
    if thread is not None:
        readers = {person.pk for person in access.thread_readers(thread=thread, users=people)}
        people = [person for person in people if person.pk in readers][:MENTION_SUGGESTIONS]
    if not people:
        return []
    locals_ = {person.email.split("@", 1)[0].lower() for person in people}
    shared = Q()
    for local in locals_:
        shared |= Q(email__istartswith=f"{local}@")
    taken: dict[str, int] = {}
    for email in User.objects.filter(shared, is_active=True).values_list("email", flat=True):
        local = email.split("@", 1)[0].lower()
        taken[local] = taken.get(local, 0) + 1
    result = []
    for person in people:
        local = person.email.split("@", 1)[0].lower()
        handle = local if taken.get(local, 0) == 1 else person.email.lower()
        result.append(
            {
                "handle": handle,
                "name": person.get_full_name(),
                "organisation": person.organisation.name if person.organisation else "",
            }
        )
    return result
