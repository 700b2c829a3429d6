"""Builders for literature test data, independent of the demo content."""

import itertools

from literature.models import (
    BibliographyEntry,
    DigestPage,
    DigestReference,
    EntryAuthor,
    LiteratureIndexPage,
    SectorTag,
    ThemeTag,
)

_counter = itertools.count(1)


def sector(slug="test-sector", name="Test sector", welsh_name="Sector prawf"):
    return SectorTag.objects.get_or_create(slug=slug, defaults={"name": name, "welsh_name": welsh_name})[0]


def theme(slug="test-theme", name="Test theme", welsh_name="Thema prawf"):
    return ThemeTag.objects.get_or_create(slug=slug, defaults={"name": name, "welsh_name": welsh_name})[0]


def entry(title=None, year=2015, authors=(("Webster, Russell", False),), live=True, **fields):
    number = next(_counter)
    item = BibliographyEntry(
        title=title or f"A study of outcome payments number {number}",
        year=year,
        publication_type=fields.pop("publication_type", "research"),
        summary=fields.pop("summary", "What the study found, in plain English."),
        live=live,
        **fields,
    )
    item.authors = [EntryAuthor(name=name, is_organisation=org, sort_order=i) for i, (name, org) in enumerate(authors)]
    item.save()
    return item


def digest(
    parent=None,
    references=(),
    body_text="<p>Evidence [Webster 2015] says so.</p>",
    slug=None,
    sectors=(),
    themes=(),
    **fields,
):
    parent = parent or LiteratureIndexPage.objects.get(locale__language_code="en")
    number = next(_counter)
    page = DigestPage(
        title=fields.pop("title", f"Test digest {number}"),
        slug=slug or f"test-digest-{number}",
        summary=fields.pop("summary", "A paragraph saying what the evidence shows."),
        evidence_strength=fields.pop("evidence_strength", "moderate"),
        key_messages=[("message", "First message."), ("message", "Second message."), ("message", "Third.")],
        body=[("text", body_text)],
        **fields,
    )
    page.sector_tags.set(list(sectors))
    page.theme_tags.set(list(themes))
    page.references = [
        DigestReference(entry=item, cite_as=key, sort_order=index) for index, (item, key) in enumerate(references)
    ]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
