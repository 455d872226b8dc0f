"""The register of burdensome rules and workflows (uhensigtsmæssigheder), after seed 004.

Anyone signed in reports an item; the jobcenter's coordinators triage it (the report's
classification, a responsible office, a timeline); the office's people handle it. Every change
is kept in the item's decision log (ItemChange), the committee report is generated from the
items, and each report generated is kept as a snapshot, so the next one can say what changed.
The workflow itself (which status may follow which) is workflow.py's.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.constraints import choices_check
from portal.core.models import Organisation


class MainTopic(models.TextChoices):
    """The report's eight main topics (codes as in seed 004)."""

    REHABILITATION = "1", _("Rehabilitation team, resource and job clarification courses")
    SICKNESS_BENEFIT = "2+3", _("Sickness benefit, medical certificates, flex jobs")
    YOUTH = "4", _("Youth and education")
    CONTACT_COURSE = "5", _("Contact course, job placement, employment effort")
    ECONOMY = "6", _("Economy and benefits")
    DIGITAL = "7", _("Digitalisation and IT")
    CROSS_CUTTING = "8", _("Cross-cutting and general topics")
    EMPLOYERS = "8a", _("The employer-facing effort")


class Section(models.IntegerChoices):
    """The report's classification of an item: what is done with it."""

    BUSINESS_CASE = 1, _("Proposal for a business case")
    CLEAR_POTENTIAL = 2, _("Clear potential for simplification")
    POSSIBLE_POTENTIAL = 3, _("Possible potential for simplification")
    COMMUNICATION = 4, _("Handled by communication")
    UNDER_WAY = 5, _("Handled by initiatives under way")
    NOT_PURSUED = 6, _("Not pursued")
    QUICK_WIN = 7, _("Quick win")


class Origin(models.TextChoices):
    INTERNAL = "internal", _("Reported from the centres")
    EXTERNAL = "external", _("Input from partners")


class RegulationKind(models.TextChoices):
    STATE_LAW = "state_law", _("State law")
    MUNICIPAL = "municipal_decision", _("Municipal decision")
    INTERNAL = "internal_practice", _("Internal practice")


class Status(models.TextChoices):
    REPORTED = "reported", _("Reported")
    TRIAGED = "triaged", _("Triaged")
    IN_HANDLING = "in_handling", _("In handling")
    HANDLED = "handled", _("Handled")
    NOT_PURSUED = "not_pursued", _("Not pursued")
    AWAITING_LEGISLATION = "awaiting_legislation", _("Awaiting legislation")


class Office(models.Model):
    """A responsible office of the administration ("1. kontor", "SLK", ...), kept by the
    operator. Its members handle the items given to it."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="register_offices",
        verbose_name=_("members"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("responsible office")
        verbose_name_plural = _("responsible offices")

    def __str__(self):
        return self.name


class RegisterItem(models.Model):
    """One burdensome rule or workflow (uhensigtsmæssighed) and how it is handled."""

    MainTopic = MainTopic
    Section = Section
    Origin = Origin
    RegulationKind = RegulationKind
    Status = Status

    # The id an import gave it ("S3-17", "E-04"): importing the same file again changes nothing.
    external_id = models.CharField(
        _("id from the import"), max_length=20, unique=True, null=True, blank=True
    )
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("problem"), blank=True)
    main_topic = models.CharField(
        _("main topic"), max_length=4, choices=MainTopic.choices, blank=True
    )
    sub_topic = models.CharField(_("sub topic"), max_length=200, blank=True)
    origin = models.CharField(
        _("origin"), max_length=16, choices=Origin.choices, default=Origin.INTERNAL
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="register_items_reported",
        verbose_name=_("reported by"),
    )
    reporting_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="register_items",
        verbose_name=_("reporting organisation"),
    )
    # For input from partners that are not in the portal (an employers' organisation, a firm),
    # as the report names them.
    source_organisation = models.CharField(_("sender"), max_length=200, blank=True)
    regulation_kind = models.CharField(
        _("what regulates it"), max_length=20, choices=RegulationKind.choices, blank=True
    )
    regulation = models.CharField(_("regulation"), max_length=300, blank=True)
    # Parsed from `regulation` as the guides parse citations: [["LAB", "16"], ...].
    law_references = models.JSONField(_("law references"), default=list, blank=True)
    section = models.PositiveSmallIntegerField(
        _("classification"), choices=Section.choices, null=True, blank=True
    )
    responsible_office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("responsible office"),
    )
    # As the source named it, where that says more than one office ("1. kontor og 2. kontor").
    responsible_as_reported = models.CharField(
        _("responsible (as reported)"), max_length=200, blank=True
    )
    handling = models.TextField(_("handling"), blank=True)
    # The timeline as written ("Efterår 2017", "2018K2") and the day it falls due, when it says
    # one: a date, or the last day of a month or a quarter. Reminders go by the day.
    timeline = models.CharField(_("timeline"), max_length=300, blank=True)
    timeline_due = models.DateField(_("timeline (due)"), null=True, blank=True)
    # Separately handled sub points of a cluster: [{"no", "title", "handling", ...}].
    sub_points = models.JSONField(_("sub points"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.REPORTED
    )
    created_at = models.DateTimeField(_("reported"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("changed"), default=timezone.now)
    reminded_on = models.DateField(_("last reminded"), null=True, blank=True)

    class Meta:
        ordering = ["section", "main_topic", "pk"]
        indexes = [
            models.Index(fields=["status", "section"], name="register_item_status"),
            models.Index(fields=["responsible_office", "status"], name="register_item_office"),
        ]
        constraints = [
            choices_check("status", Status, "register_item_status_valid"),
            choices_check("origin", Origin, "register_item_origin_valid"),
            choices_check("section", Section, "register_item_section_valid", null=True),
        ]
        verbose_name = _("register item")
        verbose_name_plural = _("register items")

    def __str__(self):
        return self.title


class Endorsement(models.Model):
    """ "Me too" from another caseworker: the same burden, felt elsewhere."""

    item = models.ForeignKey(RegisterItem, on_delete=models.CASCADE, related_name="endorsements")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="register_endorsements"
    )
    # Kept as it was when endorsed: the count per organisation should not move with a transfer.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="register_endorsement_once"),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.item_id}"


class ItemComment(models.Model):
    item = models.ForeignKey(RegisterItem, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"))
    body_html = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.item_id}: {self.body[:40]}"


class ItemAttachment(models.Model):
    item = models.ForeignKey(RegisterItem, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="register/%Y/%m/")
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name


class ItemChange(models.Model):
    """The decision log: one row per change of an item (status, classification, office,
    timeline, handling), with who and when; the report's "changes since" reads it too."""

    item = models.ForeignKey(RegisterItem, on_delete=models.CASCADE, related_name="changes")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # {"status": ["reported", "triaged"], "section": [null, 3], ...}: the old and new values.
    changes = models.JSONField(default=dict)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.item_id} {self.created_at:%Y-%m-%d}"


class ReportSnapshot(models.Model):
    """A committee report as generated: each item's status and section at the time, so the
    next report can list what is new and what moved since."""

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # {"<item pk>": {"status": ..., "section": ...}}
    items = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M}"
