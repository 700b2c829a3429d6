"""The site's structure as every public page needs it, read once per content version (memo.py):
which Site a host name means, each language's home page, the pages the main navigation and
the footer link to, and each page's live translations.

Each is what Wagtail or our template tags would read from the database, with the same rules
(live pages only; no page inside a private section in the navigation); only how often they
are read changes. Callers must not change the objects they get: they are shared by the
requests a thread serves until the content changes.
"""

from django.http.request import split_domain_port
from wagtail.models import Page, Site

from .memo import per_content_version

# The accessibility statement is the home page's child whose source (English) page has this
# slug; its translations may have slugs of their own (the Welsh one is "hygyrchedd").
ACCESSIBILITY_STATEMENT_SLUG = "accessibility"


def _site(request):
    site = Site._find_for_request(request)
    if site is not None:
        # Routing starts from the root page in the visitor's language (HomePage.localized):
        # keep the root as its specific type so that look-up is remembered too. The live home
        # pages are read anyway (for the header and the language links): the root is one.
        root = next((home for home in live_homes(site.root_page.translation_key).values()
                     if home.pk == site.root_page_id), None)
        site.root_page = root if root is not None else site.root_page.specific
    return site


class RememberSiteMiddleware:
    """Gives each request its Site (what `Site.find_for_request` would find), remembered per
    host name and port, so Wagtail's routing and our tags do not ask the database for it on
    every request. Place it after the request memo is set up (AnonymousPageCacheMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            # Only hosts Django accepts (ALLOWED_HOSTS): anyone can send any Host header, and
            # each would be remembered. What Wagtail's Site._find_for_request then reads.
            request.get_host()
            key = ("site", split_domain_port(request._get_raw_host())[0], request.get_port())
        except Exception:  # a refused or unusable Host header: Django answers 400 further on
            key = None
        if key is not None:
            request._wagtail_site = per_content_version(key, lambda: _site(request))
        return self.get_response(request)


def live_translations(translation_key, model=Page):
    """{language code: live page} for the pages sharing this translation key (as `model`)."""

    def build():
        pages = model.objects.filter(translation_key=translation_key).live().select_related("locale")
        return {page.locale.language_code: page for page in pages}

    return per_content_version(("translations", model._meta.label, translation_key), build)


def live_homes(translation_key):
    """{language code: live HomePage} for the home page with this translation key."""
    from .models import HomePage

    return live_translations(translation_key, HomePage)


def home_for_language(request, language_code):
    """The live home page in that language (the site root's translation), or None."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    return live_homes(site.root_page.translation_key).get(language_code)


def home_children(home):
    """(the main navigation's pages, the accessibility statement or None) below this home
    page: its live, public children shown in menus, and its child whose English page has the
    statement's slug. One query per content version, shared with feed_pages."""
    navigation, statement, _with_feeds = _home_children(home)
    return navigation, statement


def feed_pages(home):
    """The pages below this home page whose type publishes feeds (a `feeds` attribute: see
    core_tags.feed_links), their content types fetched with them. No query of their own: read
    with home_children."""
    return _home_children(home)[2]


def _home_children(home):
    from django.db.models import Exists, OuterRef, Q
    from wagtail.models import get_page_models

    from .routing import public

    def build():
        is_statement = Exists(
            Page.objects.filter(translation_key=OuterRef("translation_key"), slug=ACCESSIBILITY_STATEMENT_SLUG)
        )
        has_feeds = Q()
        for model in get_page_models():
            if getattr(model, "feeds", None):
                has_feeds |= Q(content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name)
        children = (
            public(home.get_children().live())
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

    return per_content_version(("home-children", home.pk), build)
