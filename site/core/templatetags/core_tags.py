"""Template tags for the site chrome: main navigation and the language switcher."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language, as language switchers should
    url: str
    is_current: bool
    translated: bool  # False: the link leads to that language's home instead


def _home_for_locale(request, language_code):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return (
        site.root_page.get_translations(inclusive=True)
        .filter(locale__language_code=language_code)
        .live()
        .first()
    )


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: to this page in that language, if it exists.

    For a Wagtail page we look up its live translations; for anything else (error
    pages, views) Django's translate_url maps the URL into the other language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    for code, _name in settings.LANGUAGES:
        name = settings.LANGUAGE_NATIVE_NAMES.get(code, code)
        if page is not None and isinstance(page, Page) and page.pk:
            target = translations.get(code)
            if target is not None:
                url, translated = target.get_url(request), True
            else:
                home = _home_for_locale(request, code)
                url, translated = (home.get_url(request) if home else f"/{code}/"), False
        elif request is not None:
            url, translated = translate_url(request.get_full_path(), code), True
        else:
            url, translated = f"/{code}/", True
        links.append(LanguageLink(code, name, url, code == current, translated))
    return links


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's children that editors ticked "show in menus", in this language."""
    request = context.get("request")
    if request is None:
        return []
    # Header and footer both show it: look it up once per request.
    if not hasattr(request, "_main_navigation"):
        request._main_navigation = _main_navigation(request)
    return request._main_navigation


def _main_navigation(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return []
    home = site.root_page.get_translation_or_none(locale) or site.root_page
    return list(home.get_children().live().public().in_menu())


@register.simple_tag(takes_context=True)
def localized_home(context):
    request = context.get("request")
    return _home_for_locale(request, get_language()) if request else None


@register.filter
def is_ancestor_or_self(nav_page, page):
    """Marks the navigation item for the section the visitor is in."""
    if not isinstance(page, Page):
        return False
    return page.path.startswith(nav_page.path)
