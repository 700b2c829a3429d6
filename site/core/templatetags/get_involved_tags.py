"""The pilot banner's link to the get involved page (its enquiry form), in the visitor's language."""

from django import template

from ..models import GetInvolvedPage
from .core_tags import linked_page

register = template.Library()


@register.simple_tag(takes_context=True)
def get_involved_page(context):
    """The live get involved page in this language, or None (the banner then has no link).
    Read with the site chrome (core_tags.site_chrome): no query of its own."""
    request = context.get("request")
    return linked_page(request, context.get("page"), GetInvolvedPage) if request is not None else None
