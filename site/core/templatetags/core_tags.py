"""Template tags for the site chrome: main navigation, the footer's link to the accessibility
statement, and the language switcher.

What they show is read once per content version (structure.py), because every page needs
it and it changes only when content does.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from ..structure import home_children, home_for_language, live_translations

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language, as language switchers should
    url: str
    is_current: bool
    translated: bool  # False: no such page in that language; the link goes to its home page


@dataclass(frozen=True)
class NavigationItem:
    page: Page
    is_current: bool  # this very page
    is_active: bool  # this page or one below it: the section the visitor is in


@register.simple_tag(takes_context=True)
def localized_home(context):
    request = context.get("request")
    return home_for_language(request, get_language()) if request else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: to this page in that language, if it exists.

    For a Wagtail page we look up its live translations; for anything else (error pages,
    views) Django's translate_url maps the URL into the other language's prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    is_page = isinstance(page, Page) and page.pk is not None
    translations = live_translations(page.translation_key) if is_page else {}
    links = []
    for code, _name in settings.LANGUAGES:
        name = settings.LANGUAGE_NATIVE_NAMES.get(code, code)
        if is_page and code in translations:
            url, translated = translations[code].get_url(request), True
        elif is_page:
            home = home_for_language(request, code)
            url, translated = (home.get_url(request) if home else f"/{code}/"), False
        elif request is not None:
            url, translated = translate_url(request.get_full_path(), code), True
        else:
            url, translated = f"/{code}/", True
        links.append(LanguageLink(code, name, url, code == current, translated))
    return links


def _home_children(context):
    """The main navigation (marking the visitor's section) and the accessibility statement,
    in this language (structure.home_children: read once per content version)."""
    request = context["request"]
    home = home_for_language(request, get_language())
    if home is None:
        return [], None
    pages, statement = home_children(home)
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else None
    navigation = [
        NavigationItem(
            page=page,
            is_current=current_path == page.path,
            is_active=bool(current_path and current_path.startswith(page.path)),
        )
        for page in pages
    ]
    return navigation, statement


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's children that editors ticked "show in menus", in this language."""
    if context.get("request") is None:
        return []
    return _home_children(context)[0]


@register.simple_tag(takes_context=True)
def accessibility_statement(context):
    """The live accessibility statement in this language (the home page's child whose English
    page, or any translation of it, has the slug "accessibility"), or None: then the footer
    has no link to it."""
    if context.get("request") is None:
        return None
    return _home_children(context)[1]


@register.simple_tag
def breadcrumb_pages(page):
    """The page's ancestors from the home page down: the ones routing already fetched when
    it reached this page, else from the database."""
    from ..routing import routed_ancestors

    ancestors = routed_ancestors(page)
    if ancestors is None:
        ancestors = page.get_ancestors()
    return [ancestor for ancestor in ancestors if ancestor.depth > 1]
