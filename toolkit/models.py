"""The self-assessment page.

The questionnaire (a StreamField of sections and questions), scoring and results are
added by the self-assessment issue; this page already explains the tool to visitors.
"""

from django.utils.translation import gettext_lazy as _

from pbr_site.core.models import ContentPage


class SelfAssessmentPage(ContentPage):
    """Explains the self-assessment and, once built, runs it."""

    parent_page_types = ["core.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("self-assessment")
