"""Shorthands the content parts write threads with: they only spare repeating dictionary keys."""


def reply(author, body, *, accepted=False, quote=None, hours_after=None):
    return {
        "author": author,
        "body": body,
        "accepted": accepted,
        "quote": quote,
        "hours_after": hours_after,
    }


def accepted(author, body, **options):
    """The reply the asker accepted."""
    return reply(author, body, accepted=True, **options)


def _thread(kind, topic, title, author, days_ago, body, replies, options):
    return {
        "topic": topic,
        "kind": kind,
        "title": title,
        "body": body,
        "author": author,
        "days_ago": days_ago,
        "network": options.get("network"),
        "hotline": options.get("hotline", False),
        "pinned": options.get("pinned", False),
        "closed": options.get("closed", False),
        "addressed_to": options.get("addressed_to"),
        "replies": list(replies),
    }


def question(topic, title, author, days_ago, body, *replies, **options):
    return _thread("question", topic, title, author, days_ago, body, replies, options)


def discussion(topic, title, author, days_ago, body, *replies, **options):
    return _thread("discussion", topic, title, author, days_ago, body, replies, options)
