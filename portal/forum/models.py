"""The debate: networks, threads (discussions, questions), posts and what readers do with them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import Topic


class Network(models.Model):
    """A community of practice with its own threads; open to all or by invitation only."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    # Open: anyone may join and read. By invitation: only members see the network's threads.
    is_open = models.BooleanField(_("open to everyone"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="NetworkMembership",
        through_fields=("network", "user"),
        related_name="networks",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self):
        return self.name


class NetworkMembership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        MODERATOR = "moderator", _("Moderator")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["network", "user"], name="networkmembership_unique"),
        ]

    def __str__(self):
        return f"{self.network_id}:{self.user_id}"


class Thread(models.Model):
    """A post with its replies. Visible to everyone signed in, or only to a network's members."""

    class Kind(models.TextChoices):
        DISCUSSION = "discussion", _("Discussion")
        QUESTION = "question", _("Question")

    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices, default=Kind.DISCUSSION)
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="threads", verbose_name=_("topic")
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="threads",
        verbose_name=_("network"),
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="threads",
    )
    # "Ask this person": a question addressed to a colleague found in the directory.
    addressed_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    reply_count = models.PositiveIntegerField(default=0)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_closed = models.BooleanField(_("closed"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    accepted_answer = models.ForeignKey(
        "Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A thread merged into another keeps its URL, which then leads to the surviving thread.
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-is_pinned", "-last_activity_at", "-id"]
        indexes = [
            models.Index(
                fields=["network", "is_hidden", "-is_pinned", "-last_activity_at"],
                name="thread_list_idx",
            ),
            # The thread list's order: walked from the top, a page costs 25 rows.
            models.Index(
                fields=["-is_pinned", "-last_activity_at", "-id"], name="thread_recent_idx"
            ),
            models.Index(fields=["topic", "-last_activity_at"], name="thread_topic_idx"),
            models.Index(fields=["kind", "accepted_answer"], name="thread_unanswered_idx"),
            # The front page's threads started since the person's previous visit.
            models.Index(fields=["created_at"], name="thread_created_idx"),
        ]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")

    def __str__(self):
        return self.title

    @property
    def is_question(self) -> bool:
        return self.kind == self.Kind.QUESTION


class Post(models.Model):
    """One contribution: the opening post of a thread or a reply. Markdown, rendered sanitised."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
    )
    is_opening = models.BooleanField(default=False)
    body = models.TextField(_("text"))
    # The sanitised HTML of `body`, rendered once on write so that reading costs nothing.
    body_html = models.TextField(blank=True)
    quoted_post = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Snapshot at posting time: an answer written as a jurist stays marked as a jurist's answer.
    author_is_jurist = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    # Set when a law the post cites has changed (accepted answers): editors review it.
    needs_review = models.BooleanField(default=False)
    review_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["thread", "created_at"], name="post_thread_idx"),
            models.Index(fields=["author", "-created_at"], name="post_author_idx"),
        ]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self):
        return f"{self.thread_id}/{self.pk}"


class PostRevision(models.Model):
    """The text a post had before an edit: the visible edit history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"revision:{self.post_id}"


def attachment_path(instance, filename):
    # The stored name is random; the person's file name is kept in original_name only.
    return f"attachments/{timezone.now():%Y/%m}/{instance.token}"


class Attachment(models.Model):
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="attachments", null=True, blank=True
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True)
    file = models.FileField(upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.original_name


class Reaction(models.Model):
    class Kind(models.TextChoices):
        THANKS = "thanks", _("Thanks")
        USEFUL = "useful", _("Useful")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="reaction_unique"),
        ]

    def __str__(self):
        return f"{self.kind}:{self.post_id}"


class Mention(models.Model):
    """An @mention of a person in a post (drives notifications and "mentions of me")."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="mention_unique"),
        ]

    def __str__(self):
        return f"@{self.user_id}:{self.post_id}"


class ThreadFollow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_follows"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="threadfollow_unique"),
        ]

    def __str__(self):
        return f"{self.user_id}→{self.thread_id}"


class TopicFollow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="topic_follows"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="topicfollow_unique"),
        ]

    def __str__(self):
        return f"{self.user_id}→{self.topic_id}"


class ThreadReadState(models.Model):
    """How far a person has read a thread: the newest post they were shown and when.

    The thread lists and the front page count the posts after it ("3 nye"), as Discourse does.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_read_states"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_states")
    # Null once that post is deleted: then every post of the thread counts as read up to
    # last_read_at.
    last_read_post = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="threadreadstate_unique"),
        ]

    def __str__(self):
        return f"{self.user_id}:{self.thread_id}@{self.last_read_post_id}"


class DebateVisit(models.Model):
    """When a person was last seen in the debate, and when their previous visit was.

    "New since my last visit" means created after `previous_visit_at`: a visit ends after an
    hour without a page (Discourse's previous_visit_at).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="debate_visit",
    )
    last_seen_at = models.DateTimeField(default=timezone.now)
    previous_visit_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user_id}:{self.last_seen_at:%Y-%m-%d %H:%M}"


class Report(models.Model):
    """A reader's report of a post to the editors."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolution = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"report:{self.post_id}"
