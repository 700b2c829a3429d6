"""The full literature review as a PDF, built from one review page's published digests.

What it holds: a cover (title, the date it was built, the review's web address), a table of
contents, the review page's introduction and body, then every live digest of that language
(summary, strength of evidence, tags, key messages, body and numbered references, as on the
site) and, in a translation, the digests still only in English. WeasyPrint lays it out from
templates/literature/full_review_pdf.html as a tagged PDF (PDF/UA-1) with the language set.

When: the background task `build_full_review` (run by `manage.py db_worker`), enqueued for a
language by review_pdf.schedule (on every publish, unpublish or delete of a digest or of the
review: signals.py) or by the review page itself when a reader asks for a PDF not built yet
(request_build). A task whose inputs (the live revisions and LAYOUT_VERSION) match the
stored PDF's does nothing, so the tasks left over from a burst of publishes cost a few queries
each.

Where: Django's default storage, under FOLDER: `pbr-literature-review-<lang>-<fingerprint>.pdf`
and `<lang>.json`, which says which PDF is current (written after the PDF, so readers never
get half a file). Staff who want their own designed version choose it as the review page's
"full review" document instead (LiteratureIndexPage.full_review_download); the built PDF
stays behind it.

It is handed the review page (LiteratureIndexPage) and asks it for what it needs (its English
original, its resource pack, its tag pages' addresses): the page serves the PDF and asks for
builds, so this module does not import the page's module. Finding a language's review page is
review_pdf.py's.
"""

import hashlib
import json
import logging
import re
import time

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from pbr_site.core import purging
from pbr_site.core.addresses import public_url
from wagtail.models import Page

from .citations import link_citations
from .models.digests import DigestPage

logger = logging.getLogger(__name__)

FOLDER = "full-review"
# Change it when the template, its CSS or what goes in changes: every PDF is then rebuilt
# the next time a build is asked for (a publish, or the demo loader).
LAYOUT_VERSION = "1"
# pdf/ua-1: WeasyPrint tags headings, paragraphs, lists, tables, links and figures, and
# writes the language, title and PDF/UA identification (checked in the tests).
PDF_VARIANT = "pdf/ua-1"


# --- what is stored ---------------------------------------------------------------
def _metadata_name(language_code):
    return f"{FOLDER}/{language_code}.json"


def stored_now(language_code):
    """As stored(), read afresh."""
    name = _metadata_name(language_code)
    try:
        with default_storage.open(name) as file:
            stored = json.loads(file.read())
    except (FileNotFoundError, OSError, ValueError):
        return None
    return stored if default_storage.exists(stored.get("name", "")) else None


def stored(language_code):
    """What is known of this language's built PDF (name, size, pages, built_at as ISO 8601,
    the translation keys of the digests in it, fingerprint), or None: read from storage each
    time (the HTTP cache in front keeps the review page until a build purges it)."""
    return stored_now(language_code)


def open_pdf(stored_pdf):
    return default_storage.open(stored_pdf["name"], "rb")


# --- building ---------------------------------------------------------------------
def published_digests(review):
    return list(
        DigestPage.objects.child_of(review)
        .live()
        .public()
        .prefetch_related("theme_tags", "sector_tags")
        .order_by("title")
    )


def fingerprint(review, digests, untranslated=()):
    """Changes whenever what the PDF would show changes through a publish or unpublish."""
    inputs = [
        LAYOUT_VERSION,
        review.pk,
        review.live_revision_id,
        [(digest.pk, digest.live_revision_id) for digest in [*digests, *untranslated]],
    ]
    return hashlib.sha256(json.dumps(inputs).encode()).hexdigest()[:16]


def build(review, language_code, force=False):
    """Build this language's PDF from `review` (its live review page, or None) if what it
    would hold has changed since the stored one. Returns what happened, as a JSON-able dict
    (the task's result)."""
    digests = published_digests(review) if review is not None else []
    if not digests:
        # No review or no digests in this language: a PDF would be an empty shell. The page
        # says so and links the English one.
        removed = _remove(review, language_code)
        return {"language": language_code, "status": "removed" if removed else "nothing to build"}
    untranslated = english_only(review, digests)
    stamp = fingerprint(review, digests, untranslated)
    previous = stored_now(language_code)
    if previous and previous.get("fingerprint") == stamp and not force:
        return {"language": language_code, "status": "unchanged", "name": previous["name"]}
    started = time.perf_counter()
    built_at = timezone.now()
    pdf, pages = render_pdf(review, digests, language_code, built_at, untranslated)
    name = default_storage.save(f"{FOLDER}/pbr-literature-review-{language_code}-{stamp}.pdf", ContentFile(pdf))
    metadata = {
        "name": name,
        "size": len(pdf),
        "pages": pages,
        "built_at": built_at.isoformat(),
        "fingerprint": stamp,
        "digests": [str(digest.translation_key) for digest in digests],
    }
    if not _replace(_metadata_name(language_code), json.dumps(metadata).encode()):
        default_storage.delete(name)  # another build stored its PDF at the same moment: it stands
        return {"language": language_code, "status": "superseded"}
    if previous and previous["name"] != name:
        default_storage.delete(previous["name"])
    _built_or_removed(review)
    seconds = round(time.perf_counter() - started, 2)
    logger.info(
        "Built the %s full review: %s digests, %s pages, %s bytes in %s s",
        language_code,
        len(digests),
        pages,
        len(pdf),
        seconds,
    )
    return {
        "language": language_code,
        "status": "built",
        "name": name,
        "pages": pages,
        "size": len(pdf),
        "seconds": seconds,
    }


def _replace(name, content):
    """Write `name`, replacing what was there (storages otherwise pick a new name). False if
    another build wrote it between the delete and the save."""
    if default_storage.exists(name):
        default_storage.delete(name)
    saved = default_storage.save(name, ContentFile(content))
    if saved != name:
        default_storage.delete(saved)
        return False
    return True


def _remove(review, language_code):
    previous = stored_now(language_code)
    name = _metadata_name(language_code)
    if default_storage.exists(name):
        default_storage.delete(name)
    if previous:
        default_storage.delete(previous["name"])
        _built_or_removed(review)
    return previous is not None


def _built_or_removed(review):
    """The review pages show the PDF's size and date, and a translation the English one's
    (LiteratureIndexPage.index): purge the review in every language from the HTTP cache in
    front. Without a live review in this language no page showed this PDF."""
    if review is not None:
        purging.purge_later(_reviews, [review.translation_key])


def _reviews(translation_keys):
    """The review's own page in every language."""
    return purging.page_urls(Page.objects.live().filter(translation_key__in=translation_keys), main_only=True)


@task()
def build_full_review(language_code, review_id=None):
    """The background task: build (or skip, or remove) one language's PDF from its live review
    page (review_id; None when the language has none)."""
    review = Page.objects.live().filter(pk=review_id, locale__language_code=language_code).first()
    return build(review.specific if review is not None else None, language_code)


def request_build(review):
    """A reader found no PDF (a new site, a restored backup, a lost file): ask for a build of
    the review's language, at most once in five minutes per language, whoever else asks
    meanwhile."""
    language_code = review.locale.language_code
    if cache.add(f"pbr:full-review-requested:{language_code}", True, 300):
        enqueue(language_code, review.pk)


def enqueue(language_code, review_id):
    """Enqueue a build once the current transaction commits (the worker must see the change)."""
    transaction.on_commit(lambda: build_full_review.enqueue(language_code, review_id), robust=True)


# --- rendering --------------------------------------------------------------------
HEADING = re.compile(r"<(/?)h([1-5])(?=[\s>])")
ID_ATTRIBUTE = re.compile(r'\b(id|aria-labelledby|aria-describedby)="')


def _demoted(html):
    """Headings one level down: on the site a digest's title is the page's h1, in the PDF an h2."""
    return HEADING.sub(lambda match: f"<{match[1]}h{int(match[2]) + 1}", html)


def _scoped(html, prefix):
    """Ids and in-document links made unique to one digest: each digest has its reference 1."""
    html = ID_ATTRIBUTE.sub(lambda match: f'{match[1]}="{prefix}', html)
    return html.replace('href="#', f'href="#{prefix}')


def _digest_for_pdf(digest, review, review_url, pack_url):
    prefix = f"d{digest.pk}-"
    body = digest.body.render_as_block({"page": digest, "request": None})
    body = link_citations(body, digest.citation_numbers(), label=gettext("Reference"))
    references = digest.numbered_references()
    for reference in references:
        reference.entry_url = f"{pack_url}entry/{reference.entry.pk}/" if pack_url and reference.entry else ""
    return {
        "page": digest,
        "url": public_url(digest.url),
        "anchor": f"digest-{digest.pk}",
        "prefix": prefix,
        "body": mark_safe(_demoted(_scoped(body, prefix))),  # noqa: S308 (Wagtail's rendered, escaped blocks)
        "references": references,
        "themes": _tag_links(digest.theme_tags.all(), review, review_url),
        "sectors": _tag_links(digest.sector_tags.all(), review, review_url),
    }


def _tag_links(tags, review, review_url):
    return [{"label": tag.label, "url": review.tag_path(review_url, tag)} for tag in tags]


def page_number_css(text):
    """gettext("Page {page} of {pages}") as a CSS `content` value with page counters (this PDF's
    and the self-assessment result's: toolkit/result_pdf.py)."""
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", text):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return mark_safe(" ".join(parts))  # noqa: S308 (quoted above; only our own translated text)


def english_only(review, digests):
    """The live English digests with no live translation in this review's language."""
    english = review.english_review()
    if english is None:
        return []
    translated = {digest.translation_key for digest in digests}
    return [
        digest
        for digest in DigestPage.objects.child_of(english).live().public().defer_streamfields().order_by("title")
        if digest.translation_key not in translated
    ]


def render_html(review, digests, language_code, built_at, untranslated=()):
    with translation.override(language_code):
        pack = review.resource_pack()
        review_url = public_url(review.url)
        review_body = review.body.render_as_block({"page": review, "request": None})
        return render_to_string(
            "literature/full_review_pdf.html",
            {
                "review": review,
                "language_code": language_code,
                "review_body": mark_safe(_demoted(_scoped(review_body, "intro-"))),  # noqa: S308 (as above)
                "digests": [
                    _digest_for_pdf(digest, review, review_url, public_url(pack.url) if pack else "")
                    for digest in digests
                ],
                "english_only": untranslated,
                "built_at": built_at,
                "address": review_url,
                "page_number_css": page_number_css(gettext("Page {page} of {pages}")),
            },
        )


def render_pdf(review, digests, language_code, built_at, untranslated=()):
    """(PDF bytes, number of pages). `untranslated`: the English digests not yet in this language."""
    from weasyprint import HTML

    html = render_html(review, digests, language_code, built_at, untranslated)
    document = HTML(string=html, base_url=public_url(review.url)).render()
    return document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages)
