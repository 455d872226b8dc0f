"""Organisations, people and the cross-cutting records every module relies on."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    JOBCENTER = "jobcenter", _("Jobcenter")
    UFUND = "ufund", _("Unemployment fund")
    UNION = "union", _("Union")
    OPERATOR = "operator", _("Operator")


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Caseworker")
    EDITOR = "editor", _("Editor")
    JURIST = "jurist", _("Jurist")
    COORDINATOR = "coordinator", _("Coordinator")
    ADMIN = "admin", _("Administrator")
    OPERATOR_ADMIN = "operator_admin", _("Operator administrator")


# Roles come in two scopes (docs/decisions/0012-scoped-roles.md). Organisation roles apply within
# the person's own organisation and are granted by its admin (or an operator admin); portal
# roles apply across the whole portal and are granted only by operator admins.
ORGANISATION_ROLES = (Role.CASEWORKER, Role.COORDINATOR, Role.ADMIN)
PORTAL_ROLES = (Role.EDITOR, Role.JURIST, Role.OPERATOR_ADMIN)


class Organisation(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=OrganisationKind.choices)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    # Comma-free list of domains ("3f.dk foa.dk") whose owners may ask to join by self-sign-up.
    email_domains = models.CharField(_("email domains"), max_length=500, blank=True)
    # The CVR number (8 digits) a NemLog-in/MitID Erhverv assertion names the organisation by.
    cvr = models.CharField(
        _("CVR number"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", _("A CVR number is 8 digits."))],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cvr"], condition=~models.Q(cvr=""), name="organisation_cvr_once"
            )
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def domain_list(self) -> list[str]:
        return [d.strip().lower() for d in self.email_domains.split() if d.strip()]


class Centre(models.Model):
    """A unit of a jobcenter (e.g. "Jobcenter København, Center for Ledige")."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="centres",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(_("short name"), max_length=60)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="centre_unique_slug"),
        ]
        verbose_name = _("centre")
        verbose_name_plural = _("centres")

    def __str__(self):
        return self.name


class Topic(models.Model):
    """A legislation or practice area; shared by debate, directory and digests."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password) if password else user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person; logs in by email. Roles are granted within the person's organisation."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200, blank=True)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="members",
        null=True,
        blank=True,
        verbose_name=_("organisation"),
    )
    centre = models.ForeignKey(
        Centre,
        on_delete=models.SET_NULL,
        related_name="members",
        null=True,
        blank=True,
        verbose_name=_("centre"),
    )
    expertise = models.ManyToManyField(
        Topic, blank=True, related_name="experts", verbose_name=_("topics of expertise")
    )
    # Self-signed-up people wait for their organisation's admin; invited people are approved.
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    preferred_language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="da"
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["full_name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @cached_property
    def role_names(self) -> frozenset[str]:
        """The person's roles, loaded once per request (permission checks ask often)."""
        if not self.pk:
            return frozenset()
        return frozenset(self.role_grants.values_list("role", flat=True))

    def has_role(self, role: str) -> bool:
        return role in self.role_names

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="rolegrant_unique_user_role"),
        ]

    def __str__(self):
        return f"{self.user_id}:{self.role}"


class AuditEvent(models.Model):
    """A security-relevant event, kept for PORTAL_AUDIT_RETENTION_DAYS."""

    class Action(models.TextChoices):
        LOGIN = "login", _("Signed in")
        LOGIN_FAILED = "login_failed", _("Failed sign-in")
        SIGN_IN_THROTTLED = "sign_in_throttled", _("Sign-in slowed down")
        LOGOUT = "logout", _("Signed out")
        MFA_ADDED = "mfa_added", _("Two-factor enabled")
        MFA_REMOVED = "mfa_removed", _("Two-factor removed")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET = "password_reset", _("Password reset")
        ROLE_GRANTED = "role_granted", _("Role granted")
        ROLE_REVOKED = "role_revoked", _("Role revoked")
        USER_CREATED = "user_created", _("User created")
        USER_APPROVED = "user_approved", _("User approved")
        USER_REJECTED = "user_rejected", _("Sign-up rejected")
        USER_DEACTIVATED = "user_deactivated", _("User deactivated")
        USER_DELETED = "user_deleted", _("Account deleted")
        INVITATION_SENT = "invitation_sent", _("Invitation sent")
        INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
        INVITATION_REVOKED = "invitation_revoked", _("Invitation withdrawn")
        DATA_EXPORTED = "data_exported", _("Personal data exported")
        TOKEN_CREATED = "token_created", _("API token created")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")
        EMAIL_RESENT = "email_resent", _("Email sent again")
        # Moderators' and editors' actions on content (docs/decisions/0018).
        THREAD_HIDDEN = "thread_hidden", _("Thread hidden")
        THREAD_SHOWN = "thread_shown", _("Thread shown again")
        POST_HIDDEN = "post_hidden", _("Post hidden")
        POST_SHOWN = "post_shown", _("Post shown again")
        THREAD_MOVED = "thread_moved", _("Thread moved")
        THREADS_MERGED = "threads_merged", _("Threads merged")
        TOPICS_MERGED = "topics_merged", _("Topics merged")
        THREAD_LOCKED = "thread_locked", _("Thread closed")
        THREAD_UNLOCKED = "thread_unlocked", _("Thread reopened")
        THREAD_PINNED = "thread_pinned", _("Thread pinned")
        THREAD_UNPINNED = "thread_unpinned", _("Thread unpinned")
        NETWORK_MEMBER_ADDED = "network_member_added", _("Network member added")
        NETWORK_MEMBER_REMOVED = "network_member_removed", _("Network member removed")
        EVENT_PUBLISHED = "event_published", _("Event published")
        EVENT_CANCELLED = "event_cancelled", _("Event cancelled")
        NEWSLETTER_SCHEDULED = "newsletter_scheduled", _("Newsletter scheduled")
        NEWSLETTER_UNSCHEDULED = "newsletter_unscheduled", _("Newsletter scheduling withdrawn")
        NEWSLETTER_SENT = "newsletter_sent", _("Newsletter sent now")
        SURVEY_COMPOSED = "survey_composed", _("User survey composed")
        SURVEY_SENT = "survey_sent", _("User survey sent")
        SURVEY_CLOSED = "survey_closed", _("User survey closed")
        ORGANISATION_CREATED = "organisation_created", _("Organisation created")
        PARTNERSHIP_IMPORTED = "partnership_imported", _("Partnership data imported")
        PARTNERSHIP_AGREEMENT_SAVED = (
            "partnership_agreement_saved",
            _("Partnership agreement saved"),
        )
        INTERVIEW_RULE_SET_SAVED = "interview_rule_set_saved", _("Interview rule set saved")
        REGISTER_ITEM_REPORTED = "register_item_reported", _("Register item reported")
        REGISTER_ITEM_CHANGED = "register_item_changed", _("Register item changed")
        REGISTER_IMPORTED = "register_imported", _("Register imported")
        REGISTER_REPORT_GENERATED = "register_report_generated", _("Committee report generated")
        REGISTER_OFFICE_SAVED = "register_office_saved", _("Responsible office saved")
        LAW_MARKED_CHANGED = "law_marked_changed", _("Law marked as changed")
        TABLE_EXPORTED = "table_exported", _("Table exported (CSV/Excel)")
        EVALUATION_REPORT_GENERATED = (
            "evaluation_report_generated",
            _("Annual evaluation report generated"),
        )
        # Single sign-on (docs/decisions/0043-single-sign-on.md).
        IDENTITY_PROVIDER_ADDED = "identity_provider_added", _("Identity provider added")
        IDENTITY_PROVIDER_CHANGED = "identity_provider_changed", _("Identity provider changed")
        IDENTITY_PROVIDER_DEACTIVATED = (
            "identity_provider_deactivated",
            _("Identity provider switched off"),
        )
        IDENTITY_PROVIDER_ACTIVATED = (
            "identity_provider_activated",
            _("Identity provider switched on"),
        )
        SSO_LOGIN = "sso_login", _("Signed in through identity provider")
        SSO_LOGIN_REFUSED = "sso_login_refused", _("Sign-in through identity provider refused")
        ORGANISATION_CVR_SET = "organisation_cvr_set", _("CVR number of organisation set")

    # The kinds of object an entry may name; a code outside this list is shown as it is.
    OBJECT_TYPES = {
        "thread": _("Thread"),
        "post": _("Post"),
        "network": _("Network"),
        "event": pgettext_lazy("events module", "Event"),
        "newsletter": _("Newsletter"),
        "survey": _("User survey"),
        "organisation": _("Organisation"),
        "partnershipimport": _("Partnership import"),
        "partnershipagreement": _("Partnership agreement"),
        "interviewruleset": _("Interview rule set"),
        "registeritem": _("Register item"),
        "office": _("Responsible office"),
        "lawreference": _("Law reference"),
        "identityprovider": _("Identity provider"),
    }

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(_("event"), max_length=32, choices=Action.choices, db_index=True)
    actor = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # Kept as text so that the record outlives a deleted account.
    actor_email = models.CharField(_("by (email)"), max_length=254, blank=True)
    subject_user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("concerning"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    # The object acted on ("thread", "12", "Dagpenge ved ferie"): the label outlives the object.
    object_type = models.CharField(_("object type"), max_length=40, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_label = models.CharField(_("object"), max_length=300, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "-created_at"]),
            models.Index(fields=["object_type", "object_id"], name="core_audit_object_idx"),
        ]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.actor_email}"

    @property
    def object_type_label(self) -> str:
        return str(self.OBJECT_TYPES.get(self.object_type, self.object_type))


class PersonalDataAccess(models.Model):
    """Who read or exported person-level data, when, from where and why (Datatilsynet's
    guidance on logging): one row per page view or download, kept for
    PORTAL_ACCESS_LOG_RETENTION_DAYS. Written by `personal_data_access_record` only."""

    class Kind(models.TextChoices):
        PARTICIPANT_LIST = "participant_list", _("Participant list with notes")
        ATTENDANCE_LIST = "attendance_list", _("Attendance list (PDF)")
        BADGES = "badges", _("Name badges (PDF)")
        PEOPLE_LIST = "people_list", _("People of an organisation")
        MEMBER = "member", _("A member's details")
        OUTBOX = "outbox", _("Outbox")
        OUTBOX_MESSAGE = "outbox_message", _("Email in the outbox")
        DATA_EXPORT = "data_export", _("Personal data export")
        PARTNERSHIP_WORK_LIST = "partnership_work_list", _("Deadline work list (partnership)")
        TABLE_EXPORT = "table_export", _("Table exported (CSV/Excel)")

    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    kind = models.CharField(_("what"), max_length=32, choices=Kind.choices, db_index=True)
    actor = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # Kept as text so that the record outlives a deleted account.
    actor_email = models.CharField(_("by (email)"), max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    # The object read ("event", 12, "Årskonference 2026"): the label outlives the object.
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_label = models.CharField(_("concerning"), max_length=300, blank=True)
    person_count = models.PositiveIntegerField(_("persons"), default=0)
    # The people whose data was shown, where they are portal users: lets the operator answer
    # "who has seen my data?" (a data subject's right of access).
    person_ids = models.JSONField(default=list, blank=True)
    # The rows shown where they are not portal users (the partnership's course ids).
    row_ids = models.JSONField(_("records read"), default=list, blank=True)
    purpose = models.CharField(_("purpose"), max_length=300, blank=True)
    path = models.CharField(_("page"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("access to personal data")
        verbose_name_plural = _("accesses to personal data")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.kind} {self.actor_email}"


class EmailCategory(models.TextChoices):
    TRANSACTIONAL = "transactional", _("Account and security")
    NOTIFICATION = "notification", _("Notifications")
    DIGEST = "digest", _("Digest")
    NEWSLETTER = "newsletter", _("Newsletter")


class EmailDelivery(models.Model):
    """One email the portal sends: the message itself (a row written with its cause) and its fate.

    The queue carries only the id; a sweep sends whatever is due and unsent (docs/decisions/
    0014-durable-outbox.md). A sender claims the row (pending → sending, with a lease) before
    it talks to the SMTP server and marks it sent afterwards, so a crash repeats at most the one
    message in flight and loses none. The body may hold login codes: it is deleted after
    EMAIL_BODY_RETENTION_DAYS; the record stays for the figures.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    template = models.CharField(max_length=120)
    recipient = models.EmailField()
    subject = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The last error (SMTP refusal, connection failure, a worker that stopped mid-send).
    error = models.TextField(blank=True)
    # The message: headers beyond From/To/Message-ID, the bodies and the attachments as
    # [file name, content, MIME type(, "base64")]. Emptied after the retention period
    # (body_deleted_at).
    headers = models.JSONField(default=dict, blank=True)
    text_body = models.TextField(blank=True)
    html_body = models.TextField(blank=True)
    attachments = models.JSONField(default=list, blank=True)
    body_deleted_at = models.DateTimeField(null=True, blank=True)
    # When the sweep may try (again); the backoff after a failure moves it on.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # When a sender claimed it; a claim older than the lease counts as a sender that died.
    claimed_at = models.DateTimeField(null=True, blank=True)
    # What kind of mail this is: transactional mail (login codes, invitations) always goes out;
    # the other categories respect opt-outs and bounces.
    category = models.CharField(
        max_length=16, choices=EmailCategory.choices, default=EmailCategory.TRANSACTIONAL
    )
    user = models.ForeignKey(
        "core.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Groups the deliveries of one send: "newsletter:12", "digest:weekly:2026-11-23".
    reference = models.CharField(max_length=80, blank=True, db_index=True)
    # Click-through measurement (first-party only): first open (image loaded) and first click.
    opened_at = models.DateTimeField(null=True, blank=True)
    clicked_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="email_delivery_due_idx"),
            # The evaluation's figures (docs/decisions/0039-evaluation-figures.md): who acted
            # from an email lately, and the digests' and newsletters' sends of a period with
            # their opens and clicks, read from the index alone.
            models.Index(
                fields=["clicked_at"],
                include=["user"],
                condition=models.Q(clicked_at__isnull=False),
                name="email_delivery_clicked_idx",
            ),
            models.Index(
                fields=["sent_at"],
                include=["category", "opened_at", "clicked_at"],
                condition=models.Q(status="sent", category__in=["digest", "newsletter"]),
                name="email_delivery_reach_idx",
            ),
        ]

    def __str__(self):
        return f"{self.template} → {self.recipient} ({self.status})"


class OutboxMessage(models.Model):
    """The demo's local outbox: every email, kept whole so staff can read it in the browser."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sender = models.CharField(max_length=300)
    recipients = models.TextField()
    subject = models.CharField(max_length=300)
    text_body = models.TextField()
    html_body = models.TextField(blank=True)
    raw = models.TextField()
    # The delivery row it was sent from (its category and status), when it came through the
    # durable outbox; mail Django sends on its own (error reports) has none.
    delivery = models.ForeignKey(
        EmailDelivery, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.subject


class EmailSuppression(models.Model):
    """An address the portal no longer mails (except account and security mail): it bounced.

    Kept per address, not per person, because a bounce names an address; changing one's email
    address therefore starts afresh.
    """

    address = models.EmailField(unique=True)
    hard_bounces = models.PositiveIntegerField(default=0)
    soft_bounces = models.PositiveIntegerField(default=0)
    first_bounce_at = models.DateTimeField(default=timezone.now)
    last_bounce_at = models.DateTimeField(default=timezone.now)
    # Set when the address is suppressed; null while soft bounces are only being counted.
    suppressed_at = models.DateTimeField(null=True, blank=True)
    diagnostic = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-last_bounce_at"]

    def __str__(self):
        return self.address


class SlugRedirect(models.Model):
    """A slug an object had before, so its old address still leads to it (301).

    One table for every slugged model (docs/decisions/0036-readable-danish-slugs.md): `model` is
    the model's label ("forum.network"), `object_id` the object's key, so a second rename still
    finds the object and the redirect always points at its current slug.
    """

    model = models.CharField(max_length=100)
    old_slug = models.CharField(max_length=220)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "old_slug"], name="slug_redirect_unique"),
        ]

    def __str__(self):
        return f"{self.model}:{self.old_slug}"
