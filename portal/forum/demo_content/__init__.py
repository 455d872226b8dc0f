"""The demo debate: hand-written threads and guides, in plain data, loaded by forum.demo_loader.

Every part module (part_a, part_b, ...) exposes ``THREADS: list[dict]`` and ``GUIDES: list[dict]``
in the format below; ``threads()`` and ``guides()`` concatenate the parts listed in ``PARTS``.

Thread (keys marked * are optional, with the default shown)::

    {
        "topic": "sygedagpenge",            # a slug from portal.core.demo.TOPICS
        "kind": "question",                 # "question" | "discussion"
        "title": "...",                     # unique over ALL parts (the loader keys on it), <= 200
        "body": "...",                      # Markdown, Danish
        "author": "jobcenter",              # author spec, see below
        "days_ago": 40,                     # when the thread was opened (0 = today)
        "network": None,                    # * None, or a slug from NETWORKS below
        "hotline": False,                   # * sent to the jurists (see "Hotline" below)
        "pinned": False,                    # *
        "closed": False,                    # *
        "addressed_to": None,               # * author spec: "ask this person"
        "replies": [                        # * [] = unanswered
            {
                "author": "akasse",         # author spec
                "body": "...",              # Markdown, Danish
                "accepted": False,          # * True on at most one reply, questions only
                "quote": None,              # * index (0-based) of an earlier reply it quotes
                "hours_after": None,        # * hours after the previous post; default: loader
            },
        ],
    }

Author spec (a string):

* a kind of person: ``"jobcenter"`` (Jobcenter København caseworker), ``"akasse"`` (a partner
  fund's caseworker), ``"union"`` (a union's caseworker), ``"jurist"``, ``"editor"``,
  ``"coordinator"``. Within ONE thread the same spec is the same person: ``"akasse"`` and
  ``"akasse:1"`` are one fund caseworker, ``"akasse:2"`` another. People are picked from the
  demo's invented staff, seeded by the thread title, so every load picks the same ones.
* ``"op"``: the thread's author (e.g. the asker thanking for an answer).
* a demo login: its email local part with a trailing ``@``: ``"sagsbehandler@"``,
  ``"akasse@"``, ``"jurist@"``, ``"redaktoer@"``, ``"koordinator@"``. The bare local parts
  ``"sagsbehandler"``, ``"redaktoer"`` and ``"koordinator"`` (no clash with a kind) work too.
  NB: bare ``"akasse"`` and ``"jurist"`` are KINDS, not the demo logins.

Mentions: write ``{@spec}`` in a body, e.g. ``"Måske ved {@jurist@} det?"``; the loader writes
the forum's ``@handle`` there (the person's email local part), links it to the person's profile as
the forum does, and records the mention (and, for a demo login, a notification).

Hotline: ``"hotline": True`` makes a hotline case. It is answered when a reply is by a jurist
(``"jurist"`` or ``"jurist@"``), otherwise open with a deadline of N working days after the
opening. So keep unanswered hotline threads recent (days_ago 0-3) unless they are meant to be
overdue (days_ago 6-15; one or two such threads in all).

Networks: ``"network"`` names a slug of NETWORKS. Threads of an invitation-only network are seen
by its members only; write them for that audience.

Guide::

    {
        "topic": "sygedagpenge",
        "title": "...",                     # unique; the loader keys on it
        "summary": "...",                   # <= 400 characters
        "body": "...",                      # Markdown, Danish; start sections at "## "
        "law_references": "LAB § 16, LAS § 7, SDL § 27",  # comma-separated "LAW § paragraph";
                                            # a bare "LAW" is allowed; paragraph like "68 a"
        "owner": "editor",                  # author spec, usually "editor"/"redaktoer@"/"jurist"
        "review_in_days": 120,              # review date from today; negative = overdue (stale)
        "from_thread_title": None,          # * title of the thread the guide grew out of
        "review_reason": "",                # * set = flagged for review (e.g. a law changed)
    }

Law references and citations are read by portal.guides.lawrefs (the same parser the guides and
the law-change marking use), so write the abbreviations it knows: LAB, LAS, SDL, ASL (lov om
arbejdsløshedsforsikring – not "LAF"), RSL, FVL, OFL, SEL, PL (lov om social pension – not
"LSP"), BAL, INL, DBL, FEL, LBR; or the law's name ("sygedagpengelovens § 27"). The loader refuses
a guide whose "law_references" it cannot read. Hotline threads must be questions.
"""

from importlib import import_module

# Members: which people join. "kinds" are organisation kinds of caseworkers ("jobcenter",
# "akasse", "union") or roles ("jurist", "editor", "coordinator"); "share" is the fraction of
# those picked (seeded); "logins" are demo logins (local parts) that are members; "moderators"
# are author specs made network moderators.
NETWORKS = [
    {
        "slug": "sygedagpengenetvaerket",
        "name": "Netværk for sygedagpengesagsbehandlere",
        "description": (
            "Åbent netværk for alle, der arbejder med sygedagpengeopfølgning, forlængelser, "
            "jobafklaringsforløb og delvise raskmeldinger - på tværs af jobcenter, a-kasser og "
            "fagforeninger."
        ),
        "is_open": True,
        "members": {"kinds": ["jobcenter", "union"], "share": 0.25, "logins": ["sagsbehandler"]},
        "moderators": ["sagsbehandler@"],
    },
    {
        "slug": "fleksjobnetvaerket",
        "name": "Fleksjobnetværket",
        "description": (
            "Åbent netværk om fleksjobvisitation, fleksløntilskud, ledighedsydelse og "
            "rehabiliteringsteamets indstillinger."
        ),
        "is_open": True,
        "members": {"kinds": ["jobcenter", "akasse", "union"], "share": 0.15, "logins": ["akasse"]},
        "moderators": ["jobcenter"],
    },
    {
        "slug": "akassernes-kontaktforloebsnetvaerk",
        "name": "A-kassernes kontaktforløbsnetværk",
        "description": (
            "Lukket netværk for a-kassernes medarbejdere om kontaktforløbet, de fælles samtaler "
            "og rådighedsvurderingen. Kun for inviterede."
        ),
        "is_open": False,
        "members": {"kinds": ["akasse"], "share": 0.5, "logins": ["akasse", "akasse-admin"]},
        "moderators": ["akasse@"],
    },
    {
        "slug": "jurist-netvaerket",
        "name": "Jurist-netværket",
        "description": (
            "Lukket netværk for portalens og fagforeningernes jurister: praksis fra "
            "Ankestyrelsen, fortolkningstvivl og hotlinens svar. Kun for inviterede."
        ),
        "is_open": False,
        "members": {"kinds": ["jurist"], "share": 1.0, "logins": ["jurist"]},
        "moderators": ["jurist@"],
    },
]

PARTS = ("part_a", "part_b")


def _parts():
    return [import_module(f"{__name__}.{name}") for name in PARTS]


def threads() -> list[dict]:
    return [thread for part in _parts() for thread in part.THREADS]


def guides() -> list[dict]:
    return [guide for part in _parts() for guide in part.GUIDES]
