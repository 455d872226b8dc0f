"""A guide's slug keeps æ/ø/å readable and its old slug redirects (0036)."""

from django.urls import reverse

from portal.core.slugs import slug_redirect_record
from portal.guides.models import Guide
from portal.guides.tests.factories import make_guide


def test_guide_slug_is_readable_and_the_old_one_redirects(client_for, editor, caseworker):
    guide = make_guide(by=editor, title="Sygedagpengeopfølgning på hjælpemidler")
    assert guide.slug == "sygedagpengeopfoelgning-paa-hjaelpemidler"
    slug_redirect_record(
        model=Guide, old_slug="sygedagpengeopflgning-p-hjlpemidler", object_id=guide.pk
    )

    client = client_for(caseworker)
    response = client.get(
        reverse("guides:guide_detail", args=["sygedagpengeopflgning-p-hjlpemidler"])
    )

    assert response.status_code == 301
    assert response["Location"] == reverse("guides:guide_detail", args=[guide.slug])
    assert client.get(response["Location"]).status_code == 200
