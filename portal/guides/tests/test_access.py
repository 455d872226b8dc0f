"""The guides policy answers the same as a filter, for one guide and for many people."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal.conftest import make_user
from portal.core.models import User
from portal.guides import access
from portal.guides.models import Guide
from portal.guides.tests.factories import make_guide

pytestmark = pytest.mark.django_db


def test_the_filter_the_check_and_the_bulk_form_agree(fund, operator, editor, jurist):
    guides = {
        "published": make_guide(by=editor, title="Udgivet"),
        "draft": make_guide(by=editor, title="Kladde", is_published=False),
    }
    people = {
        "caseworker": make_user(organisation=fund, email="sb@3f.example.dk"),
        "inactive": make_user(organisation=fund, email="stop@3f.example.dk", is_active=False),
        "jurist": jurist,
        "editor": editor,
        "anonymous": AnonymousUser(),
    }

    def fresh():
        return {name: User.objects.get(pk=p.pk) if p.pk else p for name, p in people.items()}

    seen = {}
    for guide_name, guide in guides.items():
        readers = {p.pk for p in access.guide_readers(guide=guide, users=fresh().values())}
        for name, user in fresh().items():
            by_filter = Guide.objects.filter(
                access.guides_readable(user=user), pk=guide.pk
            ).exists()
            by_check = access.guide_readable(user=user, guide=guide)
            assert by_filter == by_check == (user.pk in readers), (name, guide_name)
            seen[(name, guide_name)] = by_check
    assert {key for key, may in seen.items() if may} == {
        ("caseworker", "published"),
        ("jurist", "published"),
        ("editor", "published"),
        ("editor", "draft"),
    }
