"""New topics and networks get readable Danish slugs; a network's old slug redirects (0036)."""

from django.urls import reverse

from portal.core.slugs import slug_redirect_record
from portal.forum.models import Network


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
