"""Keeping the full review's PDFs up to date (built by full_review.py, scheduled through review_pdf.py): publishing, unpublishing or
deleting a digest, or the review page itself, rebuilds that language's PDF in the background.
And keeping the search index up to date at once when a publication or a page is published."""

from django.db.models.signals import post_delete
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, published


def review_changed(sender, instance, **kwargs):
    from django.conf import settings

    from . import review_pdf
    from .models import LiteratureIndexPage

    language = instance.locale.language_code
    review_pdf.schedule(language)
    if language == settings.LANGUAGE_CODE:
        # Translations list the digests still only in English: theirs may change too (a
        # build with nothing new to show is skipped).
        others = LiteratureIndexPage.objects.live().exclude(locale__language_code=language)
        for other in others.values_list("locale__language_code", flat=True).distinct():
            review_pdf.schedule(other)


def index_now(sender, instance, **kwargs):
    """Wagtail indexes a saved object in a background task, which may wait behind slow work
    (a full-review PDF). The resource pack and site search find things through that index, so
    what a Moderator publishes must be found at once: index it now (the task then repeats it)."""
    index.insert_or_update_object(instance)


def connect():
    """Called from LiteratureConfig.ready()."""
    from .models import BibliographyEntry, DigestPage, LiteratureIndexPage

    published.connect(index_now, sender=BibliographyEntry, dispatch_uid="search-index-now-entry")
    page_published.connect(index_now, dispatch_uid="search-index-now-page")

    for model in (DigestPage, LiteratureIndexPage):
        for signal, name in (
            (page_published, "published"),
            (page_unpublished, "unpublished"),
            (post_delete, "deleted"),
        ):
            signal.connect(review_changed, sender=model, dispatch_uid=f"full-review-pdf-{name}-{model.__name__}")
