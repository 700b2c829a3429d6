"""Which language's full review PDF to build, and when: full_review.py builds one from a review
page; this finds the live review page of a language for those who only know the language (a
publish or unpublish in signals.py, the demo loader).

Apart from full_review.py because the review page uses that module (it serves the PDF and asks
for a build) and this one looks the page up.
"""

import contextlib
import contextvars

from . import full_review
from .models.pages import LiteratureIndexPage

# Languages whose build waits for the end of a `held_builds()` block (None: none held).
_held = contextvars.ContextVar("held_review_builds", default=None)


def review_in(language_code):
    return LiteratureIndexPage.objects.live().filter(locale__language_code=language_code).order_by("path").first()


def build(language_code, force=False):
    """Build (or skip, or remove) this language's PDF now: full_review.build."""
    return full_review.build(review_in(language_code), language_code, force=force)


def schedule(language_code):
    """Build this language's PDF in the background once the current transaction commits."""
    held = _held.get()
    if held is not None:
        held.add(language_code)
        return
    review = review_in(language_code)
    full_review.enqueue(language_code, review.pk if review is not None else None)


@contextlib.contextmanager
def held_builds():
    """Many publishes in a row (the demo loader's ~50) ask for one build per language at the
    end instead of one per publish: each build renders the whole review (seconds), and under
    the tests' immediate tasks backend it would run there and then."""
    held = set()
    token = _held.set(held)
    try:
        yield
    finally:
        _held.reset(token)
    for language_code in sorted(held):
        schedule(language_code)


def needs_build(language_code):
    """Is this language's stored PDF missing, out of date, or there with nothing to hold?"""
    review = review_in(language_code)
    digests = full_review.published_digests(review) if review is not None else []
    previous = full_review.stored_now(language_code)
    if not digests:
        return previous is not None
    return previous is None or previous.get("fingerprint") != full_review.fingerprint(
        review, digests, full_review.english_only(review, digests)
    )
