"""New topics and networks get readable Danish slugs; a network's old slug redirects (0036)."""

from django.urls import reverse

from portal.core.models import AuditEvent, Topic
from portal.core.services import topic_merge
from portal.core.slugs import slug_redirect_record
from portal.forum.models import Network, TopicFollow
from portal.forum.tests.factories import make_thread


def test_new_topic_and_network_slugs_spell_danish_letters(client_for, editor):
    client = client_for(editor)

    topic = client.post(reverse("forum:topic_create"), {"name": "Kontanthjælpsmodtagere"})
    network = client.post(
        reverse("forum:network_create"),
        {"name": "Førtidspension på Ærø", "description": "", "is_open": "1"},
    )

    assert topic["Location"] == reverse("forum:topic_detail", args=["kontanthjaelpsmodtagere"])
    assert network.status_code == 302
    assert Network.objects.get(name="Førtidspension på Ærø").slug == "foertidspension-paa-aeroe"


def test_an_old_network_address_redirects_permanently(client_for, caseworker):
    network = Network.objects.create(name="Åbent netværk", slug="aabent-netvaerk")
    slug_redirect_record(model=Network, old_slug="bent-netvrk", object_id=network.pk)

    response = client_for(caseworker).get(reverse("forum:network_detail", args=["bent-netvrk"]))

    assert response.status_code == 301
    assert response["Location"] == reverse("forum:network_detail", args=["aabent-netvaerk"])


def test_topic_merge_moves_threads_follows_and_expertise_and_redirects_the_old_slug(
    client_for, caseworker, colleague, operator_admin
):
    kept = Topic.objects.create(name="Sygedagpenge", slug="sygedagpenge")
    merged = Topic.objects.create(
        name="Sygedagpengeområdet, lægeattester, fleksjobområdet m.v.",
        slug="sygedagpengeomraadet-og-fleksjob",
    )
    thread = make_thread(author=caseworker, topic=merged, title="Lægeattester ved forlængelse")
    TopicFollow.objects.create(user=caseworker, topic=merged)
    TopicFollow.objects.create(user=colleague, topic=merged)
    TopicFollow.objects.create(user=colleague, topic=kept)
    caseworker.expertise.add(merged, kept)
    colleague.expertise.add(merged)

    topic_merge(kept=kept, merged=merged, by=operator_admin)

    assert not Topic.objects.filter(pk=merged.pk).exists()
    thread.refresh_from_db()
    assert thread.topic == kept
    assert set(TopicFollow.objects.values_list("user", "topic")) == {
        (caseworker.pk, kept.pk),
        (colleague.pk, kept.pk),
    }
    assert list(caseworker.expertise.all()) == [kept]
    assert list(colleague.expertise.all()) == [kept]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.TOPICS_MERGED).count() == 1
    response = client_for(caseworker).get(
        reverse("forum:topic_detail", args=["sygedagpengeomraadet-og-fleksjob"])
    )
    assert response.status_code == 301
    assert response["Location"] == reverse("forum:topic_detail", args=["sygedagpenge"])
