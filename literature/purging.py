"""What changes to the literature review and the resource pack show on, for the HTTP cache in
front (pbr_site/core/purging.py notes them and sends them when the transaction commits; it
also does what every page needs: the page itself, the pages listing it, its translations, the
pages below it and the pages linking to it).

- A digest (published, unpublished, moved, deleted): the review in every language (a
  translation lists the digests still only in English), the tag pages of its sectors and
  themes (before and after the change), the entry pages of the publications it cites (they
  list the digests citing them), the digests sharing a theme with it, before or after (their
  "Related digests"), and, when its title, address or live state changed, the glossary pages
  if a term names it among its related digests.
- The review, the pack or the glossary page at a new address, or taken down or put up: every
  page (the digests, entries, tag pages and the site's chrome all link them).
- A bibliography entry (saved while live, unpublished, deleted, its tags changed): the pack in
  every language (its lists and filter counts: purging a path drops every filtered list of
  it), the entry's page in every language, the tag pages of its tags (before and after), the
  digests citing it.
- A sector or theme: the pack and the review (their filters), its tag pages (old and new
  slug), the digests and entry pages showing it.
- A glossary term: the glossary pages (the terminology list has every language) and every
  digest (terms are linked in their text).
- A full review PDF built or removed: the review in every language (it shows the PDF's size
  and date; a translation the English one's), purged by full_review.py itself.

Pages' own addresses include their routable sub-pages: LiteratureIndexPage.get_cached_paths()
lists the tag pages and ResourcePackPage's the entry pages, each as one path ending in "*".
"""

from urllib.parse import quote

from django.db.models import Value
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from pbr_site.core import purging
from wagtail.signals import page_published, page_unpublished, post_page_move, unpublished

from .models.bibliography import BibliographyEntry, EntrySectorTag, EntryThemeTag
from .models.digests import DigestPage, DigestReference, DigestSectorTag, DigestThemeTag
from .models.glossary import GlossaryPage, GlossaryTerm, GlossaryTermDigest
from .models.pages import LiteratureIndexPage, ResourcePackPage
from .models.tags import SectorTag, ThemeTag

# Saves that only keep revisions and locks: nothing readers see changes.
BOOKKEEPING_FIELDS = frozenset({"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"})


# --- resolvers: keys noted during a transaction -> URLs, a few queries for all of them -----------
def review_pages(_keys=()):
    """The review's own page in every language."""
    return purging.shared("reviews", lambda: purging.page_urls(LiteratureIndexPage.objects.live(), main_only=True))


def pack_pages(_keys=()):
    """The pack's own page in every language."""
    return purging.shared("packs", lambda: purging.page_urls(ResourcePackPage.objects.live(), main_only=True))


def tag_pages(keys):
    """Tag pages in every language; keys ("sector" or "theme", tag id or slug)."""
    slugs = {(kind, key) for kind, key in keys if isinstance(key, str)}
    sectors = {key for kind, key in keys if kind == "sector" and isinstance(key, int)}
    themes = {key for kind, key in keys if kind == "theme" and isinstance(key, int)}
    if sectors or themes:
        slugs |= set(
            SectorTag.objects.filter(pk__in=sectors)
            .order_by()
            .annotate(kind=Value("sector"))
            .values_list("kind", "slug")
            .union(
                ThemeTag.objects.filter(pk__in=themes)
                .order_by()
                .annotate(kind=Value("theme"))
                .values_list("kind", "slug")
            )
            .order_by()
        )
    if not slugs:
        return set()
    # Tag slugs may be Unicode: a URL must be ASCII to be sent.
    return {f"{review}{kind}/{quote(slug)}/" for review in review_pages() for kind, slug in slugs}


def entry_pages(ids):
    """These entries' pages in every language."""
    return {f"{pack}entry/{pk}/" for pack in pack_pages() for pk in ids}


def entries_changed(ids):
    """The pack in every language, the entries' pages, their tag pages, the digests citing them."""
    return (
        pack_pages()
        | entry_pages(ids)
        | tag_pages(_tags_of("entry", ids))
        | purging.live_pages_by_id(
            set(DigestReference.objects.filter(entry_id__in=ids).values_list("page_id", flat=True))
        )
    )


def digests_changed(ids):
    """The review in every language, the digests' tag pages and the pages of the entries they cite."""
    cited = set(DigestReference.objects.filter(page_id__in=ids, entry__isnull=False).values_list("entry_id", flat=True))
    return review_pages() | tag_pages(_tags_of("digest", ids)) | entry_pages(cited)


def related_digests(ids):
    """The live digests, in these digests' languages, sharing a theme with one of them."""
    themes = DigestThemeTag.objects.filter(content_object_id__in=ids).values("tag_id")
    locales = DigestPage.objects.filter(pk__in=ids).values("locale_id")
    return purging.page_urls(
        DigestPage.objects.live().filter(theme_items__tag_id__in=themes, locale_id__in=locales).distinct()
    )


def digests_with_themes(keys):
    """The live digests bearing these themes in the language of the digest that lost one (it
    leaves their "Related digests"); keys (theme id, that digest's id)."""
    themes = {theme for theme, _digest in keys}
    locales = DigestPage.objects.filter(pk__in={digest for _theme, digest in keys}).values("locale_id")
    return purging.page_urls(
        DigestPage.objects.live().filter(theme_items__tag_id__in=themes, locale_id__in=locales).distinct()
    )


def glossary_pages(_keys=()):
    return purging.page_urls(GlossaryPage.objects.live())


def glossary_if_related(translation_keys):
    """The glossary pages, when a term names one of these digests (in any language) as related."""
    if GlossaryTermDigest.objects.filter(page__translation_key__in=translation_keys).exists():
        return glossary_pages()
    return set()


def glossary_changed(_keys=()):
    """The glossary pages and every digest (terms are linked in their text)."""
    return glossary_pages() | purging.page_urls(DigestPage.objects.live())


def tags_changed(keys):
    """For changed tags (kind, id): the pack and review (their filters), the tag pages, and the
    digests and entry pages showing the tag."""
    digests, entries = set(), set()
    for kind, digest_rows, entry_rows in (
        ("sector", DigestSectorTag, EntrySectorTag),
        ("theme", DigestThemeTag, EntryThemeTag),
    ):
        ids = {pk for key_kind, pk in keys if key_kind == kind}
        if ids:
            digests |= set(digest_rows.objects.filter(tag_id__in=ids).values_list("content_object_id", flat=True))
            entries |= set(
                entry_rows.objects.filter(tag_id__in=ids, content_object__live=True).values_list(
                    "content_object_id", flat=True
                )
            )
    return pack_pages() | review_pages() | tag_pages(keys) | purging.live_pages_by_id(digests) | entry_pages(entries)


def _tags_of(owner, ids):
    """[(kind, tag id)] of these digests' or entries' current tags: one query."""
    sectors, themes = (DigestSectorTag, DigestThemeTag) if owner == "digest" else (EntrySectorTag, EntryThemeTag)
    rows = (
        sectors.objects.filter(content_object_id__in=ids)
        .order_by()
        .annotate(kind=Value("sector"))
        .values_list("kind", "tag_id")
        .union(
            themes.objects.filter(content_object_id__in=ids)
            .order_by()
            .annotate(kind=Value("theme"))
            .values_list("kind", "tag_id")
        )
        .order_by()
    )
    return set(rows)


# --- receivers ------------------------------------------------------------------------------------
def digest_published(sender, instance, **kwargs):
    if purging.enabled():
        note_digest(instance, purging.change_of(instance))


def digest_unpublished(sender, instance, **kwargs):
    if purging.enabled():
        note_digest(instance, purging.PageChange(title=False, address=False, live=True, menus=False))


def digest_became_alias(sender, instance, **kwargs):
    """post_save: a digest that became a live alias in another language (purging.became_live_alias;
    its tags and references purge their own pages as they are copied)."""
    if purging.became_live_alias(instance, **kwargs):
        note_digest(instance, purging.EVERY_CHANGE)
        # Its theme rows are written after this signal, so before the URLs are collected when it
        # is made outside a transaction (Wagtail's create_alias): the digests sharing its
        # themes, from its source's, which it copies.
        themes = DigestThemeTag.objects.filter(content_object_id=instance.alias_of_id).values_list("tag_id", flat=True)
        purging.purge_later(digests_with_themes, [(theme, instance.pk) for theme in themes])


def digest_moved(sender, instance, **kwargs):
    if purging.enabled():
        note_digest(instance, purging.EVERY_CHANGE)


def note_digest(digest, change):
    purging.purge_later(digests_changed, [digest.pk])
    # Always: a publish saves its themes afresh (Wagtail's tag field sets them), so which
    # were added cannot be told from the rows; the digests sharing one are few.
    purging.purge_later(related_digests, [digest.pk])
    if change.title or change.address or change.live:
        purging.purge_later(glossary_if_related, [digest.translation_key])


def digest_deleted(sender, instance, **kwargs):
    """pre_delete: its tags and references go with it, so read them now."""
    if purging.enabled() and instance.live:
        purging.purge(
            digests_changed([instance.pk])
            | related_digests([instance.pk])
            | glossary_if_related([instance.translation_key])
        )


def section_page_changed(sender, instance, **kwargs):
    """The review, the pack or the glossary page published, unpublished, moved or deleted: at a
    new address or no longer there (or there again), it changes the links of every page."""
    signal = kwargs.get("signal")
    if not purging.enabled() or (signal is pre_delete and not instance.live):
        return
    change = purging.change_of(instance) if signal is page_published else purging.EVERY_CHANGE
    if change.address or change.live:
        purging.purge_everything()


def digest_tag_row_changed(sender, instance, **kwargs):
    """A digest's sector or theme saved or removed (with the digest, when it is published)."""
    if not purging.enabled():
        return
    kind = "sector" if sender._meta.model_name.endswith("sectortag") else "theme"
    purging.purge_later(tag_pages, [(kind, instance.tag_id)])
    if kind == "theme" and kwargs.get("signal") is post_delete:
        purging.purge_later(digests_with_themes, [(instance.tag_id, instance.content_object_id)])


def reference_row_changed(sender, instance, **kwargs):
    """A digest's reference added, changed or removed: the cited entry's page lists the digest."""
    if purging.enabled() and instance.entry_id:
        purging.purge_later(entry_pages, [instance.entry_id])


def entry_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not purging.enabled() or not instance.live:
        return  # a draft shows nowhere (taking an entry down sends `unpublished`)
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    purging.purge_later(entries_changed, [instance.pk])


def entry_unpublished(sender, instance, **kwargs):
    if purging.enabled():
        purging.purge_later(entries_changed, [instance.pk])


def entry_deleted(sender, instance, **kwargs):
    """pre_delete: the references to it are cleared and its tags deleted with it: read them now."""
    if purging.enabled() and instance.live:
        purging.purge(entries_changed([instance.pk]))


def entry_tag_row_changed(sender, instance, **kwargs):
    if purging.enabled():
        kind = "sector" if sender._meta.model_name.endswith("sectortag") else "theme"
        purging.purge_later(tag_pages, [(kind, instance.tag_id)])


def remember_tag_slug(sender, instance, raw=False, **kwargs):
    if purging.enabled() and not raw and instance.pk:
        instance._purging_old_slug = sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()


def tag_saved(sender, instance, raw=False, **kwargs):
    if raw or not purging.enabled():
        return
    kind = _tag_kind(sender)
    purging.purge_later(tags_changed, [(kind, instance.pk)])
    old_slug = getattr(instance, "_purging_old_slug", None)
    if old_slug and old_slug != instance.slug:
        purging.purge_later(tag_pages, [(kind, old_slug)])


def tag_deleted(sender, instance, **kwargs):
    """pre_delete: the digests and entries bearing it lose it with the delete: read them now."""
    if purging.enabled():
        purging.purge(tags_changed([(_tag_kind(sender), instance.pk)]))


def _tag_kind(model):
    return "sector" if issubclass(model, SectorTag) else "theme"


def glossary_term_changed(sender, instance, raw=False, **kwargs):
    if purging.enabled() and not raw:
        purging.purge_later(glossary_changed, [True])


def connect():
    """Called from LiteratureConfig.ready()."""

    def on(signal, receiver, sender, name):
        purging.connect_receiver(signal, receiver, sender, f"literature-purging-{name}-{sender.__name__}")

    on(page_published, digest_published, DigestPage, "published")
    on(page_unpublished, digest_unpublished, DigestPage, "unpublished")
    on(post_save, digest_became_alias, DigestPage, "alias")
    on(post_page_move, digest_moved, DigestPage, "moved")
    on(pre_delete, digest_deleted, DigestPage, "deleted")
    for model in (LiteratureIndexPage, ResourcePackPage, GlossaryPage):
        for signal, name in (
            (page_published, "published"),
            (page_unpublished, "unpublished"),
            (post_page_move, "moved"),
            (pre_delete, "deleted"),
        ):
            on(signal, section_page_changed, model, name)
    for model in (DigestSectorTag, DigestThemeTag):
        on(post_save, digest_tag_row_changed, model, "saved")
        on(post_delete, digest_tag_row_changed, model, "deleted")
    on(post_save, reference_row_changed, DigestReference, "saved")
    on(post_delete, reference_row_changed, DigestReference, "deleted")
    on(post_save, entry_saved, BibliographyEntry, "saved")
    on(unpublished, entry_unpublished, BibliographyEntry, "unpublished")
    on(pre_delete, entry_deleted, BibliographyEntry, "deleted")
    for model in (EntrySectorTag, EntryThemeTag):
        on(post_save, entry_tag_row_changed, model, "saved")
        on(post_delete, entry_tag_row_changed, model, "deleted")
    for model in (SectorTag, ThemeTag):
        on(pre_save, remember_tag_slug, model, "before")
        on(post_save, tag_saved, model, "saved")
        on(pre_delete, tag_deleted, model, "deleted")
    on(post_save, glossary_term_changed, GlossaryTerm, "saved")
    on(post_delete, glossary_term_changed, GlossaryTerm, "deleted")
    # What refers to a document or a page (Wagtail's reference index): an entry's document.
    purging.register_source(BibliographyEntry, entries_changed)
    purging.register_source(GlossaryTerm, glossary_pages)
