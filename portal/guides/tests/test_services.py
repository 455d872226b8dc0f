from datetime import date, timedelta

import pytest
import time_machine
from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from portal.core.models import AuditEvent
from portal.forum.models import Post
from portal.forum.signals import post_edited
from portal.guides.models import Guide, LawReference
from portal.guides.services import (
    answer_mark_reviewed,
    guide_from_thread,
    guide_mark_reviewed,
    guide_update,
    law_reference_mark_changed,
)
from portal.guides.tasks import guides_stale_check
from portal.notifications.models import Notification

from .factories import accept_answer, make_guide, make_question, make_reply

pytestmark = pytest.mark.django_db

CPR_TEXT = "Borgeren med CPR 010190-1234 har spurgt."


def _references(obj):
    return sorted(str(reference) for reference in obj.law_references.all())


def test_an_editor_writes_a_guide_with_references_from_the_field_and_the_text(editor):
    guide = make_guide(
        by=editor,
        references="LAB § 16, LAS § 7",
        body="## Regel\n\nEfter § 17 i LAB skal der **også** ...",
    )
    assert guide.owner == editor
    assert guide.body_html.startswith("<h2>Regel</h2>")
    assert "<strong>også</strong>" in guide.body_html
    assert _references(guide) == ["LAB § 16", "LAB § 17", "LAS § 7"]
    assert guide.review_by == timezone.localdate() + relativedelta(months=12)
    assert not guide.is_stale


def test_a_guide_may_be_owned_by_a_jurist_but_not_a_caseworker(editor, jurist, caseworker):
    assert make_guide(by=editor, owner=jurist).owner == jurist
    with pytest.raises(ValidationError) as error:
        make_guide(by=editor, owner=caseworker, title="Anden")
    assert "owner" in error.value.error_dict
    assert Guide.objects.count() == 1


def test_only_editors_write_guides(caseworker, jurist):
    for person in (caseworker, jurist):
        with pytest.raises(PermissionDenied):
            make_guide(by=person)
    assert not Guide.objects.exists()


@pytest.mark.parametrize("field", ["title", "summary", "body"])
def test_a_cpr_number_anywhere_in_a_guide_is_refused(editor, field):
    values = {"title": "Titel", "summary": "", "body": "Tekst", field: CPR_TEXT}
    with pytest.raises(ValidationError) as error:
        make_guide(by=editor, **values)
    assert error.value.error_dict[field][0].code == "cpr_number"
    assert not Guide.objects.exists()


def test_an_unreadable_law_reference_is_refused_and_nothing_is_created(editor):
    with pytest.raises(ValidationError) as error:
        make_guide(by=editor, references="LAB § 16, paragraf seksten")
    assert "law_references_text" in error.value.error_dict
    assert not Guide.objects.exists()
    assert not LawReference.objects.exists()


def test_a_review_by_date_in_the_past_is_refused(editor):
    with pytest.raises(ValidationError) as error:
        make_guide(by=editor, review_by=timezone.localdate() - timedelta(days=1))
    assert "review_by" in error.value.error_dict


def test_guides_with_the_same_title_get_their_own_address(editor):
    first = make_guide(by=editor, title="Ny")
    second = make_guide(by=editor, title="Ny")
    assert first.slug != "ny"  # "ny/" is the address of the form
    assert first.slug != second.slug


def test_updating_a_guide_replaces_its_references(editor):
    guide = make_guide(by=editor, references="LAB § 16")
    guide = guide_update(
        guide=guide,
        by=editor,
        title="Ny titel",
        topic=guide.topic,
        body="Nu efter SDL § 7.",
        owner=editor,
        review_by=guide.review_by,
    )
    assert guide.title == "Ny titel"
    assert _references(guide) == ["SDL § 7"]


def test_an_update_with_a_cpr_number_changes_nothing(editor):
    guide = make_guide(by=editor, references="LAB § 16")
    with pytest.raises(ValidationError):
        guide_update(
            guide=guide,
            by=editor,
            title="Ny titel",
            topic=guide.topic,
            body=CPR_TEXT,
            owner=editor,
            review_by=guide.review_by,
        )
    guide.refresh_from_db()
    assert guide.title == "Aktivering af ledige over 50"
    assert _references(guide) == ["LAB § 16"]


def test_an_update_may_keep_a_review_by_date_that_has_passed(editor):
    guide = make_guide(by=editor)
    passed = timezone.localdate() - timedelta(days=3)
    Guide.objects.filter(pk=guide.pk).update(review_by=passed)
    guide.refresh_from_db()
    guide = guide_update(
        guide=guide,
        by=editor,
        title="T",
        topic=guide.topic,
        body="B",
        owner=editor,
        review_by=passed,
    )
    assert guide.is_stale


def test_marking_reviewed_clears_the_flag_and_moves_the_date_ahead(editor, jurist, caseworker):
    guide = make_guide(by=editor, owner=jurist)
    Guide.objects.filter(pk=guide.pk).update(
        needs_review=True, review_reason="LAB er ændret", review_by=date(2020, 1, 1)
    )
    guide.refresh_from_db()
    with pytest.raises(PermissionDenied):
        guide_mark_reviewed(guide=guide, by=caseworker)

    guide = guide_mark_reviewed(guide=guide, by=jurist)

    assert not guide.needs_review and guide.review_reason == ""
    assert guide.review_by == timezone.localdate() + relativedelta(months=12)
    assert guide.last_reviewed_at is not None
    assert not guide.is_stale


def test_a_question_with_an_accepted_answer_becomes_a_guide(editor, caseworker, jurist):
    thread = make_question(author=caseworker, title="Hvornår gælder LAB § 16?")
    answer = make_reply(thread=thread, author=jurist, body="Efter SDL § 7 er svaret ja.")
    accept_answer(thread=thread, post=answer)

    guide = guide_from_thread(thread=thread, by=editor)

    assert guide.title == "Hvornår gælder LAB § 16?"
    assert guide.source_thread == thread
    assert guide.topic == thread.topic
    assert "Hvordan skal LAB § 16 forstås" in guide.body
    assert "Efter SDL § 7 er svaret ja." in guide.body
    assert _references(guide) == ["LAB § 16", "SDL § 7"]


def test_an_unanswered_question_cannot_become_a_guide(editor, caseworker):
    thread = make_question(author=caseworker)
    with pytest.raises(ValidationError):
        guide_from_thread(thread=thread, by=editor)
    assert not Guide.objects.exists()


# --- Law changes -------------------------------------------------------------------------


@pytest.fixture
def citing(editor, jurist, caseworker):
    """Guides and answers citing LAB § 16, LAB § 7, the whole LAB and LAS § 16."""
    guides = {
        "lab16": make_guide(by=editor, title="G1", references="LAB § 16"),
        "lab7": make_guide(by=editor, title="G2", body="Efter LAB § 7 ..."),
        "lab": make_guide(by=editor, title="G3", references="LAB", owner=jurist),
        "las16": make_guide(by=editor, title="G4", references="LAS § 16"),
    }
    answers = {}
    for key, body in (
        ("lab16", "Se LAB § 16."),
        ("lab7", "Se § 7 i LAB."),
        ("las16", "Se LAS § 16."),
    ):
        thread = make_question(author=caseworker, title=f"Spørgsmål {key}")
        answers[key] = make_reply(thread=thread, author=jurist, body=body)
        accept_answer(thread=thread, post=answers[key])
    # A reply citing LAB § 16 that is not an accepted answer.
    answers["unaccepted"] = make_reply(
        thread=make_question(author=caseworker, title="Uden svar"), author=jurist, body="LAB § 16"
    )
    return guides, answers


def _flagged_guides():
    return set(Guide.objects.filter(needs_review=True).values_list("title", flat=True))


def _flagged_posts(answers):
    return {key for key, post in answers.items() if Post.objects.get(pk=post.pk).needs_review}


def test_marking_a_law_changed_flags_every_guide_and_accepted_answer_citing_it(editor, citing):
    guides, answers = citing
    result = law_reference_mark_changed(law="LAB", note="Ny lov fra 1. januar", by=editor)

    assert _flagged_guides() == {"G1", "G2", "G3"}
    assert _flagged_posts(answers) == {"lab16", "lab7"}
    assert result == {"reference": result["reference"], "guides": 3, "answers": 2}
    guide = Guide.objects.get(title="G1")
    assert "LAB" in guide.review_reason and "Ny lov fra 1. januar" in guide.review_reason
    reference = LawReference.objects.get(law="LAB", paragraph="")
    assert reference.changed_at is not None
    assert reference.changed_note == "Ny lov fra 1. januar"


def test_marking_a_paragraph_changed_flags_only_what_cites_that_paragraph(editor, citing):
    guides, answers = citing
    law_reference_mark_changed(law="LAB", paragraph="16", note="Ændret frist", by=editor)
    assert _flagged_guides() == {"G1"}
    assert _flagged_posts(answers) == {"lab16"}


def test_the_owners_of_flagged_guides_are_notified(editor, jurist, citing):
    law_reference_mark_changed(law="LAB", note="Ny lov", by=editor)
    notified = Notification.objects.filter(kind=Notification.Kind.GUIDE_REVIEW)
    assert sorted((n.recipient.email, n.guide.title) for n in notified) == [
        (jurist.email, "G3")
    ]  # the editor who marked it owns G1 and G2 and is not told about their own action


def test_a_jurist_marks_a_law_changed_and_the_audit_log_keeps_it(jurist, citing):
    _guides, answers = citing
    result = law_reference_mark_changed(law="LAB", paragraph="16", note="Ændret frist", by=jurist)

    assert _flagged_guides() == {"G1"}
    assert _flagged_posts(answers) == {"lab16"}
    entry = AuditEvent.objects.get(action=AuditEvent.Action.LAW_MARKED_CHANGED)
    assert entry.actor == jurist
    assert (entry.object_type, entry.object_id) == ("lawreference", str(result["reference"].pk))
    assert entry.object_label == "LAB § 16"
    assert entry.detail == {"note": "Ændret frist", "guides_flagged": 1, "answers_flagged": 1}


def test_caseworkers_do_not_mark_laws_changed(caseworker, citing):
    with pytest.raises(PermissionDenied):
        law_reference_mark_changed(law="LAB", note="x", by=caseworker)
    assert _flagged_guides() == set()
    assert not LawReference.objects.filter(changed_at__isnull=False).exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.LAW_MARKED_CHANGED).exists()


def test_an_unknown_law_is_refused_and_nothing_changes(editor, citing):
    with pytest.raises(ValidationError) as error:
        law_reference_mark_changed(law="XYZ", note="x", by=editor)
    assert "law" in error.value.error_dict
    assert _flagged_guides() == set()
    assert not LawReference.objects.filter(changed_at__isnull=False).exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.LAW_MARKED_CHANGED).exists()


def test_a_note_with_a_cpr_number_is_refused(editor, citing):
    with pytest.raises(ValidationError) as error:
        law_reference_mark_changed(law="LAB", note=CPR_TEXT, by=editor)
    assert error.value.error_dict["note"][0].code == "cpr_number"
    assert _flagged_guides() == set()


def test_an_editor_clears_an_answers_review_flag(editor, citing):
    _guides, answers = citing
    law_reference_mark_changed(law="LAB", note="x", by=editor)
    answer_mark_reviewed(post=answers["lab16"], by=editor)
    assert _flagged_posts(answers) == {"lab7"}


def test_a_posts_citations_follow_its_text(caseworker, jurist):
    thread = make_question(author=caseworker)
    post = make_reply(thread=thread, author=jurist, body="Efter LAB § 16 og SDL § 7.")
    assert _references(post) == ["LAB § 16", "SDL § 7"]
    Post.objects.filter(pk=post.pk).update(body="Nu kun LAS § 3.")
    post.refresh_from_db()
    post_edited.send(sender=Post, post=post)
    assert _references(post) == ["LAS § 3"]


# --- Stale guides ------------------------------------------------------------------------


def test_the_owner_is_told_once_when_the_review_by_date_passes(editor, jurist):
    guide = make_guide(by=editor, owner=jurist, review_by=date(2027, 1, 10))
    fresh = make_guide(by=editor, owner=jurist, title="Frisk", review_by=date(2027, 6, 1))

    with time_machine.travel(date(2027, 1, 10)):
        guides_stale_check.call_local()
    assert not Notification.objects.exists()
    with time_machine.travel(date(2027, 1, 11)):
        guides_stale_check.call_local()
        guides_stale_check.call_local()
    with time_machine.travel(date(2027, 1, 12)):
        guides_stale_check.call_local()

    notified = Notification.objects.filter(kind=Notification.Kind.GUIDE_REVIEW)
    assert [(n.recipient_id, n.guide_id) for n in notified] == [(jurist.pk, guide.pk)]
    assert fresh.pk not in [n.guide_id for n in notified]


def test_after_a_review_the_owner_is_told_again_when_the_new_date_passes(editor, jurist):
    guide = make_guide(by=editor, owner=jurist, review_by=date(2027, 1, 10))
    with time_machine.travel(date(2027, 1, 11)):
        guides_stale_check.call_local()
        guide_mark_reviewed(guide=guide, by=jurist, review_by=date(2027, 2, 1))
    with time_machine.travel(date(2027, 2, 2)):
        guides_stale_check.call_local()
    assert Notification.objects.filter(kind=Notification.Kind.GUIDE_REVIEW).count() == 2
