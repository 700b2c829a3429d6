"""Landing pages for the literature review and the resource pack.

The digests, glossary and bibliography entries that fill them are added by the
literature-review and resource-pack issues.
"""

from django.utils.translation import gettext_lazy as _

from pbr_site.core.models import ContentPage


class LiteratureIndexPage(ContentPage):
    """The literature review: what research says about payment by results."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("literature review")


class ResourcePackPage(ContentPage):
    """The resource pack: every study and evaluation of payment by results."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["core.StandardPage"]

    class Meta:
        verbose_name = _("resource pack")
