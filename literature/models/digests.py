"""Digest pages: five-minute summaries of what the evidence says on one PbR issue."""

import json
from functools import cached_property

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Count, Prefetch
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from pbr_site.core.models import RoutedInOneQuery, in_private_section
from taggit.models import ItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import DigestBodyBlock
from ..citations import find_keys, normalise
from ..panels import BrokenReferencesPanel
from ..references import as_text
from .bibliography import BibliographyEntry, EntryAuthor
from .tags import SectorTag, ThemeTag


class EvidenceStrength(models.TextChoices):
    STRONG = "strong", _("Strong")
    MODERATE = "moderate", _("Moderate")
    LIMITED = "limited", _("Limited")
    EMERGING = "emerging", _("Emerging")


# What each rating means, shown beside it so readers can judge for themselves.
EVIDENCE_STRENGTH_MEANINGS = {
    EvidenceStrength.STRONG: _("Several independent evaluations, some with comparison groups, point the same way."),
    EvidenceStrength.MODERATE: _(
        "Independent evaluations or audits agree, but few compare results with what would have happened anyway."
    ),
    EvidenceStrength.LIMITED: _(
        "A small number of studies, reviews or official reports; findings are plausible but not yet tested widely."
    ),
    EvidenceStrength.EMERGING: _(
        "Early findings, practitioner experience or commentary; treat as a prompt for questions, not an answer."
    ),
}


# As django.utils.html.json_script: JSON that cannot close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class DigestSectorTag(ItemBase):
    tag = models.ForeignKey(SectorTag, related_name="digest_items", on_delete=models.CASCADE)
    content_object = ParentalKey("literature.DigestPage", related_name="sector_items", on_delete=models.CASCADE)


class DigestThemeTag(ItemBase):
    tag = models.ForeignKey(ThemeTag, related_name="digest_items", on_delete=models.CASCADE)
    content_object = ParentalKey("literature.DigestPage", related_name="theme_items", on_delete=models.CASCADE)


class DigestPage(RoutedInOneQuery, Page):
    summary = models.TextField(
        _("summary"), max_length=1200, help_text=_("One paragraph: the issue and what the evidence says.")
    )
    key_messages = StreamField(
        [("message", blocks.TextBlock(max_length=400, label=_("Key message")))],
        min_num=3,
        max_num=5,
        verbose_name=_("key messages"),
        help_text=_("Three to five messages a busy reader should take away."),
    )
    body = StreamField(DigestBodyBlock(), verbose_name=_("body"))
    evidence_strength = models.CharField(_("strength of evidence"), max_length=20, choices=EvidenceStrength.choices)
    evidence_note = models.TextField(
        _("why this strength of evidence"),
        max_length=400,
        blank=True,
        help_text=_("One sentence in the rating scale's own terms: what kind of studies this digest rests on."),
    )
    sector_tags = ClusterTaggableManager(through=DigestSectorTag, blank=True, verbose_name=_("sectors"))
    theme_tags = ClusterTaggableManager(through=DigestThemeTag, blank=True, verbose_name=_("themes"))

    parent_page_types = ["literature.LiteratureIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("key_messages"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("evidence_strength"),
                FieldPanel("evidence_note"),
                FieldRowPanel([FieldPanel("sector_tags"), FieldPanel("theme_tags")]),
            ],
            heading=_("Evidence and tags"),
        ),
        BrokenReferencesPanel(heading=_("Reference problems")),
        InlinePanel(
            "references",
            label=_("References"),
            help_text=_("Numbered in this order on the page. Cite them in the text by key, e.g. [NAO 2015]."),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("key_messages"),
        index.SearchField("body"),
        index.RelatedFields("sector_tags", [index.SearchField("name"), index.SearchField("welsh_name")]),
        index.RelatedFields("theme_tags", [index.SearchField("name"), index.SearchField("welsh_name")]),
    ]

    class Meta:
        verbose_name = _("digest")

    def get_meta_description(self):
        return self.search_description or self.summary

    def json_ld(self):
        """Schema.org ScholarlyArticle metadata, escaped for a <script type="application/ld+json">."""
        data = {
            "@context": "https://schema.org",
            "@type": "ScholarlyArticle",
            "headline": self.title,
            "abstract": self.summary,
            "inLanguage": get_language(),
            "url": self.full_url,
            "datePublished": self.first_published_at.date().isoformat() if self.first_published_at else None,
            "dateModified": self.last_published_at.date().isoformat() if self.last_published_at else None,
            "publisher": {"@type": "Organization", "name": "Clinks"},
            "keywords": [tag.name for tag in self.themes()],
            "citation": [reference.citation_text for reference in self.numbered_references()],
        }
        return mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308

    @property
    def evidence_strength_meaning(self):
        return EVIDENCE_STRENGTH_MEANINGS.get(self.evidence_strength, "")

    def numbered_references(self):
        """The references with their entries and authors, in two queries whatever their number."""
        if not hasattr(self, "_numbered_references"):
            authors = Prefetch("entry__authors", queryset=EntryAuthor.objects.order_by("sort_order"))
            references = list(self.references.select_related("entry").prefetch_related(authors).order_by("sort_order"))
            for number, reference in enumerate(references, start=1):
                reference.number = number
            self._numbered_references = references
        return self._numbered_references

    def broken_references(self):
        return [reference for reference in self.numbered_references() if reference.is_broken]

    def citation_numbers(self):
        """Normalised citation key -> reference number, for linking markers in the text."""
        return {normalise(ref.key): ref.number for ref in self.numbered_references() if ref.key}

    def unknown_citation_keys(self):
        known = self.citation_numbers()
        keys = find_keys(" ".join(_strings_in(self.body.raw_data)))
        return sorted({key for key in keys if normalise(key) not in known})

    def themes(self):
        """This digest's themes, looked up once (the page, its metadata and related digests use them)."""
        if not hasattr(self, "_themes"):
            self._themes = list(self.theme_tags.all())
        return self._themes

    def related_digests(self, limit=3):
        """Other live digests in this language that share the most themes with this one."""
        theme_ids = [tag.pk for tag in self.themes()]
        if not theme_ids:
            return DigestPage.objects.none()
        return (
            DigestPage.objects.live()
            .exclude(in_private_section())
            .filter(locale_id=self.locale_id, theme_items__tag_id__in=theme_ids)
            .exclude(pk=self.pk)
            .annotate(shared_themes=Count("theme_items"))
            .order_by("-shared_themes", "title")
            .defer_streamfields()[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The references link to the resource pack the digest's review knows (the review page
        # is the parent Wagtail routed through: kept on the digest, so no query for it).
        pack = self.get_parent().specific.resource_pack(request, self)
        for reference in self.numbered_references():
            reference.entry_url = pack.entry_url(reference.entry) if pack and reference.entry else ""
        # The review's URL is this page's minus its own slug: no need to fetch the parent.
        context["tag_base_url"] = self.get_url(request)[: -len(self.slug) - 1]
        context["references"] = self.numbered_references()
        context["sectors"] = list(self.sector_tags.all())
        context["themes"] = self.themes()
        context["related_digests"] = list(self.related_digests())
        return context


def _strings_in(data):
    """Every string inside a StreamField's raw JSON-like data."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in ("type", "id"):
                yield from _strings_in(value)
    elif isinstance(data, list | tuple) or hasattr(data, "__iter__"):
        for item in data:
            yield from _strings_in(item)


class DigestReference(Orderable):
    """A numbered reference at the foot of a digest, pointing into the resource pack.

    The citation text is kept (`citation_snapshot`) whenever the reference is saved, so a
    digest still shows what it cited if the entry is later deleted or unpublished.
    """

    page = ParentalKey(DigestPage, related_name="references", on_delete=models.CASCADE)
    entry = models.ForeignKey(
        BibliographyEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="digest_references"
    )
    cite_as = models.CharField(
        _("citation key"),
        max_length=60,
        blank=True,
        help_text=_("What you type in the text, in square brackets. Blank: author and year, e.g. Webster 2016."),
    )
    pinpoint = models.CharField(_("page or section"), max_length=60, blank=True, help_text=_("e.g. p. 12"))
    citation_snapshot = models.TextField(editable=False, blank=True)

    panels = [FieldPanel("entry"), FieldRowPanel([FieldPanel("cite_as"), FieldPanel("pinpoint")])]

    class Meta(Orderable.Meta):
        verbose_name = _("reference")

    def __str__(self):
        return self.key

    def save(self, *args, **kwargs):
        if self.entry_id:
            self.citation_snapshot = as_text(self.entry.harvard_reference)
            if not self.cite_as:
                self.cite_as = self.entry.citation_key()
        super().save(*args, **kwargs)

    @property
    def key(self):
        if self.cite_as:
            return self.cite_as
        if self.entry_id and self.entry:
            return self.entry.citation_key()
        return ""

    @property
    def is_broken(self):
        """Deleted from the pack (entry gone) or taken out of it (unpublished)."""
        return self.entry is None or not self.entry.live

    @cached_property
    def citation(self):
        """The Harvard reference (safe HTML) while the entry exists; else the text kept when
        the reference was last saved. Once per request: the list and the metadata both show it."""
        if self.entry is not None:
            return self.entry.harvard_reference
        return self.citation_snapshot

    @property
    def citation_text(self):
        """The citation as plain text: the snapshot is plain text already."""
        return as_text(self.citation) if self.entry is not None else self.citation_snapshot
