"""The self-assessment: success factors, the questionnaire page and the responses to it."""

import datetime
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from pbr_site.core.models import ContentPage
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import scoring
from .admin_panels import SampleCheckPanel
from .blocks import (
    FactorResultBlock,
    OverallResultBlock,
    QuestionnaireBlock,
    SampleServicesBlock,
    VerdictRulesBlock,
)


class SuccessFactor(TranslatableMixin, index.Indexed, ClusterableModel):
    """A critical success factor for payment by results, e.g. "outcomes attributable to the
    provider". Scores are keyed by its translation_key, the same in English and Welsh."""

    name = models.CharField(_("name"), max_length=120)
    # Shown on the result as "what good looks like", whatever the reader's band.
    what_it_means = models.TextField(
        _("what good looks like"), max_length=600,
        help_text=_("The factor when it is in place, said of the service, not the reader."),
    )
    why_it_matters = RichTextField(_("why it matters"), features=["bold", "italic", "link", "ul"])
    sort_order = models.PositiveSmallIntegerField(_("order on the result page"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("what_it_means"),
        FieldPanel("why_it_matters"),
        FieldPanel("sort_order"),
        InlinePanel("digests", label=_("Digests that explain it")),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("what_it_means"),
        index.SearchField("why_it_matters"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("what_it_means"),
        TranslatableField("why_it_matters"),
        SynchronizedField("sort_order"),
        SynchronizedField("digests"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("success factor")
        verbose_name_plural = _("success factors")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class SuccessFactorDigest(Orderable):
    factor = ParentalKey(SuccessFactor, related_name="digests", on_delete=models.CASCADE)
    page = models.ForeignKey("literature.DigestPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", "literature.DigestPage")]


class SelfAssessmentPage(RoutablePageMixin, ContentPage):
    """Explains the self-assessment and runs it: see toolkit/views.py for the journey."""

    questionnaire = StreamField(QuestionnaireBlock(), blank=True, verbose_name=_("questionnaire"))
    factor_results = StreamField(
        [("factor", FactorResultBlock())], blank=True, verbose_name=_("verdicts per factor"),
        help_text=_("For each factor, the score bands and what to tell commissioners and providers."),
    )
    overall_result = StreamField(
        OverallResultBlock(), blank=True, verbose_name=_("overall verdict"),
        help_text=_("Bands for the average of the factor scores; verdict rules below can lower it."),
    )
    verdict_rules = StreamField(
        VerdictRulesBlock(), blank=True, verbose_name=_("verdict rules"),
        help_text=_("So that one fatal weakness cannot hide behind strong answers elsewhere: e.g. when 1 "
                    "critical factor is at its lowest band, the overall verdict is at most “proceed with "
                    "caution”. The result names the rule and the factors that set the verdict."),
    )
    sample_services = StreamField(
        SampleServicesBlock(), blank=True, verbose_name=_("sample services"),
        help_text=_("Test cases for the scoring: answers a described service would give, and the verdicts "
                    "it should get. Checked against this draft below; preview each one's result with the "
                    "preview panel's “Preview mode”."),
    )
    unanswered = models.CharField(
        _("unanswered questions"),
        max_length=20,
        choices=[
            (scoring.UnansweredPolicy.EXCLUDE, _("Leave them out of the score")),
            (scoring.UnansweredPolicy.COUNT_AS_ZERO, _("Count them as unfavourable")),
            (scoring.UnansweredPolicy.COUNT_AS_MIDPOINT, _("Count them as half-way")),
        ],
        default=scoring.UnansweredPolicy.EXCLUDE,
        help_text=_("How optional questions that were skipped affect the scores."),
    )
    next_steps = RichTextField(
        _("next steps"), blank=True, features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Shown at the end of every result."),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("keep responses for (days)"), default=365,
        help_text=_("Responses older than this are deleted by the nightly delete_old_responses command."),
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    # The language switcher keeps the reader on these; a response's own pages belong to the
    # language it is answered in, but a joint assessment is read through either language.
    routes_in_every_language = ("landing", "open_data", "joint_start", "joint_result", "joint_invitation")
    content_panels = [*ContentPage.content_panels, FieldPanel("questionnaire")]
    result_panels = [
        FieldPanel("factor_results"),
        FieldPanel("overall_result"),
        FieldPanel("verdict_rules"),
        FieldPanel("unanswered"),
        FieldPanel("next_steps"),
    ]
    sample_panels = [SampleCheckPanel(heading=_("Do the samples get their expected verdicts?")),
                     FieldPanel("sample_services")]
    settings_panels = [*ContentPage.settings_panels, FieldPanel("retention_days")]
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Questions")),
        ObjectList(result_panels, heading=_("Results")),
        ObjectList(sample_panels, heading=_("Sample services")),
        ObjectList(Page.promote_panels, heading=_("Promote")),
        ObjectList(settings_panels, heading=_("Settings")),
    ])
    search_fields = [*ContentPage.search_fields, index.SearchField("questionnaire")]

    class Meta:
        verbose_name = _("self-assessment")

    # --- preview: the landing page, and each sample service's result under this draft ---
    SAMPLE_CHECKS_MODE = "sample-checks"
    SAMPLE_MODE_PREFIX = "sample:"

    @property
    def preview_modes(self):
        modes = [("", _("Self-assessment page")), (self.SAMPLE_CHECKS_MODE, _("Sample services: all checks"))]
        for block in self.sample_services:
            modes.append((self.SAMPLE_MODE_PREFIX + block.id, _("Result of sample: %(name)s") % {
                "name": block.value["name"]}))
        return modes

    def serve_preview(self, request, mode_name):
        from . import views

        if mode_name == self.SAMPLE_CHECKS_MODE:
            return views.preview_sample_checks(request, self)
        if mode_name.startswith(self.SAMPLE_MODE_PREFIX):
            return views.preview_sample_result(request, self, mode_name.removeprefix(self.SAMPLE_MODE_PREFIX))
        return super().serve_preview(request, mode_name)

    # The journey: each route hands over to toolkit/views.py (imported late: it imports
    # this module's models).
    @path("")
    def landing(self, request):
        from . import views

        return views.landing(request, self)

    @path("start/")
    def start(self, request):
        from . import views

        return views.start(request, self)

    @path("r/<uuid:token>/")
    def task_list(self, request, token):
        from . import views

        return views.task_list(request, self, token)

    @path("r/<uuid:token>/about-you/")
    def about_you(self, request, token):
        from . import views

        return views.about_you(request, self, token)

    @path("r/<uuid:token>/section/<int:number>/")
    def section(self, request, token, number):
        from . import views

        return views.section(request, self, token, number)

    @path("r/<uuid:token>/check/")
    def check_answers(self, request, token):
        from . import views

        return views.check_answers(request, self, token)

    @path("result/<uuid:share_token>/")
    def result(self, request, share_token):
        from . import views

        return views.result(request, self, share_token)

    @path("result/<uuid:share_token>/download/")
    def result_download(self, request, share_token):
        from . import views

        return views.result_download(request, self, share_token)

    @path("result/<uuid:share_token>/feedback/")
    def result_feedback(self, request, share_token):
        from . import views

        return views.result_feedback(request, self, share_token)

    @path("result/<uuid:share_token>/pdf/")
    def result_pdf(self, request, share_token):
        from . import result_pdf

        return result_pdf.result_pdf(request, self, share_token)

    @path("result/<uuid:share_token>/answer-again/")
    def answer_again(self, request, share_token):
        from . import views

        return views.answer_again(request, self, share_token)

    @path("result/<uuid:share_token>/share/")
    def share_with_joint(self, request, share_token):
        from . import joint_views

        return joint_views.share(request, self, share_token)

    @path("joint/start/")
    def joint_start(self, request):
        from . import joint_views

        return joint_views.start(request, self)

    @path("joint/<uuid:token>/")
    def joint_result(self, request, token):
        from . import joint_views

        return joint_views.joint_result(request, self, token)

    @path("joint/<uuid:token>/invite/")
    def joint_invite(self, request, token):
        from . import joint_views

        return joint_views.invite(request, self, token)

    @path("joint/<uuid:token>/pdf/")
    def joint_pdf(self, request, token):
        from . import result_pdf

        return result_pdf.joint_pdf(request, self, token)

    @path("invitation/<uuid:invite_token>/")
    def joint_invitation(self, request, invite_token):
        from . import joint_views

        return joint_views.invitation(request, self, invite_token)

    @path("open-data/")
    def open_data(self, request):
        from . import open_data

        return open_data.open_data_page(request, self)

    @path("open-data/<str:file_format>/")
    def open_data_download(self, request, file_format):
        from . import open_data

        return open_data.open_data_download(request, self, file_format)


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
    page = models.ForeignKey(SelfAssessmentPage, on_delete=models.CASCADE, related_name="responses")
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
    page = models.ForeignKey(SelfAssessmentPage, on_delete=models.CASCADE, related_name="joint_assessments")
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
