"""What people answer: one person's response to the self-assessment, and joint assessments
of one service by several parties. Data only: the views that make and read them import this
module, never the page (pages.py), which routes to those views."""

import datetime
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COMMISSIONER = "commissioner", _("Commissioner")
    PROVIDER = "provider", _("Provider")
    # Only as a party to a joint assessment: they read the questions' general wording.
    INVESTOR = "investor", _("Investor")
    SERVICE_USER = "service-user", _("Service-user representative")
    OTHER = "other", _("Other partner")


# Who may answer on their own (the about-you page offers these); every role may join a joint one.
OWN_ROLES = (Role.COMMISSIONER, Role.PROVIDER)


class AssessmentResponse(models.Model):
    """One person's run through the questionnaire. Anonymous: nothing identifies them
    unless they type it into an answer, and they reach it only through its private links.

    `revision` pins the questionnaire as it was when they started, so editing the page
    never changes a response in progress or a result already given.
    """

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)  # private resume link
    share_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)  # read-only result link
    page = models.ForeignKey("toolkit.SelfAssessmentPage", on_delete=models.CASCADE, related_name="responses")
    # PROTECT: Wagtail's revision purging must not delete what a result is rendered from.
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=8)
    role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    sector = models.CharField(max_length=100, blank=True)
    answers = models.JSONField(default=dict, blank=True)  # question block id -> [option block ids]
    sections_done = models.JSONField(default=list, blank=True)  # section block ids
    # Goes up by one with every save of the answers. Completing a response is conditional on
    # the version whose answers were scored, so a result always matches the stored answers
    # (toolkit/views.py check_answers).
    answers_version = models.PositiveIntegerField(default=0, editable=False)
    result = models.JSONField(null=True, blank=True)  # scoring.Result.to_dict()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    found_useful = models.BooleanField(null=True, blank=True)
    useful_comment = models.TextField(blank=True, max_length=1000)
    # Made by `generate_synthetic_responses` for load tests; left out of the staff report.
    is_synthetic = models.BooleanField(default=False, editable=False)
    # "Answer again" copies a result's answers into a new response; its result then says what moved.
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("self-assessment response")
        permissions = [("view_assessment_report", "Can view the self-assessment report")]
        indexes = [models.Index(fields=["page", "completed_at"])]

    def __str__(self):
        return f"Response {self.pk} ({self.role or 'no role'}, {'complete' if self.completed_at else 'in progress'})"

    @property
    def is_complete(self):
        return self.completed_at is not None

    def is_expired(self, today=None):
        today = today or timezone.now()
        return self.created_at < today - datetime.timedelta(days=self.page.retention_days)


class JointAssessment(models.Model):
    """One service assessed by several parties (commissioner, provider and others), each
    answering separately. Whoever holds `token` (the starter and every party who has joined)
    reads the joint page; a party's answers and bands appear there only once they have
    finished and chosen to share."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The page it was started from; it is read in either language through that page's translations.
    page = models.ForeignKey("toolkit.SelfAssessmentPage", on_delete=models.CASCADE, related_name="joint_assessments")
    service_name = models.CharField(_("service"), max_length=200)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("joint self-assessment")

    def __str__(self):
        return self.service_name

    def is_expired(self, today=None):
        today = today or timezone.now()
        return self.created_at < today - datetime.timedelta(days=self.page.retention_days)


class JointParty(models.Model):
    """A place in a joint assessment: an invitation until someone opens its link and starts,
    then that person's response. The invitation link works once; after that only the
    party's own private links reach their answers."""

    INVITATION_DAYS = 30

    joint = models.ForeignKey(JointAssessment, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # Optional, e.g. the organisation: tells two providers apart on the joint result.
    label = models.CharField(_("name or organisation"), max_length=100, blank=True)
    invite_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_at = models.DateTimeField(default=timezone.now)
    # CASCADE: a party whose answers were deleted (retention) leaves the joint assessment, so
    # its used invitation can never be taken up again.
    response = models.OneToOneField(
        AssessmentResponse, null=True, blank=True, on_delete=models.CASCADE, related_name="party"
    )
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("party to a joint self-assessment")
        verbose_name_plural = _("parties to joint self-assessments")
        ordering = ["invited_at", "pk"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        role = Role(self.role).label if self.role in Role.values else self.role
        return f"{role} ({self.label})" if self.label else str(role)

    @property
    def has_joined(self):
        return self.response_id is not None

    @property
    def has_shared(self):
        return self.shared_at is not None

    def invitation_expired(self, today=None):
        today = today or timezone.now()
        return self.invited_at < today - datetime.timedelta(days=self.INVITATION_DAYS)
