import copy
from datetime import timedelta

import pytest
from django.db.models import Count, F
from django.utils import timezone

from portal.core import lawrefs
from portal.core.cpr import find_cpr_numbers
from portal.core.models import User
from portal.demo import content
from portal.demo import people as demo
from portal.demo.debate import (
    DemoContentError,
    debate_demo_load,
    parse_law_references,
    validate_content,
)
from portal.digests.models import DigestFrequency, EmailPreference
from portal.events.models import Event
from portal.forum import selectors as forum_selectors
from portal.forum.models import (
    Mention,
    Network,
    NetworkMembership,
    Post,
    Reaction,
    Thread,
    ThreadFollow,
    ThreadReadState,
)
from portal.forum.selectors import thread_list_visible
from portal.forum.services import debate_visit_touch
from portal.guides.models import Guide, LawReference
from portal.hotline.models import HotlineCase
from portal.notifications.models import Notification

THREADS = content.threads()
GUIDES = content.guides()


def _login(local_part: str) -> User:
    return User.objects.get(email=f"{local_part}@{demo.DEMO_DOMAIN}")


# The content itself ---------------------------------------------------------------------------


def test_the_content_passes_its_own_validation():
    validate_content(THREADS, GUIDES)


def test_the_content_is_large_enough_for_a_lively_demo():
    questions = [t for t in THREADS if t["kind"] == "question"]
    assert len(THREADS) >= 200
    assert len(GUIDES) >= 24
    assert sum(1 for t in questions if not t["replies"]) >= 12
    assert sum(1 for t in questions if any(r.get("accepted") for r in t["replies"])) >= 60


def test_no_text_of_the_content_contains_a_cpr_number():
    texts = []
    for thread in THREADS:
        texts += [thread["title"], thread["body"]] + [r["body"] for r in thread["replies"]]
    for guide in GUIDES:
        texts += [guide["title"], guide["summary"], guide["body"]]
    for network in content.networks():
        texts += [network["name"], network["description"]]
    assert [(text[:60], find_cpr_numbers(text)) for text in texts if find_cpr_numbers(text)] == []


def test_every_topic_slug_of_the_content_is_a_demo_topic():
    slugs = {slug for slug, _name, _description in demo.TOPICS}
    assert {t["topic"] for t in THREADS} <= slugs
    assert {g["topic"] for g in GUIDES} <= slugs


def test_the_content_names_no_person_of_the_seed_documents():
    text = " ".join(t["body"] + " ".join(r["body"] for r in t["replies"]) for t in THREADS)
    text += " ".join(g["body"] for g in GUIDES)
    for name in demo.SEED_PEOPLE:
        assert name not in text.lower()


def test_validation_refuses_an_unknown_topic_a_forward_quote_and_an_accepted_discussion():
    thread = next(t for t in THREADS if t["kind"] == "discussion" and len(t["replies"]) >= 2)
    broken = [{**copy.deepcopy(thread), "topic": "no-such-topic"}]
    with pytest.raises(DemoContentError, match="unknown topic"):
        validate_content(broken, [])
    broken = copy.deepcopy(thread)
    broken["replies"][0]["quote"] = 1
    with pytest.raises(DemoContentError, match="quotes a later reply"):
        validate_content([broken], [])
    broken = copy.deepcopy(thread)
    broken["replies"][0]["accepted"] = True
    with pytest.raises(DemoContentError, match="only a question"):
        validate_content([broken], [])
    with pytest.raises(DemoContentError, match="unknown author spec"):
        validate_content([{**copy.deepcopy(thread), "author": "borgmester"}], [])
    with pytest.raises(DemoContentError, match="CPR number"):
        validate_content([{**copy.deepcopy(thread), "body": "Borgeren (010190-1234) spørger"}], [])
    broken = copy.deepcopy(thread)
    broken["replies"][0]["acepted"] = True  # a misspelt key in a data file
    with pytest.raises(DemoContentError, match="unknown keys"):
        validate_content([broken], [])
    with pytest.raises(DemoContentError, match="unknown keys"):
        validate_content([], [{**copy.deepcopy(GUIDES[0]), "ownr": "editor"}])


def test_guide_law_references_are_read_as_the_guides_read_them():
    assert parse_law_references("LAB § 16, LAS § 68 a, SDL") == [
        ("LAB", "16"),
        ("LAS", "68 a"),
        ("SDL", ""),
    ]
    with pytest.raises(DemoContentError, match="Cannot read"):
        parse_law_references("LAB § 16, Grundloven af 1849")


# The load ------------------------------------------------------------------------------------


def test_debate_demo_load_creates_every_network_thread_post_and_guide(demo_loaded):
    replies = sum(len(t["replies"]) for t in THREADS)
    assert demo_loaded["networks"] == Network.objects.count() == len(content.networks())
    assert demo_loaded["threads"] == Thread.objects.count() == len(THREADS)
    assert demo_loaded["posts"] == Post.objects.count() == len(THREADS) + replies
    assert demo_loaded["guides"] == Guide.objects.count() == len(GUIDES)
    assert Post.objects.filter(is_opening=True).count() == len(THREADS)
    assert demo_loaded["reactions"] == Reaction.objects.count() > len(THREADS)
    # The hotline's earlier cases of the year come from the evaluation demo (evaluation.py).
    assert (
        HotlineCase.objects.count()
        == sum(1 for t in THREADS if t.get("hotline")) + demo_loaded["earlier_hotline_cases"]
    )


def test_a_second_load_creates_nothing(demo_loaded):
    counts = (Thread.objects.count(), Post.objects.count(), Notification.objects.count())
    again = debate_demo_load()
    assert set(again.values()) == {0}
    assert (Thread.objects.count(), Post.objects.count(), Notification.objects.count()) == counts


def test_the_load_is_deterministic(demo_loaded):
    def cast():
        return list(
            Post.objects.order_by("thread__title", "created_at", "id").values_list(
                "thread__title", "author__email", "is_opening"
            )
        )

    first = cast()
    Thread.objects.all().delete()
    Guide.objects.all().delete()
    Event.objects.all().delete()  # the demo's network meeting keeps its network (PROTECT)
    Network.objects.all().delete()
    debate_demo_load()
    assert cast() == first


def test_the_load_is_all_or_nothing(demo_loaded, monkeypatch):
    Thread.objects.all().delete()
    Guide.objects.all().delete()
    Event.objects.all().delete()  # the demo's network meeting keeps its network (PROTECT)
    Network.objects.all().delete()

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    # The guides come last: a failure there must take the networks and threads with it.
    monkeypatch.setattr(Guide.objects, "bulk_update", fail)
    with pytest.raises(RuntimeError):
        debate_demo_load()
    assert not Thread.objects.exists()
    assert not Network.objects.exists()


def test_threads_carry_their_counters_and_rendered_text(demo_loaded):
    now = timezone.now()
    for thread in Thread.objects.annotate(n=Count("posts")).prefetch_related("posts"):
        posts = list(thread.posts.all())
        assert thread.reply_count == thread.n - 1
        assert thread.last_activity_at == posts[-1].created_at <= now
        assert posts[0].is_opening and posts[0].created_at == thread.created_at
        assert all(p.body_html.startswith("<") for p in posts)
    assert not Post.objects.filter(body__contains="{@").exists()


def test_mentions_are_written_as_the_forum_writes_them(demo_loaded):
    mention = Mention.objects.select_related("post", "user").filter(
        user__email__startswith="sagsbehandler@"
    )[0]
    assert "@sagsbehandler" in mention.post.body
    assert f"/kolleger/{mention.user.pk}/" in mention.post.body_html


def test_every_accepted_answer_is_a_reply_in_its_own_thread(demo_loaded):
    accepted = Thread.objects.filter(accepted_answer__isnull=False).select_related(
        "accepted_answer"
    )
    expected = sum(1 for t in THREADS if any(r.get("accepted") for r in t["replies"]))
    assert accepted.count() == expected
    for thread in accepted:
        assert thread.accepted_answer.thread_id == thread.pk
        assert not thread.accepted_answer.is_opening
        assert thread.accepted_by_id == thread.author_id
        assert thread.accepted_at >= thread.accepted_answer.created_at
    assert Post.objects.filter(author_is_jurist=True).exists()


def test_an_invitation_only_network_hides_its_threads_from_the_demo_caseworker(demo_loaded):
    caseworker, fund_caseworker = _login("sagsbehandler"), _login("akasse")
    private = Thread.objects.filter(network__is_open=False)
    assert private.exists()
    assert not thread_list_visible(user=caseworker).filter(network__is_open=False).exists()
    fund_threads = private.filter(network__slug="akassernes-kontaktforloebsnetvaerk")
    assert set(thread_list_visible(user=fund_caseworker).filter(pk__in=fund_threads)) == set(
        fund_threads
    )


def test_everyone_writing_in_a_private_network_is_a_member_of_it(demo_loaded):
    outsiders = Post.objects.filter(thread__network__is_open=False).exclude(
        author__network_memberships__network=F("thread__network")
    )
    assert not outsiders.exists()


def test_the_demo_logins_are_network_members_and_have_a_bell_to_read(demo_loaded):
    for local_part in ("sagsbehandler", "akasse", "jurist"):
        user = _login(local_part)
        assert NetworkMembership.objects.filter(user=user).exists()
        assert Notification.objects.filter(recipient=user, read_at__isnull=True).exists()
    kinds = set(
        Notification.objects.filter(recipient=_login("sagsbehandler")).values_list(
            "kind", flat=True
        )
    )
    assert {Notification.Kind.ANSWER, Notification.Kind.MENTION} <= kinds
    assert Notification.objects.filter(
        recipient=_login("redaktoer"), kind=Notification.Kind.GUIDE_REVIEW
    ).exists()
    assert Notification.objects.filter(
        recipient=_login("jurist"), kind=Notification.Kind.HOTLINE_OVERDUE
    ).exists()


def test_a_demo_login_comes_back_to_news_in_the_threads_it_follows(demo_loaded):
    user = _login("sagsbehandler")
    assert ThreadReadState.objects.filter(user=user).exists()
    since = debate_visit_touch(user=user)
    assert since is not None and since < timezone.now() - timedelta(days=2)
    new = list(forum_selectors.threads_new_for(user=user, since=since))
    assert new, "the demo caseworker's front page has nothing new"
    assert any(thread.unread_count > 0 for thread in new)


def test_authors_and_repliers_follow_their_threads(demo_loaded):
    pairs = set(Post.objects.values_list("author_id", "thread_id"))
    assert pairs == set(ThreadFollow.objects.values_list("user_id", "thread_id"))


def test_hotline_cases_are_answered_by_jurists_or_open_and_some_overdue(demo_loaded):
    now = timezone.now()
    for case in HotlineCase.objects.select_related("thread"):
        jurist_replied = case.thread.posts.filter(is_opening=False, author_is_jurist=True)
        if jurist_replied.exists():
            assert case.status == HotlineCase.Status.ANSWERED
            assert case.answered_by_id == jurist_replied.first().author_id
        else:
            assert case.status == HotlineCase.Status.OPEN
        assert case.deadline > case.requested_at
    open_cases = HotlineCase.objects.filter(status=HotlineCase.Status.OPEN)
    assert open_cases.filter(deadline__lt=now).exists()
    assert open_cases.filter(deadline__gte=now).exists()


def test_guides_cite_their_law_references_and_the_thread_they_grew_from(demo_loaded):
    assert LawReference.objects.filter(law="LAB", paragraph="68 b").exists()
    for spec in GUIDES:
        guide = Guide.objects.get(title=spec["title"])
        # As the guides' own form does: the listed references and those the text cites.
        expected = set(parse_law_references(spec["law_references"]))
        expected |= set(lawrefs.find_law_references(spec["body"]))
        assert set(guide.law_references.values_list("law", "paragraph")) == expected
        assert guide.body_html
        if spec.get("from_thread_title"):
            assert guide.source_thread.title == spec["from_thread_title"]
    assert any(g.is_stale for g in Guide.objects.all())
    assert any(not g.is_stale for g in Guide.objects.all())
    assert LawReference.objects.filter(cited_in_posts__isnull=False).exists()


def test_networks_are_created_by_an_editor_who_moderates_them(demo_loaded):
    for network in Network.objects.select_related("created_by"):
        assert network.created_by.has_role("editor"), network.slug
        assert NetworkMembership.objects.filter(
            network=network, user=network.created_by, role=NetworkMembership.Role.MODERATOR
        ).exists()
        # Everyone else was added by the creator, as a moderator adds people.
        added = NetworkMembership.objects.filter(network=network).exclude(user=network.created_by)
        assert set(added.values_list("added_by", flat=True)) == {network.created_by_id}


def test_the_invented_people_want_the_digest_but_no_mail_per_notification(demo_loaded):
    logins = {login.email for login in demo.DEMO_LOGINS}
    # Approved: the sign-ups awaiting approval have chosen nothing yet (evaluation.py).
    invented = User.objects.exclude(email__in=logins).filter(approved_at__isnull=False)
    preferences = EmailPreference.objects.filter(user__in=invented)
    assert preferences.count() == invented.count()
    assert set(preferences.values_list("digest_frequency", "newsletter", "notifications")) == {
        (DigestFrequency.WEEKLY, True, False)
    }
    # The demo logins keep email per notification on (the product's default).
    assert not EmailPreference.objects.filter(user__email__in=logins, notifications=False).exists()


def test_the_story_has_its_dates_not_the_moment_of_loading(demo_loaded):
    started = timezone.now() - timezone.timedelta(minutes=10)
    for model in (Thread, Post, ThreadFollow, Reaction, NetworkMembership, HotlineCase):
        field = "requested_at" if model is HotlineCase else "created_at"
        old = model.objects.filter(**{f"{field}__lt": started}).count()
        assert old > model.objects.count() * 0.9, model.__name__
    assert Notification.objects.filter(read_at__isnull=False).exists()
    founders = NetworkMembership.objects.filter(user=F("network__created_by"))
    assert not founders.exclude(created_at=F("network__created_at")).exists()
    # A notification is dated at what it tells of: a reply's, at the reply.
    replies = Notification.objects.filter(kind=Notification.Kind.REPLY)
    assert not replies.exclude(created_at=F("post__created_at")).exists()
    # Notifications come from the services, for everyone who takes part (not only the logins).
    assert Notification.objects.exclude(recipient__email__endswith=f"@{demo.DEMO_DOMAIN}").exists()
