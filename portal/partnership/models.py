"""The partnership between the jobcenter and the unemployment funds: the data it is followed by.

A fund (an Organisation of kind "ufund") runs the contact course (kontaktforløb) of its newly
unemployed members; the jobcenter and the fund follow the interviews, job clubs, budget and
effect up together. The rows below arrive by import (importing.py) from the systems of both
sides and are identified by the ids those systems give them, so that importing a file again
changes nothing. `citizen_key` is a pseudonym: the portal never stores a CPR number.

Interview rule sets are data (issued by the administrator, not code): each is a list of slots
with a validity period by course start date.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.constraints import choices_check
from portal.core.models import Organisation, OrganisationKind


class HeldBy(models.TextChoices):
    """Who may hold (or held) an interview."""

    EITHER = "either", _("Either side")
    FUND = "fund", _("Unemployment fund")
    JOBCENTER = "jobcenter", _("Jobcenter")


class InterviewRuleSet(models.Model):
    """Which interviews a contact course should have and when, for courses starting in
    [valid_from, valid_to]. `to_be_confirmed`: offsets shipped before they were settled; an
    administrator confirms (or corrects) them."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    valid_from = models.DateField(_("valid from (course start)"))
    valid_to = models.DateField(_("valid to (course start)"), null=True, blank=True)
    to_be_confirmed = models.BooleanField(_("to be confirmed by the administrator"), default=False)

    class Meta:
        ordering = ["valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="partnership_rule_set_period",
            ),
        ]
        verbose_name = _("interview rule set")
        verbose_name_plural = _("interview rule sets")

    def __str__(self):
        return self.name


class InterviewSlot(models.Model):
    """One interview a course should have: due `months` + `days` after the start of
    unemployment, held by whom."""

    rule_set = models.ForeignKey(
        InterviewRuleSet,
        on_delete=models.CASCADE,
        related_name="slots",
        verbose_name=_("rule set"),
    )
    order = models.PositiveSmallIntegerField(_("number"))
    months = models.PositiveSmallIntegerField(_("months after start"), default=0)
    days = models.PositiveSmallIntegerField(_("days after start"), default=0)
    held_by = models.CharField(
        _("held by"), max_length=16, choices=HeldBy.choices, default=HeldBy.EITHER
    )

    class Meta:
        ordering = ["rule_set", "order"]
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "order"], name="partnership_slot_order"),
            choices_check("held_by", HeldBy, "partnership_slot_held_by"),
        ]
        verbose_name = _("interview slot")
        verbose_name_plural = _("interview slots")

    def __str__(self):
        return f"{self.rule_set.code} #{self.order}"


def _ratio_check(field: str, name: str):
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0, f"{field}__lte": 1}),
        name=name,
    )


class PartnershipAgreement(models.Model):
    """A fund's goals for a year. The agreement adds goals: a fund without one still gets its
    KPIs, measured with the default tolerance and the rule set valid on each course's start."""

    fund = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="partnership_agreements",
        limit_choices_to={"kind": OrganisationKind.UFUND},
        verbose_name=_("unemployment fund"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    timeliness_target = models.DecimalField(
        _("timeliness target"), max_digits=5, decimal_places=4, default=Decimal("0.9000")
    )
    job_club_share_target = models.DecimalField(
        _("job club share by month 3 (target)"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
    )
    budget_frame_dkk = models.DecimalField(
        _("budget frame for job clubs (DKK)"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("500000.00"),
    )
    effect_target = models.DecimalField(
        _("effect target (self-supporting at 26 weeks)"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
    )
    # Empty: each course follows the rule set valid on its start date.
    rule_set = models.ForeignKey(
        InterviewRuleSet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("rule set (empty: by course start date)"),
    )
    tolerance_days = models.PositiveSmallIntegerField(_("tolerance (days)"), default=14)
    jobcenter_contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="partnership_agreements_for_jobcenter",
        verbose_name=_("contacts at the jobcenter"),
    )
    fund_contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="partnership_agreements_for_fund",
        verbose_name=_("contacts at the fund"),
    )

    class Meta:
        ordering = ["fund", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["fund", "year"], name="partnership_agreement_year"),
            _ratio_check("timeliness_target", "partnership_agreement_timeliness_ratio"),
            _ratio_check("job_club_share_target", "partnership_agreement_job_club_ratio"),
            _ratio_check("effect_target", "partnership_agreement_effect_ratio"),
            models.CheckConstraint(
                condition=Q(budget_frame_dkk__gte=0), name="partnership_agreement_budget"
            ),
        ]
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")

    def __str__(self):
        return f"{self.fund} {self.year}"


class AgeBand(models.TextChoices):
    UNDER_30 = "under30", _("Under 30")
    FROM_30 = "30plus", _("30 or over")


class ContactCourse(models.Model):
    """A newly unemployed member's contact course (kontaktforløb), run by their fund.

    It stops at the earlier of `end_date` and `chose_jobcenter_on`. Special-effort courses are
    outside the partnership and count in no KPI but the budget.
    """

    course_id = models.CharField(_("course id"), max_length=64, unique=True)
    fund = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contact_courses",
        verbose_name=_("unemployment fund"),
    )
    # A pseudonym from the source system, never a CPR number (the import refuses one).
    citizen_key = models.CharField(_("citizen key"), max_length=64)
    unemployment_start = models.DateField(_("start of unemployment"))
    age_band = models.CharField(_("age band"), max_length=8, choices=AgeBand.choices)
    special_effort = models.BooleanField(_("special effort"), default=False)
    chose_jobcenter_on = models.DateField(_("chose the jobcenter on"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_reason = models.CharField(_("end reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["unemployment_start", "course_id"]
        indexes = [
            models.Index(fields=["fund", "unemployment_start"], name="partnership_course_fund"),
        ]
        constraints = [
            choices_check("age_band", AgeBand, "partnership_course_age_band"),
        ]
        verbose_name = _("contact course")
        verbose_name_plural = _("contact courses")

    def __str__(self):
        return self.course_id


class InterviewKind(models.TextChoices):
    CV = "cv", _("CV interview")
    JOB = "job", _("Job interview")
    JOINT = "joint", _("Joint interview")
    AVAILABILITY = "availability", _("Availability interview")


class InterviewChannel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("By phone")
    VIDEO = "video", _("By video")


class InterviewStatus(models.TextChoices):
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")
    NO_SHOW = "no_show", _("No-show")


class Interview(models.Model):
    Kind = InterviewKind
    Channel = InterviewChannel
    Status = InterviewStatus

    interview_id = models.CharField(_("interview id"), max_length=64, unique=True)
    course = models.ForeignKey(
        ContactCourse,
        on_delete=models.CASCADE,
        related_name="interviews",
        verbose_name=_("contact course"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    held_on = models.DateField(_("date"))
    held_by = models.CharField(
        _("held by"),
        max_length=16,
        choices=[(HeldBy.FUND, HeldBy.FUND.label), (HeldBy.JOBCENTER, HeldBy.JOBCENTER.label)],
    )
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)

    class Meta:
        ordering = ["course", "held_on", "interview_id"]
        indexes = [
            models.Index(fields=["course", "held_on"], name="partnership_interview_course"),
        ]
        constraints = [
            choices_check("kind", InterviewKind, "partnership_interview_kind"),
            models.CheckConstraint(
                condition=Q(held_by__in=[HeldBy.FUND, HeldBy.JOBCENTER]),
                name="partnership_interview_held_by",
            ),
            choices_check("channel", InterviewChannel, "partnership_interview_channel"),
            choices_check("status", InterviewStatus, "partnership_interview_status"),
        ]
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")

    def __str__(self):
        return self.interview_id


class JobClubActivity(models.Model):
    activity_id = models.CharField(_("activity id"), max_length=64, unique=True)
    course = models.ForeignKey(
        ContactCourse,
        on_delete=models.CASCADE,
        related_name="job_club_activities",
        verbose_name=_("contact course"),
    )
    start_date = models.DateField(_("start date"))
    cost_dkk = models.DecimalField(_("cost (DKK)"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["course", "start_date", "activity_id"]
        indexes = [
            models.Index(fields=["course", "start_date"], name="partnership_job_club_course"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(cost_dkk__gte=0), name="partnership_job_club_cost"),
        ]
        verbose_name = _("job club activity")
        verbose_name_plural = _("job club activities")

    def __str__(self):
        return self.activity_id


class Outcome(models.Model):
    """Whether the citizen was self-supporting a number of weeks after the course started."""

    course = models.ForeignKey(
        ContactCourse,
        on_delete=models.CASCADE,
        related_name="outcomes",
        verbose_name=_("contact course"),
    )
    weeks_after_start = models.PositiveSmallIntegerField(_("weeks after start"))
    self_supporting = models.BooleanField(_("self-supporting"))

    class Meta:
        ordering = ["course", "weeks_after_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "weeks_after_start"], name="partnership_outcome_week"
            ),
        ]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self):
        return f"{self.course_id} +{self.weeks_after_start}"


class EffectBenchmark(models.Model):
    """The share self-supporting at 26 weeks in comparable municipalities, per month."""

    period = models.DateField(_("period (first day of the month)"), unique=True)
    value = models.DecimalField(_("value"), max_digits=5, decimal_places=4)

    class Meta:
        ordering = ["period"]
        constraints = [_ratio_check("value", "partnership_benchmark_ratio")]
        verbose_name = _("effect benchmark")
        verbose_name_plural = _("effect benchmarks")

    def __str__(self):
        return f"{self.period:%Y-%m}: {self.value}"


class ImportKind(models.TextChoices):
    COURSES = "courses", _("Contact courses")
    INTERVIEWS = "interviews", _("Interviews")
    JOB_CLUBS = "job_clubs", _("Job club activities")
    OUTCOMES = "outcomes", _("Outcomes")
    BENCHMARKS = "benchmarks", _("Effect benchmarks")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class PartnershipImport(models.Model):
    """One imported file: who sent it, for which funds, how it went (the job behind the
    progress bar and the API's import resource)."""

    Kind = ImportKind
    Status = ImportStatus

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    # The uploaded file while a large import waits in the queue; emptied when it has run.
    file = models.FileField(_("file"), upload_to="partnership/imports/", blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    # The fund the importer may write for; empty for the jobcenter, who may write for all.
    fund = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unemployment fund"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created = models.PositiveIntegerField(_("rows created"), default=0)
    updated = models.PositiveIntegerField(_("rows updated"), default=0)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    # [{"row": 2, "column": "held_on", "message": "..."}]: Danish, with CPR numbers masked.
    errors = models.JSONField(_("errors"), default=list, blank=True)
    # The funds and months whose figures the import changed: {"funds": [ids], "from", "to"}.
    touched = models.JSONField(_("touched"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            choices_check("kind", ImportKind, "partnership_import_kind"),
            choices_check("status", ImportStatus, "partnership_import_status"),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="partnership_import_progress"
            ),
        ]
        verbose_name = _("partnership import")
        verbose_name_plural = _("partnership imports")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.file_name}"


class FundMonth(models.Model):
    """A fund's KPI counts for one month, kept current by every import (figures.py), so that the
    dashboards, the API and the reports read a few rows instead of walking every course."""

    fund = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="partnership_months",
        verbose_name=_("unemployment fund"),
    )
    period = models.DateField(_("month (first day)"))
    slots_due = models.PositiveIntegerField(_("interviews due"), default=0)
    slots_on_time = models.PositiveIntegerField(_("interviews on time"), default=0)
    job_club_due = models.PositiveIntegerField(_("courses at 3 months"), default=0)
    job_club_met = models.PositiveIntegerField(_("with a job club by 3 months"), default=0)
    budget_used_dkk = models.DecimalField(
        _("job-club spend (DKK)"), max_digits=14, decimal_places=2, default=Decimal("0")
    )
    outcomes_26w = models.PositiveIntegerField(_("outcomes at 26 weeks"), default=0)
    outcomes_26w_self_supporting = models.PositiveIntegerField(
        _("self-supporting at 26 weeks"), default=0
    )
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)

    class Meta:
        ordering = ["fund", "period"]
        constraints = [
            models.UniqueConstraint(fields=["fund", "period"], name="partnership_fund_month"),
            models.CheckConstraint(
                condition=Q(slots_on_time__lte=models.F("slots_due")),
                name="partnership_fund_month_on_time",
            ),
            models.CheckConstraint(
                condition=Q(job_club_met__lte=models.F("job_club_due")),
                name="partnership_fund_month_job_club",
            ),
        ]
        verbose_name = _("fund month")
        verbose_name_plural = _("fund months")

    def __str__(self):
        return f"{self.fund} {self.period:%Y-%m}"


class TimelinessAlert(models.Model):
    """The marker that a fund's coordinators and the jobcenter's were told its timeliness fell
    below the goal in a month, so a later import of the same month does not tell them again."""

    fund = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="partnership_alerts",
        verbose_name=_("unemployment fund"),
    )
    period = models.DateField(_("month (first day)"))
    timeliness = models.DecimalField(_("timeliness"), max_digits=5, decimal_places=4)
    target = models.DecimalField(_("goal"), max_digits=5, decimal_places=4)
    created_at = models.DateTimeField(_("alerted"), default=timezone.now)

    class Meta:
        ordering = ["fund", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["fund", "period"], name="partnership_alert_unique_fund_period"
            )
        ]

    def __str__(self):
        return f"{self.fund_id}:{self.period:%Y-%m}"
