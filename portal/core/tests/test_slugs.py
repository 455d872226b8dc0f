"""Slugs keep æ, ø and å readable; an old slug answers 301 to the new address (decision 0036)."""

from django.apps import apps
from django.urls import reverse

from portal.core.models import SlugRedirect, Topic
from portal.core.slugs import reslug_rows, slug_redirect_record, slugify_da


def test_slugify_da_spells_danish_letters_instead_of_dropping_them():
    assert slugify_da("Kontanthjælpsmodtagere") == "kontanthjaelpsmodtagere"
    assert slugify_da("Førtidspension på Østerbro") == "foertidspension-paa-oesterbro"
    assert slugify_da("ÆRØ Å") == "aeroe-aa"
    assert slugify_da("Sygedagpengeområdet, lægeattester m.v.") == (
        "sygedagpengeomraadet-laegeattester-mv"
    )


def test_slugify_da_cuts_without_a_trailing_hyphen_and_falls_back():
    assert slugify_da("ab cd", max_length=3) == "ab"
    assert slugify_da("!!!", fallback="emne") == "emne"


def test_reslug_rows_renames_slugify_made_slugs_and_keeps_the_old_ones(db):
    made = Topic.objects.create(name="Kontanthjælpsmodtagere", slug="kontanthjlpsmodtagere")
    chosen = Topic.objects.create(name="Økonomi", slug="penge")
    fine = Topic.objects.create(name="Dagpenge", slug="dagpenge")

    changed = reslug_rows(apps.get_model("core", "Topic"), source_field="name", max_length=80)

    assert changed == 1
    made.refresh_from_db()
    chosen.refresh_from_db()
    fine.refresh_from_db()
    assert made.slug == "kontanthjaelpsmodtagere"
    assert chosen.slug == "penge"
    assert fine.slug == "dagpenge"
    assert list(SlugRedirect.objects.values_list("model", "old_slug", "object_id")) == [
        ("core.topic", "kontanthjlpsmodtagere", made.pk)
    ]


def test_reslug_rows_does_not_take_a_slug_in_use(db):
    Topic.objects.create(name="Kontanthjaelp", slug="kontanthjaelp")
    made = Topic.objects.create(name="Kontanthjælp", slug="kontanthjlp")

    reslug_rows(apps.get_model("core", "Topic"), source_field="name", max_length=80)

    made.refresh_from_db()
    assert made.slug == "kontanthjaelp-2"


def test_an_old_topic_address_redirects_permanently_to_the_new_one(client_for, caseworker):
    topic = Topic.objects.create(name="Kontanthjælp", slug="kontanthjaelp")
    slug_redirect_record(model=Topic, old_slug="kontanthjlp", object_id=topic.pk)
    client = client_for(caseworker)

    old = client.get(reverse("forum:topic_detail", kwargs={"slug": "kontanthjlp"}) + "?side=2")

    assert old.status_code == 301
    assert old["Location"] == (
        reverse("forum:topic_detail", kwargs={"slug": "kontanthjaelp"}) + "?side=2"
    )
    assert client.get(old["Location"]).status_code == 200


def test_an_unknown_slug_is_still_not_found(client_for, caseworker):
    response = client_for(caseworker).get(
        reverse("forum:topic_detail", kwargs={"slug": "findes-ikke"})
    )
    assert response.status_code == 404
