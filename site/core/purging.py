"""Purging the HTTP cache in front (Varnish) when content changes, in every language.

Wagtail's frontend cache (settings.WAGTAILFRONTENDCACHE) purges a page's own addresses when it
is published or unpublished, through a task the worker runs. Everything else a change shows on
is ours: the pages listing it, its translations (their language links), the pages below it
(breadcrumbs, addresses), the pages linking to it, and, for what every page's header or footer
shows, every page. The apps add what their own content shows on (literature/purging.py,
toolkit/purging.py). A page's addresses are Wagtail's: its URL plus each of its
get_cached_paths() (routable sub-pages such as the pack's entries and the review's tag pages).

How: receivers note what changed. What will be gone at commit (a deleted page, a page's
addresses before a move or a new slug) is turned into URLs at once; the rest is noted as keys
for a resolver, and each resolver turns all its keys into URLs in a few queries when the
transaction commits, however many things changed. The URLs are then purged at once, in the
request, so the editor sees the change on the next page they open; and again by a task a few
seconds later (see send).

Nothing configured (make run): nothing is noted or sent, and no query is spent.
"""

import copy
import logging
import threading
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, PageLogEntry, PageViewRestriction, ReferenceIndex, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from .models import ACCESSIBILITY_STATEMENT_SLUG

logger = logging.getLogger(__name__)

# A page being rendered when the change commits may have read the old content: it can reach
# the HTTP cache just after the first purge. The second purge, this long after, removes it.
REPEAT_AFTER = timedelta(seconds=5)

# The page fields whose change shows beyond the page itself (pre_save reads them before a save).
WATCHED_FIELDS = ("title", "slug", "url_path", "live", "show_in_menus")


def enabled():
    """Is there an HTTP cache to purge (settings.WAGTAILFRONTENDCACHE)?"""
    return bool(get_backends())


class HTTPBackendWithTimeout(HTTPBackend):
    """Wagtail's HTTPBackend (settings.WAGTAILFRONTENDCACHE), giving up on a PURGE after
    TIMEOUT seconds (OPTIONS "TIMEOUT", default 2). Wagtail's waits as long as the operating
    system does, and the first purge runs in the editor's request: a cache that accepts
    connections and never answers would hang every publish. The request is built as Wagtail
    builds it. Delete when Wagtail's HTTPBackend takes a time-out."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 2))
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment]),
            headers={"Host": host, "User-Agent": "Wagtail-frontendcache"},
        )
        try:
            # The address is settings.WAGTAILFRONTENDCACHE's (FRONTEND_CACHE_URL), never a visitor's.
            urlopen(request, timeout=self.timeout).close()  # noqa: S310
        except OSError as error:  # HTTPError and URLError are OSErrors; so is a time-out
            logger.error("Could not purge %r from the HTTP cache: %s", url, error)


# --- noting what changed, sending it on commit ---------------------------------------------
_pending = threading.local()


def _batch():
    batch = getattr(_pending, "batch", None)
    if batch is None:
        batch = _pending.batch = {"urls": set(), "later": defaultdict(set)}
    return batch


def _send_on_commit():
    # One callback per note, each sending whatever is pending (the first sends it all): a
    # callback of a savepoint that was rolled back is dropped, and what was noted in it goes
    # with the next one.
    transaction.on_commit(send_pending, robust=True)


def purge(urls):
    """Purge these URLs when the current transaction commits (at once outside one)."""
    if enabled() and urls:
        _batch()["urls"].update(urls)
        _send_on_commit()


def purge_later(resolver, keys):
    """Purge resolver(keys) when the current transaction commits: a function of a set of keys
    (ids, paths...) to URLs, called once with every key noted for it in the transaction."""
    if enabled() and keys:
        _batch()["later"][resolver].update(keys)
        _send_on_commit()


def purge_everything():
    """Every live page in every language: for what every page shows (header, footer, language links)."""
    purge_later(everything, [True])


def send_pending():
    batch = getattr(_pending, "batch", None)
    _pending.batch = None
    if not batch:
        return
    try:
        urls = collect(batch)
    except Exception:  # the change is committed: a failed purge must not fail the editor's request
        logger.exception("Could not collect the URLs to purge from the HTTP cache")
        return
    send(urls)


def collect(batch):
    urls = set(batch["urls"])
    _pending.shared = {}
    try:
        for resolver, keys in batch["later"].items():
            urls.update(resolver(keys))
    finally:
        _pending.shared = None
    return urls


def shared(key, build):
    """build(), once while the URLs of a commit are collected: what several resolvers need
    (the pack's and the review's addresses in each language) is read once."""
    memo = getattr(_pending, "shared", None)
    if memo is None:
        return build()
    if key not in memo:
        memo[key] = build()
    return memo[key]


def send(urls):
    """Purge now, then again after REPEAT_AFTER through Wagtail's task (a worker runs it)."""
    urls = sorted(urls)
    if not urls:
        return
    try:
        purge_urls_from_cache_task.call(urls)
    except Exception:  # Wagtail's HTTP backend logs an unreachable cache; anything else is logged here
        logger.exception("Could not purge %s URLs from the HTTP cache", len(urls))
    task = purge_urls_from_cache_task
    if not task.get_backend().supports_defer:
        return  # a backend that cannot wait (tests run tasks at once) would only repeat the first purge
    try:
        task.using(run_after=timezone.now() + REPEAT_AFTER).enqueue(urls)
    except Exception:
        logger.exception("Could not enqueue the second purge of %s URLs", len(urls))


# --- pages' addresses ---------------------------------------------------------------------------
def page_urls(pages, main_only=False):
    """Every address the HTTP cache may hold for these pages (Wagtail's: the page's URL and its
    get_cached_paths()); with main_only, only the page's own URL. No query of its own but the
    site root paths (cached) and what get_cached_paths() needs."""
    batch = PurgeBatch()
    for page in pages:
        if main_only:
            url = page.get_full_url(batch)
            if url:
                batch.add_url(url)
        else:
            batch.add_page(page)
    return batch.urls


def page_urls_at(page, url_path):
    """The page's addresses had it this url_path (the one it had before a move or a new slug)."""
    moved = copy.copy(page)
    moved.url_path = url_path
    return page_urls([moved])


def pages_by_id(ids):
    """These pages' addresses, live or not (a page just unpublished still has cached copies)."""
    return page_urls(Page.objects.filter(pk__in=ids))


def live_pages_by_id(ids):
    return page_urls(Page.objects.live().filter(pk__in=ids))


def ancestor_main_urls(paths):
    """The main URL of the live pages at these tree paths (the ancestors that list a page)."""
    return page_urls(Page.objects.live().filter(path__in=paths, depth__gt=1), main_only=True)


def live_translations(translation_keys):
    """Every live page sharing these translation keys: their language links point at each other."""
    return page_urls(Page.objects.live().filter(translation_key__in=translation_keys))


def live_descendants(paths):
    """The live pages below these tree paths: their breadcrumbs and addresses carry the ancestor's."""
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    return page_urls(Page.objects.live().filter(below).exclude(path__in=paths))


def everything(_keys=()):
    return page_urls(Page.objects.live().filter(depth__gt=1).order_by("path"))


def ancestor_paths(page, path=None):
    """The tree paths of the page's ancestors from the home page (depth 2) down."""
    path = path or page.path
    return [path[: page.steplen * depth] for depth in range(2, len(path) // page.steplen)]


# --- whatever links to a changed object (Wagtail's reference index) -----------------------------
# {model: function(ids) -> URLs}: what a snippet shows on, for objects it refers to (a
# bibliography entry's document...). The apps register theirs.
SOURCES = {}


def register_source(model, resolver):
    SOURCES[model] = resolver


def referencing(keys):
    """The addresses of whatever refers to these objects ((content type id, pk) keys): live
    pages (a part card, a link in rich text) and snippets registered in SOURCES. Two queries
    and the snippets' own."""
    from django.contrib.contenttypes.models import ContentType

    linked_to = Q()
    for content_type_id, pk in keys:
        linked_to |= Q(to_content_type_id=content_type_id, to_object_id=str(pk))
    sources = defaultdict(set)
    for content_type_id, pk in ReferenceIndex.objects.filter(linked_to).values_list(
        "base_content_type_id", "object_id"
    ):
        sources[content_type_id].add(pk)
    urls = set()
    for content_type_id, ids in sources.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and issubclass(model, Page):
            urls |= live_pages_by_id(ids)
        elif model in SOURCES:
            urls |= set(SOURCES[model]({int(pk) for pk in ids}))
    return urls


def note_references_to(instance):
    from django.contrib.contenttypes.models import ContentType

    model = Page if isinstance(instance, Page) else type(instance)
    purge_later(referencing, [(ContentType.objects.get_for_model(model).pk, instance.pk)])


# --- page changes ------------------------------------------------------------------------------
@dataclass(frozen=True)
class PageChange:
    """What changed about a page as readers see it elsewhere."""

    title: bool
    address: bool
    live: bool
    menus: bool

    @property
    def beyond_itself(self):
        return self.title or self.address or self.live or self.menus


EVERY_CHANGE = PageChange(title=True, address=True, live=True, menus=True)


def remember_before(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: keep what the page was (one query), to see what the save changes."""
    if raw or instance.pk is None or not enabled():
        return
    if update_fields is not None and not set(update_fields) & set(WATCHED_FIELDS):
        return  # revision bookkeeping (a draft saved): nothing readers see
    instance._purging_before = Page.objects.filter(pk=instance.pk).values(*WATCHED_FIELDS).first()


def as_last_published(page):
    """The page's title, slug, address and menu setting as readers last saw them: from the
    revision published before the live one. The row before the save is not enough:
    wagtail-localize saves a translation's new title and slug to the page before it publishes
    it. Kept on the page (the receivers of several apps ask)."""
    if "_purging_last_published" not in page.__dict__:
        entry = (
            PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish", revision__isnull=False)
            .exclude(revision_id=page.live_revision_id)
            .select_related("revision")
            .order_by("-timestamp", "-pk")
            .first()
        )
        content = entry.revision.content if entry is not None else {}
        page._purging_last_published = {field: content[field] for field in WATCHED_FIELDS if field in content}
    return page._purging_last_published


def change_of(page):
    """What the last save changed (every kind of change when not known)."""
    before = getattr(page, "_purging_before", None)
    if before is None:
        return EVERY_CHANGE
    if "live" in before and before["live"]:  # it was live: compare with what readers last saw
        before = {**before, **{k: v for k, v in as_last_published(page).items() if k != "live"}}
        page._purging_before = before
    return PageChange(
        title=before["title"] != page.title,
        address=before["url_path"] != page.url_path,
        live=before["live"] != page.live,
        menus=before["show_in_menus"] != page.show_in_menus,
    )


def in_every_pages_chrome(page, was_in_menus=False, home_child=None):
    """Does every page show this page? A home page (the header's link, the language links'
    fallback), or a home page's child (home_child: it is or was one) in the main navigation,
    with feeds (named in every page's head) or the accessibility statement (the footer's link)."""
    if page.depth == 2:
        return True
    if not (page.depth == 3 if home_child is None else home_child):
        return False
    model = page.specific_class
    if page.show_in_menus or was_in_menus or getattr(model, "feeds", None):
        return True
    if getattr(model, "linked_from_other_pages", False):  # e.g. the get-involved banner's link
        return True
    return Page.objects.filter(translation_key=page.translation_key, slug=ACCESSIBILITY_STATEMENT_SLUG).exists()


def note_page_change(page, change, old_url_path=None):
    """Note every address a change to this page shows on (but its app's own: literature/purging.py)."""
    purge_later(pages_by_id, [page.pk])
    purge_later(ancestor_main_urls, ancestor_paths(page))
    if change.address or change.live:
        purge_later(live_translations, [page.translation_key])
    if change.address or change.live or change.title:
        purge_later(live_descendants, [page.path])
        note_references_to(page)
    if old_url_path and old_url_path != page.url_path:
        purge(page_urls_at(page, old_url_path) | descendants_at(page, old_url_path))
    before = getattr(page, "_purging_before", None) or {}
    if change.beyond_itself and (page.depth != 2 or change.address or change.live):
        # The footer finds the statement by its English slug: changing that slug changes every footer.
        was_statement = before.get("slug") == ACCESSIBILITY_STATEMENT_SLUG and page.depth == 3
        if was_statement or in_every_pages_chrome(page, was_in_menus=before.get("show_in_menus", False)):
            purge_everything()


def descendants_at(page, old_url_path):
    """The addresses the live pages below had when the page's url_path was old_url_path."""
    urls = set()
    for descendant in Page.objects.live().descendant_of(page).order_by("path"):
        urls |= page_urls_at(descendant, old_url_path + descendant.url_path[len(page.url_path) :])
    return urls


def page_published_receiver(sender, instance, **kwargs):
    if enabled():
        change = change_of(instance)
        before = getattr(instance, "_purging_before", None)
        note_page_change(instance, change, old_url_path=before["url_path"] if before else None)


def became_live_alias(instance, created=False, raw=False, update_fields=None, **kwargs):
    """post_save's arguments: a page that has just become a live alias, for which Wagtail and
    wagtail-localize send no publish. Either made as one, live: wagtail-localize's synchronised
    trees make one in each language that follows the page's (after_create_page: a page a
    Moderator creates and publishes at once); or a live translation turned back into one
    (wagtail-localize's "Convert to alias page": it copies the source's content in, then saves
    alias_of_id alone)."""
    if not enabled() or raw or not instance.alias_of_id or not instance.live:
        return False
    return created or (update_fields is not None and "alias_of_id" in update_fields)


def alias_receiver(sender, instance, created=False, **kwargs):
    """post_save: a page that became a live alias shows its source's content and title: as a publish."""
    if not became_live_alias(instance, created=created, **kwargs):
        return
    if created:
        note_page_change(instance, EVERY_CHANGE)
        return
    # Converted: wagtail-localize saved the source's content through another object, so this one
    # still holds the translation's title, address and menu setting, i.e. what readers last saw.
    page = type(instance).objects.get(pk=instance.pk)
    page._purging_before = {field: getattr(instance, field) for field in WATCHED_FIELDS}
    note_page_change(page, EVERY_CHANGE, old_url_path=instance.url_path)


def page_unpublished_receiver(sender, instance, **kwargs):
    if enabled():
        note_page_change(instance, PageChange(title=False, address=False, live=True, menus=False))


def pre_page_move_receiver(sender, instance, url_path_before, url_path_after, **kwargs):
    """Before a move: the page's and its descendants' addresses, which the move changes."""
    if enabled() and instance.live and url_path_before != url_path_after:
        purge(page_urls_at(instance, url_path_before) | descendants_at(instance, url_path_before))


def post_page_move_receiver(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    if not enabled() or not instance.live:
        return
    moved = url_path_before != url_path_after
    # A move within the same parent (a new order) changes its parent's listing and, for the
    # home page's children, the navigation.
    change = PageChange(title=False, address=moved, live=False, menus=not moved)
    note_page_change(instance, change)
    purge_later(ancestor_main_urls, [*ancestor_paths(parent_page_before), parent_page_before.path])
    if moved and parent_page_before.depth == 2 and in_every_pages_chrome(instance, home_child=True):
        purge_everything()  # it left a home page: the navigation or the footer loses it


def page_deleted_receiver(sender, instance, **kwargs):
    """pre_delete: a live page's addresses, while it is there to compute them (each page of a
    deleted section gets its own signal)."""
    if enabled() and instance.live:
        purge(page_urls([instance]))
        note_page_change(instance, PageChange(title=False, address=False, live=True, menus=True))


# --- everything else every page shows ----------------------------------------------------------
def site_changed(sender, instance, **kwargs):
    """A site's host name or root page: every address."""
    if enabled():
        purge_everything()


def view_restriction_changed(sender, instance, raw=False, **kwargs):
    """A section made private or public again (Wagtail's Privacy dialog sends no publish):
    the section, and the navigation and listings on every page that show or hide it."""
    if enabled() and not raw:
        purge_everything()


def document_or_image_changed(sender, instance, raw=False, **kwargs):
    """A document's title or file, an image's file or focal point: the pages and snippets
    referring to it (Wagtail's reference index)."""
    if enabled() and not raw:
        note_references_to(instance)


def remember_redirect_path(sender, instance, raw=False, **kwargs):
    if enabled() and not raw and instance.pk:
        instance._purging_old_path = (
            type(instance).objects.filter(pk=instance.pk).values_list("old_path", flat=True).first()
        )


def redirect_changed(sender, instance, raw=False, **kwargs):
    """The redirect's old path (and the one it had): a page may be cached there. Wagtail
    stores the path without its trailing slash; pages are served with one."""
    if not enabled() or raw:
        return
    paths = {instance.old_path, getattr(instance, "_purging_old_path", None) or instance.old_path}
    sites = [instance.site] if instance.site_id else Site.objects.all()
    purge({site.root_url + path.rstrip("/") + end for site in sites for path in paths for end in ("", "/")})


# --- wiring -------------------------------------------------------------------------------------
CONNECTIONS = []  # (signal, receiver, sender, dispatch_uid): every receiver of purging, in one list


def connect_receiver(signal, receiver, sender, uid):
    signal.connect(receiver, sender=sender, dispatch_uid=uid)
    CONNECTIONS.append((signal, receiver, sender, uid))


def connect():
    """Called from CoreConfig.ready()."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for model in get_page_models():
        connect_receiver(pre_save, remember_before, model, f"purging-before-{model._meta.label}")
        connect_receiver(page_published, page_published_receiver, model, f"purging-published-{model._meta.label}")
        connect_receiver(page_unpublished, page_unpublished_receiver, model, f"purging-unpublished-{model._meta.label}")
        connect_receiver(post_save, alias_receiver, model, f"purging-alias-{model._meta.label}")
        connect_receiver(pre_page_move, pre_page_move_receiver, model, f"purging-pre-move-{model._meta.label}")
        connect_receiver(post_page_move, post_page_move_receiver, model, f"purging-post-move-{model._meta.label}")
    # Deleting a page deletes its base Page row, whatever its type: one signal per page.
    connect_receiver(pre_delete, page_deleted_receiver, Page, "purging-deleted-page")
    for signal in (post_save, post_delete):
        connect_receiver(signal, site_changed, Site, f"purging-site-{id(signal)}")
        connect_receiver(signal, view_restriction_changed, PageViewRestriction, f"purging-restriction-{id(signal)}")
        connect_receiver(signal, redirect_changed, Redirect, f"purging-redirect-{id(signal)}")
        for model in (get_document_model(), get_image_model()):
            connect_receiver(signal, document_or_image_changed, model, f"purging-{model._meta.label}-{id(signal)}")
    connect_receiver(pre_save, remember_redirect_path, Redirect, "purging-redirect-before")
