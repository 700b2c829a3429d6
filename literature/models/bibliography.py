"""Bibliography entries: the studies, evaluations and reports in the resource pack.

One row per publication, shared by both languages: the bibliographic facts never change
with the reader's language, only the staff-written summary does, so the Welsh summary
sits beside the English one (`summary_cy`). This keeps a single id per publication for
references, imports (matched by DOI/URL/title+year) and exports.
"""

import datetime
from functools import cache

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index

from .tags import SectorTag, ThemeTag


class PublicationType(models.TextChoices):
    EVALUATION = "evaluation", _("Evaluation")
    RESEARCH = "research", _("Research study")
    AUDIT = "audit", _("Government or audit report")
    THINK_TANK = "think_tank", _("Think-tank report")
    GREY = "grey", _("Grey literature")
    COMMENTARY = "commentary", _("Commentary")


@cache
def _publication_type_labels(language_code):
    """{type: its label in this language}; the language is the one active when called."""
    return {value: str(label) for value, label in PublicationType.choices}


class EntrySectorTag(ItemBase):
    tag = models.ForeignKey(SectorTag, related_name="entry_items", on_delete=models.CASCADE)
    content_object = ParentalKey("literature.BibliographyEntry", related_name="sector_items", on_delete=models.CASCADE)


class EntryThemeTag(ItemBase):
    tag = models.ForeignKey(ThemeTag, related_name="entry_items", on_delete=models.CASCADE)
    content_object = ParentalKey("literature.BibliographyEntry", related_name="theme_items", on_delete=models.CASCADE)


class BibliographyEntry(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """Entries follow the pages' rule: an Editor's entry is a draft until a Moderator publishes
    it, through the same "Moderators approval" workflow (assigned to this model)."""

    title = models.CharField(_("title"), max_length=500)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)])
    publication_date = models.DateField(_("full date"), null=True, blank=True, help_text=_("If known."))
    publication_type = models.CharField(_("type"), max_length=20, choices=PublicationType.choices)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    journal = models.CharField(_("journal"), max_length=255, blank=True)
    volume = models.CharField(_("volume"), max_length=30, blank=True)
    issue = models.CharField(_("issue"), max_length=30, blank=True)
    pages = models.CharField(_("pages"), max_length=30, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True, default="United Kingdom")
    url = models.URLField(_("web address"), max_length=500, blank=True)
    doi = models.CharField(
        _("DOI"), max_length=255, blank=True, db_index=True, help_text=_("For example 10.1177/1356389015577464")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A copy Clinks may host."),
    )
    # Blank allowed: imports from reference managers rarely carry one; such entries are flagged
    # "needs a summary" in the admin until staff write it.
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Two or three plain-English sentences: what it found.")
    )
    summary_cy = models.TextField(_("Welsh summary"), blank=True)
    sector_tags = ClusterTaggableManager(through=EntrySectorTag, blank=True, verbose_name=_("sectors"))
    theme_tags = ClusterTaggableManager(through=EntryThemeTag, blank=True, verbose_name=_("themes"))
    added_on = models.DateField(_("added to the pack"), default=datetime.date.today, db_index=True)
    is_synthetic = models.BooleanField(
        default=False, editable=False, help_text="Generated for load testing; never real."
    )

    panels = [
        FieldPanel("title"),
        InlinePanel("authors", label=_("Authors"), min_num=1),
        FieldRowPanel([FieldPanel("year"), FieldPanel("publication_date")]),
        FieldPanel("publication_type"),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldPanel("journal"),
                FieldRowPanel([FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]),
            ],
            heading=_("Where it was published"),
        ),
        FieldPanel("country"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("doi")]),
        FieldPanel("document"),
        FieldPanel("summary"),
        FieldPanel("summary_cy"),
        FieldPanel("sector_tags"),
        FieldPanel("theme_tags"),
        FieldPanel("added_on"),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("summary_cy"),
        index.SearchField("publisher"),
        index.SearchField("journal"),
        index.RelatedFields("authors", [index.SearchField("name")]),
        index.FilterField("year"),
        index.FilterField("publication_type"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("bibliography entry")
        verbose_name_plural = _("bibliography entries")
        ordering = ["-year", "title"]
        # The resource pack sorts by these.
        indexes = [models.Index(fields=["year", "title"]), models.Index(fields=["title"])]

    def __str__(self):
        return f"{self.author_list} ({self.year}) {self.title}"

    def get_publication_type_display(self):
        """Django's, without rebuilding (and translating) the whole table of choices for every
        entry: the pack lists 20 a page."""
        return _publication_type_labels(get_language()).get(self.publication_type, self.publication_type)

    @property
    def author_list(self):
        return "; ".join(author.name for author in self.authors.all())

    @property
    def localized_summary(self):
        if get_language() == "cy" and self.summary_cy:
            return self.summary_cy
        return self.summary

    @property
    def summary_language(self):
        """The language localized_summary is in: English until staff write the Welsh."""
        return "cy" if get_language() == "cy" and self.summary_cy else "en"

    @property
    def formatted_references(self):
        """The entry as a reference in Harvard and in APA, for readers to copy: a list of
        literature.references.Reference (style, label, html). Uses the authors as fetched."""
        from ..references import references

        return references(self)

    @property
    def harvard_reference(self):
        """The entry as a Harvard reference (safe HTML), as its page offers it to copy: what
        digests and the full review list. Uses the authors as fetched."""
        from ..references import harvard

        return harvard(self)

    def citation_key(self):
        """What editors type in square brackets to cite it: Webster 2016, Fox and Albertson 2011."""
        return self.short_citation().replace("(", "").replace(")", "")

    def short_citation(self):
        """In-text form: Webster (2016), National Audit Office (2015), Fox and Albertson (2011)."""
        authors = list(self.authors.all())
        if not authors:
            return str(self.year)
        first = authors[0].short_name
        if len(authors) == 2:
            first = f"{first} and {authors[1].short_name}"
        elif len(authors) > 2:
            first = f"{first} et al."
        return f"{first} ({self.year})"


class EntryAuthor(Orderable):
    """An author in the order the publication gives them: a person or an organisation."""

    entry = ParentalKey(BibliographyEntry, related_name="authors", on_delete=models.CASCADE)
    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("A person as 'Family, Given names' (Webster, Russell); an organisation as its name."),
    )
    is_organisation = models.BooleanField(_("organisation"), default=False)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("is_organisation")])]

    def __str__(self):
        return self.name

    @property
    def short_name(self):
        return self.name if self.is_organisation else self.name.split(",")[0].strip()
