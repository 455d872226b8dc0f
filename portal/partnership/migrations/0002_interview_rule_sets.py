"""The two interview rule sets the partnership starts with (administrators edit them later).

- 2015: courses starting 2015-01-01 to 2019-12-31; slot k = 1..6 due k months after the start
  of unemployment, held by either side.
- 2025 (fund-led): the fund holds 3 interviews in months 1-3, the first within 2 weeks; the
  jobcenter 3 more by month 6. The exact offsets are to be confirmed by the administrator.
"""

import datetime

from django.db import migrations

RULE_SETS = [
    {
        "code": "2015",
        "name": "Kontaktforløb 2015",
        "valid_from": datetime.date(2015, 1, 1),
        "valid_to": datetime.date(2019, 12, 31),
        "to_be_confirmed": False,
        "slots": [(k, k, 0, "either") for k in range(1, 7)],
    },
    {
        "code": "2025",
        "name": "Kontaktforløb 2025 (a-kassen fører)",
        "valid_from": datetime.date(2025, 1, 1),
        "valid_to": None,
        "to_be_confirmed": True,
        "slots": [
            (1, 0, 14, "fund"),
            (2, 2, 0, "fund"),
            (3, 3, 0, "fund"),
            (4, 4, 0, "jobcenter"),
            (5, 5, 0, "jobcenter"),
            (6, 6, 0, "jobcenter"),
        ],
    },
]


def rule_sets_create(apps, schema_editor):
    InterviewRuleSet = apps.get_model("partnership", "InterviewRuleSet")
    InterviewSlot = apps.get_model("partnership", "InterviewSlot")
    for spec in RULE_SETS:
        spec = dict(spec)
        slots = spec.pop("slots")
        rule_set, created = InterviewRuleSet.objects.get_or_create(
            code=spec.pop("code"), defaults=spec
        )
        if not created:
            continue  # an administrator's edits stay
        InterviewSlot.objects.bulk_create(
            InterviewSlot(rule_set=rule_set, order=order, months=months, days=days, held_by=by)
            for order, months, days, by in slots
        )


def rule_sets_delete(apps, schema_editor):
    apps.get_model("partnership", "InterviewRuleSet").objects.filter(
        code__in=[spec["code"] for spec in RULE_SETS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("partnership", "0001_initial")]

    operations = [migrations.RunPython(rule_sets_create, rule_sets_delete)]
