"""The demo's hand-written content, read from the YAML files in data/ (format: data/README.md).

The files hold only what differs from the defaults below, so a thread reads as its title, its
body and its replies. Each file is read once per process.
"""

from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
THREAD_FILES = ("threads_a.yaml", "threads_b.yaml")

THREAD_DEFAULTS = {
    "network": None,
    "hotline": False,
    "pinned": False,
    "closed": False,
    "addressed_to": None,
}
REPLY_DEFAULTS = {"accepted": False, "quote": None, "hours_after": None}
GUIDE_DEFAULTS = {"from_thread_title": None, "review_reason": ""}
# Every key the format knows (data/README.md): a misspelt key would otherwise load as nothing.
THREAD_KEYS = frozenset({"topic", "kind", "title", "body", "author", "days_ago", "replies"}) | set(
    THREAD_DEFAULTS
)
REPLY_KEYS = frozenset({"author", "body"}) | set(REPLY_DEFAULTS)
GUIDE_KEYS = frozenset(
    {"topic", "title", "summary", "body", "law_references", "owner", "review_in_days"}
) | set(GUIDE_DEFAULTS)


@cache
def read(name: str):
    """One data file, parsed (safe_load: the files are data, never code)."""
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def networks() -> list[dict]:
    return read("networks.yaml")


def threads() -> list[dict]:
    """Every thread with the optional keys filled in; a fresh copy the caller may change."""
    return [
        {
            **THREAD_DEFAULTS,
            **thread,
            "replies": [{**REPLY_DEFAULTS, **reply} for reply in thread.get("replies", [])],
        }
        for name in THREAD_FILES
        for thread in read(name)
    ]


def guides() -> list[dict]:
    return [{**GUIDE_DEFAULTS, **guide} for guide in read("guides.yaml")]


def people() -> dict:
    return read("people.yaml")


def events() -> dict:
    return read("events.yaml")


def newsletter() -> dict:
    return read("newsletter.yaml")
