"""StreamField blocks shared by every part of the site.

Each block renders a GOV.UK Design System component (templates/core/blocks/).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# Rich text features kept small so editors produce consistent, accessible markup.
PROSE_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
INLINE_FEATURES = ["bold", "italic", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Sub-heading (h3)"))],
        default="h2",
        help_text=_("Pages have one main heading (the title); use h2 for sections below it."),
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading_block.html"


class InsetTextBlock(blocks.RichTextBlock):
    """A quotation, example or aside that stands out from the text around it."""

    class Meta:
        icon = "doc-full"
        template = "core/blocks/inset_text_block.html"


class WarningTextBlock(blocks.CharBlock):
    class Meta:
        icon = "warning"
        template = "core/blocks/warning_text_block.html"


class DetailsBlock(blocks.StructBlock):
    """Extra information that only some readers need, folded away (GOV.UK "details")."""

    summary = blocks.CharBlock(max_length=200)
    body = blocks.RichTextBlock(features=PROSE_FEATURES)

    class Meta:
        icon = "collapse-down"
        template = "core/blocks/details_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    source = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote_block.html"


class LinkStructValue(blocks.StructValue):
    def href(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    """A GOV.UK button that leads somewhere: to a page on this site or an address elsewhere."""

    label = blocks.CharBlock(max_length=80)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label=_("or web address"))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or enter a web address, not both.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value

    class Meta:
        icon = "link"
        template = "core/blocks/call_to_action_block.html"
        value_class = LinkStructValue


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=PROSE_FEATURES, icon="pilcrow")
    inset_text = InsetTextBlock(features=INLINE_FEATURES)
    warning = WarningTextBlock()
    details = DetailsBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()


class PartCardBlock(blocks.StructBlock):
    """One of the site's parts, shown as a card on the home page."""

    page = blocks.PageChooserBlock()
    heading = blocks.CharBlock(max_length=100, required=False, help_text=_("Leave blank to use the page's title."))
    summary = blocks.TextBlock(max_length=400)

    class Meta:
        icon = "placeholder"
        # Rendered by HomePage.part_cards (which resolves the page in the visitor's language).
