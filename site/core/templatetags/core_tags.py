"""Template tags for the site chrome: main navigation, the footer's link to the accessibility
statement, the language switcher and the feeds named for feed readers.

Each is read from the database on every request, once: the header, footer, banner and
language switcher share what they read through the request (site_chrome), so a page's chrome
costs the same few queries whatever it shows. Nothing is kept beyond the request: a publish
shows on the next one.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site, get_page_models

register = template.Library()

# The accessibility statement is the home page's child whose source (English) page has this
# slug; its translations may have slugs of their own (the Welsh one is "hygyrchedd").
ACCESSIBILITY_STATEMENT_SLUG = "accessibility"


def once_per_request(request, name, build):
    """build(), once per request: several tags on one page need the same pages. Kept on the
    request object, so it lives and dies with the request."""
    found = request.__dict__.setdefault("pbr_site_chrome", {})
    if name not in found:
        found[name] = build()
    return found[name]


def _wagtail_page(page):
    return page if isinstance(page, Page) and page.pk is not None else None


def live_translations(request, page=None):
    """({language code: live home page}, {language code: live translation of `page`}) for the
    request's site and the page it shows (None: a view that is not a page): one query for
    both, once per request."""
    page = _wagtail_page(page)

    def build():
        site = Site.find_for_request(request)  # Wagtail keeps it on the request, with its root page
        home_key = site.root_page.translation_key if site is not None else None
        keys = {key for key in (home_key, page.translation_key if page else None) if key}
        pages = Page.objects.live().filter(translation_key__in=keys).select_related("locale") if keys else []
        homes, translations = {}, {}
        for found in pages:
            if found.translation_key == home_key:
                homes[found.locale.language_code] = found
            if page is not None and found.translation_key == page.translation_key:
                translations[found.locale.language_code] = found
        return homes, translations

    return once_per_request(request, ("translations", page.pk if page else None), build)


def home_for_language(request, language_code, page=None):
    """The live home page in that language (the site root's translation), or None. `page`:
    the page shown, whose translations the language links read in the same query."""
    return live_translations(request, page)[0].get(language_code) if request is not None else None


def in_private_section():
    """True for a page in a private section (a view restriction on it or on an ancestor):
    Wagtail's PageQuerySet.public() rule as a subquery, so the navigation costs one query
    (.public() first reads every restriction)."""
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))


def home_children(request, home):
    """(the main navigation's pages, the accessibility statement or None, the pages whose
    type publishes feeds) below this home page: its live, public children, in one query
    once per request."""

    def build():
        is_statement = Exists(
            Page.objects.filter(translation_key=OuterRef("translation_key"), slug=ACCESSIBILITY_STATEMENT_SLUG)
        )
        has_feeds = Q()
        for model in get_page_models():
            if getattr(model, "feeds", None):
                has_feeds |= Q(
                    content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name
                )
        children = (
            home.get_children()
            .live()
            .exclude(in_private_section())
            .select_related("content_type")
            .annotate(is_statement=is_statement)
            .filter(Q(show_in_menus=True) | Q(is_statement=True) | has_feeds)
        )
        statement = None
        navigation = []
        with_feeds = []
        for child in children:
            if child.is_statement and statement is None:
                statement = child
            if child.show_in_menus:
                navigation.append(child)
            if getattr(child.content_type.model_class(), "feeds", None):
                with_feeds.append(child)
        return navigation, statement, with_feeds

    return once_per_request(request, ("home-children", home.pk), build)


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
    translations = live_translations(request, page)[1] if is_page and request is not None else {}
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
    ((route name, title), ...). Their pages come with the navigation's (home_children)."""
    request = context.get("request")
    home = home_for_language(request, get_language(), context.get("page")) if request is not None else None
    if home is None:
        return []
    links = []
    for page in home_children(request, home)[2]:
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
    in this language (home_children)."""
    request = context["request"]
    home = home_for_language(request, get_language(), context.get("page"))
    if home is None:
        return [], None
    pages, statement, _with_feeds = home_children(request, home)
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
