"""Success factors: the things payment by results needs to work, each linked to the digests
that explain it. The self-assessment scores a service against each one."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class SuccessFactor(TranslatableMixin, index.Indexed, ClusterableModel):
    """A critical success factor for payment by results, e.g. "outcomes attributable to the
    provider". Scores are keyed by its translation_key, the same in English and Welsh."""

    name = models.CharField(_("name"), max_length=120)
    # Shown on the result as "what good looks like", whatever the reader's band.
    what_it_means = models.TextField(
        _("what good looks like"),
        max_length=600,
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
