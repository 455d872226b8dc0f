"""The API against its own schema: schemathesis sends generated requests, valid and invalid, to
a running server and checks every answer (no 500, the documented status codes, content types,
headers and bodies; invalid data refused, valid data accepted).

Each operation is one test; the examples per operation are bounded and derandomised (a fixed
seed, no example database), so a run is the same on every machine and never flakes.
"""

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig

from portal.api.services import api_token_create
from portal.conftest import make_user
from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory, TopicFactory
from portal.events.tests.factories import EventFactory, days_ahead
from portal.forum.services import thread_create

pytestmark = [pytest.mark.contract, pytest.mark.django_db(transaction=True)]

# Enough to reach every branch of the small API, few enough for about a minute on two cores.
MAX_EXAMPLES = 20
# Rules between fields that JSON Schema cannot state (they are in the operations' descriptions):
# an event's end after its start and its sign-up window before it; a search's date_to not
# before date_from. Schema-valid data may meet them, and 422 is then the right answer.
CROSS_FIELD_RULES = ("POST /api/v1/events", "GET /api/v1/search")
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429"]


# How often a generated topic, thread or event is one that exists, so that the requests reach
# past the 404 into the code that reads and writes (replies, sign-ups, creating threads).
KNOWN = 0.6


def _config(*, token: str, topic: str, thread_id: int, event_id: int) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "seed": 20261206,
            # Hypothesis times data generation; on a loaded CI machine that says nothing.
            "suppress-health-check": ["too_slow"],
            "headers": {"Authorization": f"Bearer {token}"},
            "generation": {
                "mode": "all",
                "max-examples": MAX_EXAMPLES,
                "deterministic": True,
            },
            "checks": {"enabled": True},
            "dictionaries": {
                "topics": {"values": [topic]},
                "threads": {"values": [thread_id]},
                "events": {"values": [event_id]},
            },
            "parameters": {
                "body.topic": {"dictionary": "topics", "probability": KNOWN},
                "path.thread_id": {"dictionary": "threads", "probability": KNOWN},
                "path.event_id": {"dictionary": "events", "probability": KNOWN},
            },
            "operations": [
                {
                    "include-name": name,
                    "checks": {
                        "positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "422"]}
                    },
                }
                for name in CROSS_FIELD_RULES
            ]
            + [
                # The evaluation's period: date_to not before date_from, years 2000-2100; the
                # issue asks 400 with a Danish message for bad dates.
                {
                    "include-name": "GET /api/v1/insights/summary",
                    "checks": {
                        "positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "400"]}
                    },
                }
            ],
        }
    )


@pytest.fixture
def api_schema(live_server):
    """The schema as the running server serves it, with an editor's token (editors reach every
    operation, creating events included)."""
    operator = OrganisationFactory(
        slug="lo-hovedstaden", kind=OrganisationKind.OPERATOR, email_domains="loh.example.dk"
    )
    editor = make_user(organisation=operator, roles=["editor"], email="redaktoer@loh.example.dk")
    topic = TopicFactory(slug="dagpenge")
    thread = thread_create(author=editor, topic=topic, title="Rådighed", body="Hvad gælder?")
    event = EventFactory(topic=topic, starts_at=days_ahead(10), ends_at=days_ahead(10, hour=14))
    _token, key = api_token_create(user=editor, name="schemathesis")
    config = _config(token=key, topic=topic.slug, thread_id=thread.pk, event_id=event.pk)
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json", config=config)
    schema.config.update(base_url=live_server.url)
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
def test_the_api_keeps_its_contract(case):
    case.call_and_validate()
