"""Demo content for the literature review: sectors and themes, the bibliography, the
digests with their references, the glossary, and Welsh translations of two digests and of
the glossary. Called by core's `load_demo_content` command; idempotent like it."""

import datetime
import uuid

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.documents.models import Document

from .demo import bibliography, digests, glossary, taxonomy
from .demo.welsh import WELSH
from .models import (
    BibliographyEntry,
    DigestPage,
    DigestReference,
    EntryAuthor,
    GlossaryPage,
    GlossaryTerm,
    GlossaryTermDigest,
    LiteratureIndexPage,
    SectorTag,
    ThemeTag,
)

# Fixed namespace so a block's id is the same on every load (wagtail-localize keys the
# Welsh strings by block id).
BLOCK_IDS = uuid.UUID("6f1d7c1e-8a44-4b8e-9a57-2f4c6c1b9d10")
GLOSSARY_PAGE = {
    "title": "Glossary",
    "slug": "glossary",
    "intro": "Plain-English meanings of the terms used in payment by results contracts and research.",
}
# The two digests (by slug) whose Welsh translations are part of the demo.
TRANSLATED_DIGESTS = ["gaming-cream-skimming-and-parking", "pricing"]

EDITOR_MODEL_PERMISSIONS = [
    "add_bibliographyentry", "change_bibliographyentry",
    "add_glossaryterm", "change_glossaryterm",
    # The queue of the public's suggestions: Editors and Moderators both work through it.
    "view_resourcesuggestion", "change_resourcesuggestion",
    # Bibliography imports: start one, and see everyone's (the job page and the recent list).
    "add_importjob", "view_importjob",
]
MODERATOR_MODEL_PERMISSIONS = [
    *EDITOR_MODEL_PERMISSIONS,
    "publish_bibliographyentry", "delete_bibliographyentry", "delete_glossaryterm",
    "add_sectortag", "change_sectortag", "add_themetag", "change_themetag",
]


def load(command):
    with transaction.atomic():
        sectors = ensure_tags(command, SectorTag, taxonomy.SECTORS)
        themes = ensure_tags(command, ThemeTag, taxonomy.THEMES)
        entries = ensure_entries(command, sectors, themes)
        review = command.pages["literature"]
        digest_pages = {
            data["slug"]: ensure_digest(command, review, data, entries) for data in digests.DIGESTS
        }
        glossary_page = command.ensure_child(review, GlossaryPage, {**GLOSSARY_PAGE, "show_in_menus": False})
        terms = [ensure_term(command, data, digest_pages) for data in glossary.TERMS]
        ensure_permissions()
    translated = [digest_pages[slug] for slug in TRANSLATED_DIGESTS if slug in digest_pages]
    command.translate([glossary_page, *translated], WELSH)
    command.translate(terms, WELSH)
    ensure_full_review(command)


def ensure_full_review(command):
    """The full review to download in each language: a PDF built from the published digests
    (review_pdf.py) by the worker `make run` starts (at once under tests). Publishing the
    digests has already asked for one; this asks again only where the PDF is missing or out
    of date, so a second run asks for nothing. It also takes away the RTF document earlier
    versions of this loader set as the review's own full review, so the PDF is offered."""
    from . import review_pdf

    rtf = Document.objects.filter(title=OLD_FULL_REVIEW_TITLE, file__endswith=".rtf").first()
    if rtf is not None:
        for review in LiteratureIndexPage.objects.filter(full_review=rtf):
            review.full_review = None
            review.save_revision().publish()
        rtf.delete()
    for language in LiteratureIndexPage.objects.live().values_list("locale__language_code", flat=True):
        if review_pdf.needs_build(language):
            review_pdf.schedule(language)


# The title of the RTF document earlier demo loaders attached to the review.
OLD_FULL_REVIEW_TITLE = "Payment by results: the full literature review"


def ensure_tags(command, model, rows):
    tags = {}
    for row in rows:
        tag, created = model.objects.get_or_create(slug=row["slug"], defaults=row)
        command.created += created
        tags[row["slug"]] = tag
    return tags


def ensure_entries(command, sectors, themes):
    entries = {}
    existing = {
        (entry.title, entry.year): entry for entry in BibliographyEntry.objects.filter(is_synthetic=False)
    }
    for data in bibliography.ENTRIES:
        entry = existing.get((data["title"], data["year"]))
        if entry is None:
            fields = {
                key: value
                for key, value in data.items()
                if key not in {"key", "authors", "sectors", "themes", "publication_date", "added_on"}
            }
            entry = BibliographyEntry(
                **fields,
                publication_date=_date(data.get("publication_date")),
                added_on=_date(data.get("added_on")) or datetime.date.today(),
                live=True,
            )
            entry.authors = [
                EntryAuthor(name=name, is_organisation=is_organisation, sort_order=index)
                for index, (name, is_organisation) in enumerate(data["authors"])
            ]
            entry.sector_tags.set([sectors[slug] for slug in data["sectors"]])
            entry.theme_tags.set([themes[slug] for slug in data["themes"]])
            entry.save()
            entry.save_revision().publish()
            command.created += 1
        entries[data["key"]] = entry
    return entries


def ensure_digest(command, review, data, entries):
    existing = review.get_children().filter(slug=data["slug"]).first()
    if existing is not None:
        return existing.specific
    digest = DigestPage(
        title=data["title"],
        slug=data["slug"],
        locale=review.locale,
        summary=data["summary"],
        evidence_strength=data["evidence_strength"],
        key_messages=[
            {"type": "message", "value": text, "id": _block_id(data["slug"], "message", index)}
            for index, text in enumerate(data["key_messages"])
        ],
        body=[
            {
                "type": block_type,
                "value": _block_value(block_type, value, _block_id(data["slug"], "body", index)),
                "id": _block_id(data["slug"], "body", index),
            }
            for index, (block_type, value) in enumerate(data["body"])
        ],
    )
    digest.sector_tags.set(list(SectorTag.objects.filter(slug__in=data["sectors"])))
    digest.theme_tags.set(list(ThemeTag.objects.filter(slug__in=data["themes"])))
    digest.references = [
        DigestReference(entry=entries[key], cite_as=cite_as, pinpoint=pinpoint, sort_order=index)
        for index, (key, cite_as, pinpoint) in enumerate(data["references"])
    ]
    review.add_child(instance=digest)
    digest.save_revision().publish()
    command.created += 1
    return digest


def ensure_term(command, data, digest_pages):
    term = GlossaryTerm.objects.filter(slug=data["slug"], locale=command.english).first()
    if term is not None:
        return term
    term = GlossaryTerm(
        locale=command.english,
        **{key: value for key, value in data.items() if key != "related_digests"},
    )
    term.related_digests = [
        GlossaryTermDigest(page=digest_pages[slug], sort_order=index)
        for index, slug in enumerate(data["related_digests"])
        if slug in digest_pages
    ]
    term.save()
    command.created += 1
    return term


def ensure_permissions():
    for group_name, codenames in (("Editors", EDITOR_MODEL_PERMISSIONS), ("Moderators", MODERATOR_MODEL_PERMISSIONS)):
        group = Group.objects.get(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="literature", codename__in=codenames)
        )


def _block_value(block_type, value, block_id):
    """The demo files write tables as plain lists. Store them in ListBlock's block format
    (each item with its own id), as the admin does: wagtail-localize only offers list items
    in that format for translation."""
    if block_type != "table":
        return value

    def items(values, path):
        return [
            {"type": "item", "value": item, "id": str(uuid.uuid5(BLOCK_IDS, f"{block_id}:{path}:{index}"))}
            for index, item in enumerate(values)
        ]

    return {
        **value,
        "columns": items(value["columns"], "columns"),
        "rows": items([{"cells": items(row, f"row{n}")} for n, row in enumerate(value["rows"])], "rows"),
    }


def _block_id(slug, field, index):
    return str(uuid.uuid5(BLOCK_IDS, f"{slug}:{field}:{index}"))


def _date(value):
    return datetime.date.fromisoformat(value) if value else None
