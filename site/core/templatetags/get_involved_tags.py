"""The pilot banner's link to the get involved page (its enquiry form), in the visitor's language."""

from django import template
from django.utils.translation import get_language

from ..models import GetInvolvedPage
from .core_tags import home_children, home_for_language

register = template.Library()


@register.simple_tag(takes_context=True)
def get_involved_page(context):
    """The live get involved page in this language, or None (the banner then has no link).

    Usually one of the main navigation's pages, which the header reads anyway: no query of
    its own. Otherwise (taken out of the menus) looked up."""
    request = context.get("request")
    if request is None:
        return None
    home = home_for_language(request, get_language(), context.get("page"))
    if home is None:
        return None
    navigation, _statement, _with_feeds = home_children(request, home)
    for page in navigation:
        if page.specific_class is GetInvolvedPage:
            return page
    return GetInvolvedPage.for_locale(home.locale_id)
