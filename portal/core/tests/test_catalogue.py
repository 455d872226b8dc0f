"""The Danish catalogue is complete, and the compiled .mo matches the .po it came from."""

import ast
import gettext
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "da" / "LC_MESSAGES"


def _entries(po_path: Path) -> list[dict]:
    """A small reader for the .po format (msgctxt, msgid, plurals, flags, continuations)."""
    entries, current, key = [], {}, None
    for raw in po_path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if current:
                entries.append(current)
            current, key = {}, None
        elif line.startswith("#,"):
            current.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            current[key] = ast.literal_eval(value)
    return entries


@pytest.fixture(scope="module")
def entries():
    return [e for e in _entries(LOCALE / "django.po") if e.get("msgid")]


def test_every_message_is_translated(entries):
    untranslated = [
        e["msgid"] for e in entries if not all(v for k, v in e.items() if k.startswith("msgstr"))
    ]
    assert untranslated == []


def test_no_translation_is_a_fuzzy_guess(entries):
    assert [e["msgid"] for e in entries if "fuzzy" in e.get("flags", ())] == []


def test_compiled_catalogue_is_up_to_date(entries):
    with open(LOCALE / "django.mo", "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    stale = []
    for e in entries:
        msgid = e["msgid"]
        if "msgctxt" in e:
            msgid = f"{e['msgctxt']}\x04{msgid}"
        if "msgid_plural" in e:
            if catalogue._catalog.get((msgid, 0)) != e["msgstr[0]"]:
                stale.append(e["msgid"])
        elif catalogue._catalog.get(msgid) != e["msgstr"]:
            stale.append(e["msgid"])
    assert stale == [], "run `make messages` to recompile the catalogue"
