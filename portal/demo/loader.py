"""`load_demo`: the whole demo in one transaction, people first, then what they wrote."""

from dataclasses import dataclass, field

from django.db import transaction

from portal.core.models import Centre, Organisation, Topic, User
from portal.forum.models import Post, Thread
from portal.guides.models import Guide
from portal.search.indexing import index_rebuild

from .debate import debate_demo_load
from .evaluation import evaluation_demo_load
from .events import events_demo_load
from .newsletters import email_demo_load
from .partnership import partnership_demo_load
from .people import people_load, require_demo_mode
from .register import register_demo_load


@dataclass
class LoadSummary:
    """What a load created, per kind of row, next to what there is in all."""

    created: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)


@transaction.atomic
def demo_load() -> LoadSummary:
    """Load the demo data (all or nothing). Refuses outside demo mode: it creates known logins."""
    require_demo_mode()
    summary = LoadSummary()
    summary.created.update(people_load())
    summary.created.update(debate_demo_load())
    summary.created.update(email_demo_load())
    summary.created.update(events_demo_load())
    summary.created.update(partnership_demo_load())
    summary.created.update(register_demo_load())
    # Last: the year behind the evaluation dashboard, shaped around what the others wrote.
    summary.created.update(evaluation_demo_load())
    # The services hand their indexing to the queue at commit; the demo is searchable at once
    # (and with the story's dates, set after the services wrote) when the index is built here.
    index_rebuild()
    summary.total.update(
        organisations=Organisation.objects.count(),
        centres=Centre.objects.count(),
        topics=Topic.objects.count(),
        users=User.objects.count(),
        threads=Thread.objects.count(),
        posts=Post.objects.count(),
        guides=Guide.objects.count(),
    )
    return summary
