"""Controlled vocabularies: the sectors and themes that digests and entries are tagged with.

Editors choose from the list (free_tagging = False) so "criminal justice" never splits
into three spellings. Each tag carries its Welsh label beside the English name: a tag is
one shared thing in both languages (its slug is the same on /en/ and /cy/), so we keep
one row with two labels rather than two rows to keep in step.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class LabelledTag(index.Indexed, TagBase):
    free_tagging = False

    welsh_name = models.CharField(_("Welsh name"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("One sentence shown on the tag's page."))
    welsh_description = models.TextField(_("Welsh description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("welsh_name"),
        FieldPanel("welsh_description"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("welsh_name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # Wagtail's tag field splits what an editor sees at commas (wagtail/wagtail#5357): a
        # tag named "gaming, parking" would be dropped from a digest or entry whenever it is
        # saved in the admin. Delete when Wagtail's tag field keeps quoted names whole.
        if "," in (self.name or ""):
            raise ValidationError(
                {"name": _("A name cannot hold a comma: the tag fields read a comma as the end of a tag.")}
            )

    @property
    def label(self):
        """The name in the visitor's language (English when no Welsh name is set yet)."""
        if get_language() == "cy" and self.welsh_name:
            return self.welsh_name
        return self.name

    @property
    def label_description(self):
        if get_language() == "cy" and self.welsh_description:
            return self.welsh_description
        return self.description


class SectorTag(LabelledTag):
    """Where a scheme operated: criminal justice, health, homelessness, ..."""

    class Meta(LabelledTag.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class ThemeTag(LabelledTag):
    """What PbR issue a piece of work is about: pricing, risk transfer, gaming, ..."""

    class Meta(LabelledTag.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
