"""The CPR guard's backstop (portal.core.cpr_guard): every text field of every portal model."""

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save
from django.forms import modelform_factory

from portal.core.cpr_guard import (
    EXEMPT_FIELDS,
    exemption,
    field_key,
    guard_instances,
    guarded_fields,
    portal_models,
    validate_no_cpr_in_value,
)
from portal.core.models import Topic
from portal.forum.models import Thread

# A disguised number: soft hyphen, an HTML entity and a non-breaking hyphen.
HIDDEN = "Borger cpr: 01\u00ad0190&#8209;1234"

# Field types whose values are text a person could have written.
TEXT_TYPES = {
    "CharField",
    "TextField",
    "JSONField",
    "SlugField",
    "EmailField",
    "URLField",
    "FileField",
    "ImageField",
    "FilePathField",
}


def _text_fields():
    for model in portal_models():
        for field in model._meta.concrete_fields:
            if field.get_internal_type() in TEXT_TYPES:
                yield model, field


def test_every_text_field_is_guarded_or_exempt_with_a_reason():
    unaccounted = []
    for model, field in _text_fields():
        guarded = field in guarded_fields(model)
        reason = exemption(model, field)
        if guarded == bool(reason):  # neither, or (impossibly) both
            unaccounted.append(field_key(model, field))
        elif reason is not None:
            assert len(reason.strip()) > 10, field_key(model, field)
    assert unaccounted == []


def test_the_exemption_list_names_only_fields_that_exist():
    existing = {field_key(model, field) for model, field in _text_fields()}
    assert sorted(set(EXEMPT_FIELDS) - existing) == []


# Every field the backstop checks, spelt out: a new text field fails this test until it is added
# here (people can write in it) or to EXEMPT_FIELDS with a reason. Until then it is guarded.
GUARDED = {
    "core.Organisation.slug",
    "search.SearchMiss.words",
    "core.Organisation.name",
    "core.Organisation.email_domains",
    "core.Organisation.cvr",
    "sso.IdentityProvider.slug",
    "sso.IdentityProvider.name",
    "sso.IdentityProvider.role_attribute",
    "sso.IdentityProvider.role_map",
    "core.Centre.slug",
    "core.Centre.name",
    "core.Topic.slug",
    "core.Topic.name",
    "core.Topic.description",
    "core.PersonalDataAccess.purpose",
    "core.PersonalDataAccess.row_ids",
    "core.User.full_name",
    "core.User.title",
    "core.User.phone",
    "api.ApiToken.name",
    "forum.Network.slug",
    "forum.Network.name",
    "forum.Network.description",
    "forum.Thread.title",
    "forum.Post.body",
    "forum.Post.review_reason",
    "forum.PostRevision.body",
    "forum.Attachment.original_name",
    "forum.Report.reason",
    "forum.Report.resolution",
    "guides.LawReference.law",
    "guides.LawReference.paragraph",
    "guides.LawReference.changed_note",
    "guides.Guide.title",
    "guides.Guide.slug",
    "guides.Guide.summary",
    "guides.Guide.body",
    "guides.Guide.review_reason",
    "newsletters.Newsletter.subject",
    "newsletters.Newsletter.intro",
    "newsletters.Newsletter.segment_organisation_kind",
    "newsletters.NewsletterItem.url",
    "newsletters.NewsletterItem.title",
    "newsletters.NewsletterItem.summary",
    "newsletters.NewsletterItem.reason",
    "surveys.Survey.title",
    "surveys.Survey.intro",
    "surveys.Survey.segment_organisation_kind",
    "surveys.SurveyQuestion.text",
    "surveys.SurveyQuestion.options",
    "surveys.SurveyAnswer.text",
    "events.Event.title",
    "events.Event.description",
    "events.Event.venue",
    "events.Event.address",
    "events.Event.room",
    "events.Event.online_url",
    "events.EventSession.title",
    "events.EventSession.description",
    "events.EventSession.room",
    "events.EventSession.guest_speakers",
    "events.Registration.dietary_note",
    "events.Registration.accessibility_note",
    "events.FeedbackResponse.comment",
    "partnership.InterviewRuleSet.code",
    "partnership.InterviewRuleSet.name",
    "partnership.ContactCourse.course_id",
    "partnership.ContactCourse.citizen_key",
    "partnership.ContactCourse.end_reason",
    "partnership.Interview.interview_id",
    "partnership.JobClubActivity.activity_id",
    "partnership.PartnershipImport.file_name",
    "partnership.PartnershipImport.errors",
    "partnership.PartnershipImport.touched",
    "register.Office.name",
    "register.Office.slug",
    "register.Office.description",
    "register.RegisterItem.external_id",
    "register.RegisterItem.title",
    "register.RegisterItem.problem",
    "register.RegisterItem.sub_topic",
    "register.RegisterItem.source_organisation",
    "register.RegisterItem.regulation",
    "register.RegisterItem.law_references",
    "register.RegisterItem.responsible_as_reported",
    "register.RegisterItem.handling",
    "register.RegisterItem.timeline",
    "register.RegisterItem.sub_points",
    "register.ItemComment.body",
    "register.ItemComment.body_html",
    "register.ItemAttachment.name",
    "register.ItemChange.changes",
    "register.ItemChange.note",
    "register.ReportSnapshot.items",
}


def test_the_guarded_fields_are_exactly_those_written_down():
    guarded = {
        field_key(model, field) for model in portal_models() for field in guarded_fields(model)
    }
    assert sorted(guarded - GUARDED) == [], "new text fields: add to GUARDED or EXEMPT_FIELDS"
    assert sorted(GUARDED - guarded) == []


@pytest.mark.parametrize(
    ("model", "field"),
    [(model, field) for model in portal_models() for field in guarded_fields(model)],
    ids=lambda value: getattr(value, "__name__", None) or getattr(value, "name", str(value)),
)
def test_saving_any_guarded_field_with_a_number_is_refused(model, field):
    """Through the signal every save of the model sends, whatever code calls save()."""
    instance = model()
    value = {"note": [HIDDEN]} if isinstance(field, models.JSONField) else HIDDEN
    setattr(instance, field.attname, value)
    with pytest.raises(ValidationError) as error:
        pre_save.send(
            sender=model, instance=instance, raw=False, using="default", update_fields=None
        )
    assert error.value.code == "cpr_number"
    assert "010190-XXXX" in error.value.messages[0]


@pytest.mark.django_db
def test_a_real_save_is_refused_and_nothing_stored():
    with pytest.raises(ValidationError):
        Topic.objects.create(slug="dagpenge", name="Dagpenge", description=HIDDEN)
    assert not Topic.objects.exists()


@pytest.mark.django_db
def test_only_the_fields_being_saved_are_checked(caseworker):
    topic = Topic.objects.create(slug="dagpenge", name="Dagpenge")
    topic.description = HIDDEN
    topic.save(update_fields=["name"])  # the description is not written
    topic.refresh_from_db()
    assert topic.description == ""
    topic.description = HIDDEN
    with pytest.raises(ValidationError):
        topic.save(update_fields=["description"])


@pytest.mark.django_db
def test_an_old_row_with_a_number_can_still_be_saved_until_the_text_changes(caseworker):
    """Text written before the guard knew a trick must not block moderation of the row."""
    topic = Topic.objects.create(slug="dagpenge", name="Dagpenge")
    thread = Thread.objects.create(topic=topic, title="Spørgsmål", author=caseworker)
    Thread.objects.filter(pk=thread.pk).update(title=f"Sag {HIDDEN}")  # as if stored long ago
    thread.refresh_from_db()
    thread.is_hidden = True
    thread.save()
    thread.title = f"Ny sag {HIDDEN}"
    with pytest.raises(ValidationError):
        thread.save()
    thread.refresh_from_db()
    assert thread.title == f"Sag {HIDDEN}"


@pytest.mark.django_db
def test_bulk_writes_are_checked_by_guard_instances(caseworker):
    with pytest.raises(ValidationError):
        guard_instances([Topic(slug="a", name="A"), Topic(slug="b", name="B", description=HIDDEN)])


def test_json_values_are_checked_string_by_string():
    validate_no_cpr_in_value({"roles": ["caseworker"], "count": 1234567890})
    with pytest.raises(ValidationError):
        validate_no_cpr_in_value({"notes": [{"text": HIDDEN}]})
    with pytest.raises(ValidationError):
        validate_no_cpr_in_value({HIDDEN: True})


@pytest.mark.django_db
def test_a_model_form_such_as_the_admin_s_names_the_field():
    form_class = modelform_factory(Topic, fields=["slug", "name", "description"])
    form = form_class({"slug": "dagpenge", "name": "Dagpenge", "description": HIDDEN})
    assert not form.is_valid()
    assert "010190-XXXX" in form.errors["description"][0]
    assert not Topic.objects.exists()


@pytest.mark.django_db
def test_cpr_scan_lists_old_numbers_and_masks_them_with_their_copies(caseworker):
    from io import StringIO

    from django.core.management import call_command

    from portal.forum.models import Post

    topic = Topic.objects.create(slug="dagpenge", name="Dagpenge")
    thread = Thread.objects.create(topic=topic, title="Spørgsmål", author=caseworker)
    post = Post.objects.create(
        thread=thread, author=caseworker, body="Rent", body_html="<p>Rent</p>"
    )
    Thread.objects.filter(pk=thread.pk).update(title="Sag 0101801234")  # stored long ago
    Post.objects.filter(pk=post.pk).update(
        body="Borger 0101**90**-1234", body_html="<p>Borger 0101<strong>90</strong>-1234</p>"
    )
    report = StringIO()
    call_command("cpr_scan", stdout=report)
    assert "forum.Thread.title" in report.getvalue() and "010180-XXXX" in report.getvalue()
    assert "1234" not in report.getvalue()
    thread.refresh_from_db()
    assert thread.title == "Sag 0101801234"  # listing changes nothing

    call_command("cpr_scan", redact=True, stdout=StringIO())
    thread.refresh_from_db()
    post.refresh_from_db()
    assert thread.title == "Sag 010180-XXXX"
    assert post.body == "Borger 010190-XXXX"
    assert post.body_html == "<p>Borger 010190-XXXX</p>"
    again = StringIO()
    call_command("cpr_scan", stdout=again)
    assert again.getvalue().startswith("0 stored")
