"""StreamField blocks for digest bodies: the shared prose blocks plus callouts written for
commissioners and providers, quotations with their source and simple tables."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pbr_site.core.blocks import PROSE_FEATURES, HeadingBlock, QuoteBlock
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

CITATION_HELP = _("Cite a reference from the list below by its key in square brackets, e.g. [NAO 2015].")


class KeyFindingBlock(blocks.StructBlock):
    """One finding that matters most, set apart from the text."""

    heading = blocks.CharBlock(max_length=120, required=False, help_text=_("Leave blank for “Key finding”."))
    text = blocks.RichTextBlock(features=PROSE_FEATURES, help_text=CITATION_HELP)

    class Meta:
        icon = "pick"
        template = "literature/blocks/key_finding_block.html"


class AudienceBlock(blocks.RichTextBlock):
    """What the evidence means for one audience; the heading comes from Meta.audience."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["audience"] = self.meta.audience
        return context

    class Meta:
        icon = "group"
        template = "literature/blocks/audience_block.html"
        audience = ""


class ForCommissionersBlock(AudienceBlock):
    class Meta:
        audience = "commissioners"
        label = _("What this means for commissioners")


class ForProvidersBlock(AudienceBlock):
    class Meta:
        audience = "providers"
        label = _("What this means for providers")


class TableRowBlock(blocks.StructBlock):
    cells = blocks.ListBlock(blocks.CharBlock(max_length=300, required=False))

    class Meta:
        icon = "list-ul"


class TableBlock(blocks.StructBlock):
    """A small table of figures: a caption, column headings and rows of plain text cells.

    Built from ListBlocks of CharBlocks (not Wagtail's TableBlock) so wagtail-localize
    can offer every cell for translation.
    """

    caption = blocks.CharBlock(max_length=200, help_text=_("Says what the table shows."))
    columns = blocks.ListBlock(blocks.CharBlock(max_length=100), label=_("Column headings"), min_num=1)
    rows = blocks.ListBlock(TableRowBlock(), min_num=1)

    def clean(self, value):
        value = super().clean(value)
        width = len(value["columns"])
        errors = {}
        for index, row in enumerate(value["rows"]):
            if len(row["cells"]) != width:
                errors[index] = ValidationError(
                    _("This row has %(cells)s cells; the table has %(columns)s columns.")
                    % {"cells": len(row["cells"]), "columns": width}
                )
        if errors:
            raise StructBlockValidationError(
                block_errors={"rows": ValidationError(_("Every row needs one cell per column."))}
            )
        return value

    class Meta:
        icon = "table"
        template = "literature/blocks/table_block.html"


class DigestBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = blocks.RichTextBlock(features=PROSE_FEATURES, help_text=CITATION_HELP, icon="pilcrow")
    key_finding = KeyFindingBlock()
    quotation = QuoteBlock()
    for_commissioners = ForCommissionersBlock(features=PROSE_FEATURES, help_text=CITATION_HELP)
    for_providers = ForProvidersBlock(features=PROSE_FEATURES, help_text=CITATION_HELP)
    table = TableBlock()
