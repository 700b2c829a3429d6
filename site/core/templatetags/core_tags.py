"""Template tags for the site chrome: main navigation, the footer's link to the accessibility
statement, the language switcher and the feeds named for feed readers.

The header, footer, banner and language switcher share what they read through the request
(site_chrome), so a page's chrome costs one query whatever it shows, and the pages other pages
link to (the resource pack, the glossary: linked_page) come in the same query. What is the
same on every page of a site in one language is kept in the shared cache too (SharedChrome):
after any change to a page, a site, a view restriction or a locale it is read again, so a
publish shows on the next request.
"""

import time
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models

from ..models import ACCESSIBILITY_STATEMENT_SLUG, in_private_section, specific_joins

register = template.Library()


def once_per_request(request, name, build):
    """build(), once per request: several tags on one page need the same pages. Kept on the
    request object, so it lives and dies with the request."""
    found = request.__dict__.setdefault("pbr_site_chrome", {})
    if name not in found:
        found[name] = build()
    return found[name]


def _wagtail_page(page):
    return page if isinstance(page, Page) and page.pk is not None else None


@dataclass
class SiteChrome:
    """What the header, footer, banner and language switcher show for one page, and the
    pages other pages link to (the resource pack, the glossary...): read in one query."""

    homes: dict  # {language code: the live home page in that language}
    translations: dict  # {language code: the live translation of the page shown}
    navigation: list  # the home page's live, public children "shown in menus", in this language
    statement: Page | None  # the accessibility statement in this language
    with_feeds: list  # the home page's children whose page type publishes feeds
    linked: dict  # {page type: its live page in the page's language}, for linked_page()


def linked_page_types():
    """The page types other pages link to, one live page of each per language (their class
    says `linked_from_other_pages = True`): read with the chrome, so a link costs no query."""
    return [model for model in get_page_models() if getattr(model, "linked_from_other_pages", False)]


def _of_types(models):
    """A filter on pages of these page types (by content type, joined: no query of its own)."""
    found = Q(pk__in=[])
    for model in models:
        found |= Q(content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name)
    return found


class SharedChrome:
    """What site_chrome finds for every page of a site in one language (all but the page's
    translations), kept in the shared cache: read in full it is the costliest query of a
    render (~10 ms of Python and PostgreSQL planning at 10,000 entries, measured with
    scripts/profile_page.py), and pages the HTTP cache in front cannot keep (site search, the
    self-assessment) need it on every request.

    Kept with the time it was read, and used only if read after the last change to anything
    it shows (note_change): a render that read it just before a publish committed cannot put
    the old chrome back. CLOCK_SKEW allows for application servers' clocks differing a little.
    If the cache cannot be reached, the chrome is read from the database every time."""

    CHANGED_KEY = "site-chrome:changed"
    SECONDS = 600
    CLOCK_SKEW = 2.0

    @staticmethod
    def key(site, language, page):
        return f"site-chrome:{site.pk}:{language}:{page.locale_id if page else '-'}"

    @classmethod
    def get(cls, key):
        found = cache.get_many([key, cls.CHANGED_KEY])
        kept, changed = found.get(key), found.get(cls.CHANGED_KEY)
        if changed is None:
            # Not known (a cache that culls, or lost it): taken as a change now, never as
            # "no change", so a chrome kept from before it cannot be used.
            cache.add(cls.CHANGED_KEY, time.time(), None)
            return None
        if kept is not None and kept[0] > changed + cls.CLOCK_SKEW:
            return kept[1]
        return None

    @classmethod
    def set(cls, key, chrome, read_at):
        # A copy get() would refuse (read within CLOCK_SKEW of the last change) is not written:
        # after a change, renders would otherwise each store one for nothing.
        changed = cache.get(cls.CHANGED_KEY)
        if changed is not None and read_at > changed + cls.CLOCK_SKEW:
            cache.set(key, (read_at, replace(chrome, translations={})), cls.SECONDS)

    @classmethod
    def note_change(cls):
        """Something the chrome shows may have changed: every kept chrome is read again. Said
        at once (this request's next render) and again when the change commits (anyone else's)."""
        cache.set(cls.CHANGED_KEY, time.time(), None)
        transaction.on_commit(lambda: cache.set(cls.CHANGED_KEY, time.time(), None), robust=True)


def note_chrome_change(sender, instance=None, raw=False, **kwargs):
    """Receiver: a page, site, locale or view restriction saved, deleted or moved."""
    if not raw and (sender in CHROME_SOURCES or isinstance(instance, Page)):
        SharedChrome.note_change()


CHROME_SOURCES = (Site, Locale, PageViewRestriction)


def _translations(page):
    """{language code: the page's live translation}, the page itself included: one query."""
    return {
        found.locale.language_code: found
        for found in Page.objects.live().filter(translation_key=page.translation_key).select_related("locale")
    }


def site_chrome(request, page=None):
    """The SiteChrome for this request and the page it shows (None: a view that is not a
    page): once per request, one query (SharedChrome: the page's translations only)."""
    page = _wagtail_page(page)

    def build():
        site = Site.find_for_request(request)  # Wagtail keeps it on the request, with its root page
        if site is None:
            return SiteChrome({}, {}, [], None, [], {})
        key = SharedChrome.key(site, get_language(), page)
        kept = SharedChrome.get(key)
        if kept is not None:
            return replace(kept, translations=_translations(page) if page else {})
        read_at = time.time()
        chrome = read_chrome(site, page)
        SharedChrome.set(key, chrome, read_at)
        return chrome

    return once_per_request(request, ("chrome", page.pk if page else None), build)


def read_chrome(site, page):
    """The SiteChrome of this site and page (None: a view), from the database in one query."""
    root = site.root_page
    language = get_language()
    keys = {root.translation_key, *([page.translation_key] if page else [])}
    # The home page in this language is the site root's live translation (translations
    # of the root are its siblings): its children are one level below, under its path.
    below_home = Exists(
        Page.objects.live().filter(
            translation_key=root.translation_key,
            locale__language_code=language,
            path=Substr(OuterRef("path"), 1, len(root.path)),
        )
    )
    is_statement = Exists(
        Page.objects.filter(translation_key=OuterRef("translation_key"), slug=ACCESSIBILITY_STATEMENT_SLUG)
    )
    with_feeds = [model for model in get_page_models() if getattr(model, "feeds", None)]
    linked_types = linked_page_types()
    joins = specific_joins(linked_types)  # the linked pages come with their own fields
    in_language = Q(locale_id=page.locale_id) if page else Q(locale__language_code=language)
    pages = (
        Page.objects.live()
        .annotate(below_home=below_home, is_statement=is_statement, private=in_private_section())
        .filter(
            Q(translation_key__in=keys)
            | (
                Q(depth=root.depth + 1, below_home=True, private=False)
                & (Q(show_in_menus=True) | Q(is_statement=True) | _of_types(with_feeds))
            )
            | (in_language & _of_types(linked_types))
        )
        .select_related("locale", "content_type", *joins.values())
        .order_by("path")
    )
    chrome = SiteChrome({}, {}, [], None, [], {})
    for found in pages:
        model = found.content_type.model_class()
        code = found.locale.language_code
        if found.translation_key == root.translation_key:
            chrome.homes[code] = found
        if page is not None and found.translation_key == page.translation_key:
            chrome.translations[code] = found
        if found.depth == root.depth + 1 and found.below_home and not found.private:
            if found.show_in_menus:
                chrome.navigation.append(found)
            if found.is_statement and chrome.statement is None:
                chrome.statement = found
            if getattr(model, "feeds", None):
                chrome.with_feeds.append(found)
        in_page_language = found.locale_id == page.locale_id if page else code == language
        if model in linked_types and in_page_language and model not in chrome.linked:  # first by path
            chrome.linked[model] = getattr(found, joins[model]) if model in joins else found.specific
    return chrome


def linked_page(request, page, model):
    """The live page of type `model` in the language of `page` (of the visitor when there is
    no page), the first in the tree, or None: ContentPage.for_locale, but read with the site
    chrome (no query of its own) when the type is linked_from_other_pages."""
    page = _wagtail_page(page)
    if request is not None and getattr(model, "linked_from_other_pages", False):
        return site_chrome(request, page).linked.get(model)
    return model.for_locale(page.locale_id) if page is not None else None


def home_for_language(request, language_code, page=None):
    """The live home page in that language (the site root's translation), or None. `page`:
    the page shown, whose translations the language links read in the same query."""
    return site_chrome(request, page).homes.get(language_code) if request is not None else None


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
    return home_for_language(request, get_language(), context.get("page")) if request else None


# Query parameters never carried into the other language: a form's CSRF token, and campaign
# tags that say where a link was shared, not what the reader is looking at.
NOT_CARRIED = frozenset({"csrfmiddlewaretoken", "fbclid", "gclid", "msclkid"})
NOT_CARRIED_PREFIXES = ("utm_",)
MAX_CARRIED_QUERY = 512  # longer query strings (never from our own forms) are not carried


def carried_query(request):
    """The query string ("?sector=health&page=2") to carry into the other language, or "":
    what the reader chose (filters, a search, a page number), every non-empty parameter but
    those above, re-encoded here so nothing the visitor typed reaches the link unescaped."""
    params = [
        (name, value)
        for name, values in request.GET.lists()
        if name not in NOT_CARRIED and not name.startswith(NOT_CARRIED_PREFIXES)
        for value in values
        if value.strip()
    ]
    query = urlencode(params)
    return f"?{query}" if query and len(query) <= MAX_CARRIED_QUERY else ""


def place_on_page(page, request):
    """What to add to a translation's URL to keep the reader's place on this page: the
    routable sub-page they are on ("entry/12/", "sector/health/") and the query string, when
    the page type lists that route in `routes_in_every_language` (the same entry, tag or
    filters exist in every language); "" otherwise (the translation's own URL)."""
    match = getattr(request, "routable_resolver_match", None) if request is not None else None
    if match is None or match.url_name not in getattr(page, "routes_in_every_language", ()):
        return ""
    routed = getattr(match.func, "__self__", None)  # the page whose route this was
    if routed is None or routed.pk != page.pk:
        return ""
    return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs) + carried_query(request)


def _is_local_path(url):
    """A path on this site ("/cy/search/"), not "//elsewhere.example/" or "/\\elsewhere"."""
    return url.startswith("/") and not url.startswith(("//", "/\\"))


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: to this page in that language, if it exists, keeping the
    reader's place (place_on_page; for views, the same view with the same query).

    For a Wagtail page we look up its live translations; for anything else (search, error
    pages) Django's translate_url maps the path into the other language's prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    is_page = isinstance(page, Page) and page.pk is not None
    translations = site_chrome(request, page).translations if is_page and request is not None else {}
    place = place_on_page(page, request) if is_page else ""
    links = []
    for code, _name in settings.LANGUAGES:
        name = settings.LANGUAGE_NATIVE_NAMES.get(code, code)
        if is_page and code in translations:
            url, translated = (translations[code].get_url(request) or f"/{code}/") + place, True
        elif is_page:
            url, translated = _home_url(request, code, page), False
        elif request is not None:
            url = translate_url(request.path, code)
            if _is_local_path(url) and (url != request.path or code == current):
                url, translated = url + carried_query(request), True
            else:  # a path no view of ours answers in that language
                url, translated = _home_url(request, code, page), False
        else:
            url, translated = f"/{code}/", True
        links.append(LanguageLink(code, name, url, code == current, translated))
    return links


def _home_url(request, code, page=None):
    home = home_for_language(request, code, page)
    return home.get_url(request) if home else f"/{code}/"


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str  # absolute, at the origin the reader asked for


@register.simple_tag(takes_context=True)
def feed_links(context):
    """The site's feeds in this language, for feed readers to discover (base.html): each
    route a page type below the home page names in its `feeds` attribute, as
    ((route name, title), ...). Their pages come with the navigation's (site_chrome)."""
    request = context.get("request")
    if request is None:
        return []
    links = []
    for page in site_chrome(request, context.get("page")).with_feeds:
        model = page.content_type.model_class()
        page_url = page.get_url(request)
        if page_url is None:
            continue
        for route, title in model.feeds:
            url = request.build_absolute_uri(page_url + model.get_resolver().reverse(route))
            links.append(FeedLink(str(title), url))
    return links


def _home_children(context):
    """The main navigation (marking the visitor's section) and the accessibility statement,
    in this language (site_chrome)."""
    chrome = site_chrome(context["request"], context.get("page"))
    pages, statement = chrome.navigation, chrome.statement
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
    """The page's ancestors from the home page down. Wagtail's routing keeps each page's
    parent on it (get_parent), so a page it served needs no query for them."""
    ancestors = []
    parent = page.get_parent() if page.depth > 2 else None
    while parent is not None:
        ancestors.append(parent)
        parent = parent.get_parent() if parent.depth > 2 else None
    return ancestors[::-1]
