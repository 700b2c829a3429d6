"""Site-wide page types: the home page and ordinary content pages (about, get involved).

`ContentPage` is the abstract base the three parts' landing pages build on, so every
page has the same lead paragraph, body blocks, search fields and editing panels.
"""

import copy

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock, PartCardBlock
from .memo import per_content_version
from .routing import FastServeMixin


class ContentPage(FastServeMixin, Page):
    """A page with a lead paragraph and a body of shared blocks."""

    intro = models.TextField(
        _("lead paragraph"),
        max_length=600,
        help_text=_("One or two sentences under the title that say what the page is for."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        """What search engines and link previews show: the editor's own, or the lead."""
        return self.search_description or self.intro

    @classmethod
    def for_locale(cls, locale_id):
        """The live page of this type in this language, or None: for the types there is one
        of per language (the literature review, the resource pack...), which other pages
        link to. Remembered per content version (memo.py)."""
        return per_content_version(
            ("page-for-locale", cls._meta.label, locale_id),
            lambda: cls.objects.live().filter(locale_id=locale_id).order_by("path").first(),
        )


class HomePage(ContentPage):
    """The front door: what the toolkit is and the way into its three parts."""

    parts = StreamField(
        [("part", PartCardBlock())],
        blank=True,
        verbose_name=_("the site's parts"),
        help_text=_("Cards that lead to the literature review, resource pack and self-assessment."),
    )

    parent_page_types = ["wagtailcore.Page"]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("parts"), FieldPanel("body")]

    class Meta:
        verbose_name = _("home page")

    @property
    def localized(self):
        """Wagtail's `localized` (this home page in the visitor's language, if live), from the
        remembered home pages: routing asks for it on every request (structure.py)."""
        from .structure import live_homes

        home = live_homes(self.translation_key).get(get_language())
        # A copy: routing may serve it, and what a request attaches to it stays with that request.
        return copy.copy(home) if home is not None else super().localized

    def part_cards(self):
        """(card, destination) pairs, each destination in this page's language when it exists.

        Two queries for all cards, not two per card: the chooser's pages in bulk, then their
        translations in this language.
        """
        cards = [block.value for block in self.parts if block.value.get("page")]
        keys = [card["page"].translation_key for card in cards]
        localized = {
            page.translation_key: page
            for page in Page.objects.filter(translation_key__in=keys, locale_id=self.locale_id).live()
        }
        return [(card, localized.get(card["page"].translation_key, card["page"])) for card in cards]


class StandardPage(ContentPage):
    """About, get involved, accessibility statement and other ordinary pages."""

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
