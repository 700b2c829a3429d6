"""The glossary of PbR terms: snippets shown A–Z on the glossary page and linked from text."""

import re

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from pbr_site.core.models import ContentPage, in_private_section
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class GlossaryTerm(TranslatableMixin, index.Indexed, ClusterableModel):
    term = models.CharField(_("term"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        allow_unicode=True,
        help_text=_("The term's address on the glossary page. Blank: made from the term."),
    )
    also_known_as = models.CharField(
        _("also known as"),
        max_length=255,
        blank=True,
        help_text=_("Other words for the same thing, separated by commas: they are linked to this entry too."),
    )
    short_definition = models.TextField(_("short definition"), max_length=300)
    explanation = RichTextField(_("longer explanation"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    link_in_text = models.BooleanField(
        _("link where it appears"),
        default=True,
        help_text=_("Link the first mention of this term in digests and questionnaire help to its definition."),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("also_known_as"),
        FieldPanel("short_definition"),
        FieldPanel("explanation"),
        FieldPanel("link_in_text"),
        InlinePanel("related_digests", label=_("Related digests")),
    ]
    search_fields = [
        index.SearchField("term", boost=4),
        index.AutocompleteField("term"),
        index.SearchField("also_known_as", boost=2),
        index.SearchField("short_definition"),
        index.SearchField("explanation"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("slug"),
        TranslatableField("also_known_as"),
        TranslatableField("short_definition"),
        TranslatableField("explanation"),
        SynchronizedField("link_in_text"),
        SynchronizedField("related_digests"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term, allow_unicode=True)[:100]
        super().save(*args, **kwargs)

    @property
    def names(self):
        """The term and its other names, longest first, for finding mentions in text."""
        others = [name.strip() for name in self.also_known_as.split(",") if name.strip()]
        return sorted({self.term, *others}, key=len, reverse=True)

    @property
    def initial(self):
        first = re.sub(r"^\W+", "", self.term)[:1].upper()
        return first if first.isalpha() else "#"


class GlossaryTermDigest(Orderable):
    term = ParentalKey(GlossaryTerm, related_name="related_digests", on_delete=models.CASCADE)
    page = models.ForeignKey("literature.DigestPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", "literature.DigestPage")]


class GlossaryPage(ContentPage):
    """The A–Z of terms, in the page's language."""

    parent_page_types = ["literature.LiteratureIndexPage", "core.HomePage"]
    subpage_types = []
    linked_from_other_pages = True  # from terms in digests and questions (core_tags.linked_page)

    class Meta:
        verbose_name = _("glossary")

    def terms(self):
        """The terms in this page's language, each with `.digests`: its related digests in this
        language where translated (else the original), live and public only. Five queries in all."""
        terms = list(
            GlossaryTerm.objects.filter(locale_id=self.locale_id)
            .prefetch_related("related_digests__page")
            .order_by("term")
        )
        keys = {link.page.translation_key for term in terms for link in term.related_digests.all()}
        localized = {
            page.translation_key: page
            for page in Page.objects.live()
            .exclude(in_private_section())
            .filter(translation_key__in=keys, locale_id=self.locale_id)
        }
        for term in terms:
            term.digests = [
                localized.get(link.page.translation_key, link.page)
                for link in term.related_digests.all()
                if link.page.live
            ]
        return terms

    def terminology(self, terms):
        """[(term, the same term in the other language)]: the terminology list, so readers and
        translators use one Welsh term per concept. One query."""
        counterparts = {
            term.translation_key: term
            for term in GlossaryTerm.objects.filter(translation_key__in=[term.translation_key for term in terms])
            .exclude(locale_id=self.locale_id)
            .select_related("locale")
            .order_by("locale__language_code")
        }
        return [(term, counterparts[term.translation_key]) for term in terms if term.translation_key in counterparts]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        by_letter = {}
        terms = self.terms()
        for term in terms:
            by_letter.setdefault(term.initial, []).append(term)
        context["terms_by_letter"] = sorted(by_letter.items())
        context["terminology"] = self.terminology(terms)
        context["letters"] = [(chr(code), chr(code) in by_letter) for code in range(ord("A"), ord("Z") + 1)]
        return context
