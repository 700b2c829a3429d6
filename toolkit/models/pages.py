"""The self-assessment page: the questionnaire editors write, and the journey through it,
each route handed to the views that run it (views.py, joint_views.py, result_pdf.py,
open_data.py). Those import the data (responses.py), not this module."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from pbr_site.core.models import ContentPage
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .. import joint_views, open_data, result_pdf, scoring, views
from ..admin_panels import SampleCheckPanel
from ..blocks import (
    FactorResultBlock,
    OverallResultBlock,
    QuestionnaireBlock,
    SampleServicesBlock,
    VerdictRulesBlock,
)


class SelfAssessmentPage(RoutablePageMixin, ContentPage):
    """Explains the self-assessment and runs it: see toolkit/views.py for the journey."""

    questionnaire = StreamField(QuestionnaireBlock(), blank=True, verbose_name=_("questionnaire"))
    factor_results = StreamField(
        [("factor", FactorResultBlock())],
        blank=True,
        verbose_name=_("verdicts per factor"),
        help_text=_("For each factor, the score bands and what to tell commissioners and providers."),
    )
    overall_result = StreamField(
        OverallResultBlock(),
        blank=True,
        verbose_name=_("overall verdict"),
        help_text=_("Bands for the average of the factor scores; verdict rules below can lower it."),
    )
    verdict_rules = StreamField(
        VerdictRulesBlock(),
        blank=True,
        verbose_name=_("verdict rules"),
        help_text=_(
            "So that one fatal weakness cannot hide behind strong answers elsewhere: e.g. when 1 "
            "critical factor is at its lowest band, the overall verdict is at most “proceed with "
            "caution”. The result names the rule and the factors that set the verdict."
        ),
    )
    sample_services = StreamField(
        SampleServicesBlock(),
        blank=True,
        verbose_name=_("sample services"),
        help_text=_(
            "Test cases for the scoring: answers a described service would give, and the verdicts "
            "it should get. Checked against this draft below; preview each one's result with the "
            "preview panel's “Preview mode”."
        ),
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
        _("next steps"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Shown at the end of every result."),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("keep responses for (days)"),
        default=365,
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
    sample_panels = [
        SampleCheckPanel(heading=_("Do the samples get their expected verdicts?")),
        FieldPanel("sample_services"),
    ]
    settings_panels = [*ContentPage.settings_panels, FieldPanel("retention_days")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Questions")),
            ObjectList(result_panels, heading=_("Results")),
            ObjectList(sample_panels, heading=_("Sample services")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [*ContentPage.search_fields, index.SearchField("questionnaire")]

    class Meta:
        verbose_name = _("self-assessment")

    # --- preview: the landing page, and each sample service's result under this draft ---
    SAMPLE_CHECKS_MODE = "sample-checks"
    SAMPLE_MODE_PREFIX = "sample:"

    def get_cached_paths(self):
        # The journey and results are never cached; the open-data page is.
        return ["/", "open-data/"]

    @property
    def preview_modes(self):
        modes = [("", _("Self-assessment page")), (self.SAMPLE_CHECKS_MODE, _("Sample services: all checks"))]
        for block in self.sample_services:
            modes.append(
                (self.SAMPLE_MODE_PREFIX + block.id, _("Result of sample: %(name)s") % {"name": block.value["name"]})
            )
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name == self.SAMPLE_CHECKS_MODE:
            return views.preview_sample_checks(request, self)
        if mode_name.startswith(self.SAMPLE_MODE_PREFIX):
            return views.preview_sample_result(request, self, mode_name.removeprefix(self.SAMPLE_MODE_PREFIX))
        return super().serve_preview(request, mode_name)

    # The journey: each route hands over to toolkit/views.py and its neighbours.
    @path("")
    def landing(self, request):
        return views.landing(request, self)

    @path("start/")
    def start(self, request):
        return views.start(request, self)

    @path("r/<uuid:token>/")
    def task_list(self, request, token):
        return views.task_list(request, self, token)

    @path("r/<uuid:token>/about-you/")
    def about_you(self, request, token):
        return views.about_you(request, self, token)

    @path("r/<uuid:token>/section/<int:number>/")
    def section(self, request, token, number):
        return views.section(request, self, token, number)

    @path("r/<uuid:token>/check/")
    def check_answers(self, request, token):
        return views.check_answers(request, self, token)

    @path("result/<uuid:share_token>/")
    def result(self, request, share_token):
        return views.result(request, self, share_token)

    @path("result/<uuid:share_token>/download/")
    def result_download(self, request, share_token):
        return views.result_download(request, self, share_token)

    @path("result/<uuid:share_token>/feedback/")
    def result_feedback(self, request, share_token):
        return views.result_feedback(request, self, share_token)

    @path("result/<uuid:share_token>/pdf/")
    def result_pdf(self, request, share_token):
        return result_pdf.result_pdf(request, self, share_token)

    @path("result/<uuid:share_token>/answer-again/")
    def answer_again(self, request, share_token):
        return views.answer_again(request, self, share_token)

    @path("result/<uuid:share_token>/share/")
    def share_with_joint(self, request, share_token):
        return joint_views.share(request, self, share_token)

    @path("joint/start/")
    def joint_start(self, request):
        return joint_views.start(request, self)

    @path("joint/<uuid:token>/")
    def joint_result(self, request, token):
        return joint_views.joint_result(request, self, token)

    @path("joint/<uuid:token>/invite/")
    def joint_invite(self, request, token):
        return joint_views.invite(request, self, token)

    @path("joint/<uuid:token>/pdf/")
    def joint_pdf(self, request, token):
        return result_pdf.joint_pdf(request, self, token)

    @path("invitation/<uuid:invite_token>/")
    def joint_invitation(self, request, invite_token):
        return joint_views.invitation(request, self, invite_token)

    @path("open-data/")
    def open_data(self, request):
        return open_data.open_data_page(request, self)

    @path("open-data/<str:file_format>/")
    def open_data_download(self, request, file_format):
        return open_data.open_data_download(request, self, file_format)
