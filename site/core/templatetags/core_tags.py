"""Template tags for the site chrome: main navigation, the footer's link to the accessibility
statement, and the language switcher.

Each look-up is made once per request and kept on the request, because the header, the
footer and the <head> all need them.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from ..routing import public

register = template.Library()

# The accessibility statement is the home page's child whose source (English) page has this
# slug; its translations may have slugs of their own (the Welsh one is "hygyrchedd").
ACCESSIBILITY_STATEMENT_SLUG = "accessibility"


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


def home_for_language(request, language_code):
    """The live home page in that language (the site root's translation), or None.

    All languages' home pages are fetched together, once per request."""
    if not hasattr(request, "_pbr_home_by_language"):
        site = Site.find_for_request(request)
        homes = (
            Page.objects.filter(translation_key=site.root_page.translation_key).live().select_related("locale")
            if site is not None
            else []
        )
        request._pbr_home_by_language = {home.locale.language_code: home for home in homes}
    return request._pbr_home_by_language.get(language_code)


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
    translations = {}
    if is_page:
        # The page's translations and every language's home page in one query.
        site = Site.find_for_request(request) if request is not None else None
        keys = [page.translation_key]
        if site is not None and request is not None and not hasattr(request, "_pbr_home_by_language"):
            keys.append(site.root_page.translation_key)
        homes = {}
        for p in Page.objects.filter(translation_key__in=keys).live().select_related("locale"):
            if p.translation_key == page.translation_key:
                translations[p.locale.language_code] = p
            if site is not None and p.translation_key == site.root_page.translation_key:
                homes[p.locale.language_code] = p
        if len(keys) > 1:
            request._pbr_home_by_language = homes
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
    """The main navigation and the accessibility statement, in this language, read in one
    query (the home page's live, public children shown in menus, plus the statement) and
    kept on the request."""
    request = context["request"]
    if not hasattr(request, "_pbr_main_navigation"):
        current = context.get("page")
        current_path = current.path if isinstance(current, Page) else None
        home = home_for_language(request, get_language())
        children = []
        if home is not None:
            is_statement = Exists(
                Page.objects.filter(translation_key=OuterRef("translation_key"), slug=ACCESSIBILITY_STATEMENT_SLUG)
            )
            children = (
                public(home.get_children().live())
                .annotate(is_statement=is_statement)
                .filter(Q(show_in_menus=True) | Q(is_statement=True))
            )
        statement = None
        navigation = []
        for item in children:
            if item.is_statement and statement is None:
                statement = item
            if item.show_in_menus:
                navigation.append(NavigationItem(
                    page=item,
                    is_current=current_path == item.path,
                    is_active=bool(current_path and current_path.startswith(item.path)),
                ))
        request._pbr_main_navigation = navigation
        request._pbr_accessibility_statement = statement
    return request._pbr_main_navigation, request._pbr_accessibility_statement


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
