"""Demo content for the literature review: sectors and themes, the bibliography, the
digests with their references, the glossary, and Welsh translations of two digests and of
the glossary. Called by core's `load_demo_content` command; idempotent like it."""

import uuid
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.documents.models import Document
from wagtail_localize.strings import extract_strings

from . import formats
from .bibliography_io import Importer, Keys
from .demo import glossary, taxonomy
from .demo.welsh import WELSH
from .digest_files import DigestFileError, parse_digest, text_pairs
from .models import (
    DigestPage,
    DigestReference,
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
DEMO_FILES = Path(__file__).resolve().parent / "demo"
BIBLIOGRAPHY_FILES = DEMO_FILES / "bibliography"
DIGEST_FILES = DEMO_FILES / "digests"

EDITOR_MODEL_PERMISSIONS = [
    "add_bibliographyentry",
    "change_bibliographyentry",
    "add_glossaryterm",
    "change_glossaryterm",
    # The queue of the public's suggestions: Editors and Moderators both work through it.
    "view_resourcesuggestion",
    "change_resourcesuggestion",
    # Bibliography imports: start one, and see everyone's (the job page and the recent list).
    "add_importjob",
    "view_importjob",
]
MODERATOR_MODEL_PERMISSIONS = [
    *EDITOR_MODEL_PERMISSIONS,
    "publish_bibliographyentry",
    "delete_bibliographyentry",
    "delete_glossaryterm",
    "add_sectortag",
    "change_sectortag",
    "add_themetag",
    "change_themetag",
]


def load(command):
    from . import review_pdf

    with review_pdf.held_builds():
        _load(command)
        ensure_full_review(command)


def _load(command):
    digests, welsh_digests = read_digest_files()
    with transaction.atomic():
        ensure_tags(command, SectorTag, taxonomy.SECTORS)
        ensure_tags(command, ThemeTag, taxonomy.THEMES)
        ensure_entries(command)
        entries = Keys.of_existing_entries()
        review = command.pages["literature"]
        digest_pages = {slug: ensure_digest(command, review, digest, entries, slug) for slug, digest in digests.items()}
        glossary_page = command.ensure_child(review, GlossaryPage, {**GLOSSARY_PAGE, "show_in_menus": False})
        terms = [ensure_term(command, data, digest_pages) for data in glossary.TERMS]
        ensure_permissions()
    welsh = {**WELSH, **welsh_strings(digests, welsh_digests)}
    command.translate([glossary_page, *(digest_pages[slug] for slug in welsh_digests)], welsh)
    command.translate(terms, welsh)


def read_digest_files():
    """({slug: DigestFile}, {slug: its Welsh DigestFile}) from literature/demo/digests."""
    digests, welsh = {}, {}
    for path in sorted(DIGEST_FILES.glob("*.md")):
        slug, _, language = path.name.removesuffix(".md").partition(".")
        parsed = parse_digest(path.read_text(encoding="utf-8"), path.name)
        (welsh if language == "cy" else digests)[slug] = parsed
    unknown = sorted(set(welsh) - set(digests))
    if unknown:
        raise CommandError(f"Welsh digest files with no English file: {', '.join(unknown)}")
    return digests, welsh


def welsh_strings(digests, welsh_digests):
    """English -> Welsh for every string wagtail-localize will ask for, paired part by part
    from each digest's English and Welsh files. Rich text is split into the same strings
    (one per paragraph or list item) that wagtail-localize makes of it."""
    pairs = {}
    for slug, welsh in welsh_digests.items():
        name = f"{slug}.cy.md"
        plain, rich = text_pairs(digests[slug], welsh, name)
        for english_html, welsh_html, where in rich:
            english_strings, welsh_strings_ = _strings(english_html), _strings(welsh_html)
            if len(english_strings) != len(welsh_strings_):
                raise DigestFileError(
                    f"{where}: {len(english_strings)} paragraphs or list items in English, "
                    f"{len(welsh_strings_)} in Welsh"
                )
            plain.extend(zip(english_strings, welsh_strings_, strict=True))
        for english, welsh_text in plain:
            pairs[english] = welsh_text
    return pairs


def _strings(html):
    return [string.data for string, _ in extract_strings(html)[1]]


def ensure_full_review(command):
    """The full review to download in each language: a PDF built from the published digests
    (full_review.py) by the worker `make run` starts (at once under tests). Called inside the
    load's held_builds(): with the digests' publishes it asks once per language, and only where
    the PDF is missing or out of date, so a second run asks for nothing. It
    also takes away the RTF document earlier versions of this loader set as the review's own
    full review, so the PDF is offered."""
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


def ensure_entries(command):
    """The bibliography, through the resource pack's own importer (as an editor's CSV upload
    would go): new rows are published, rows already in the pack brought up to date."""
    importer = Importer(publish=True, on_duplicate="update")
    for path in sorted(BIBLIOGRAPHY_FILES.glob("*.csv")):
        rows = importer.import_text(path.read_text(encoding="utf-8-sig"), path.name)
        rejected = [row.message for row in rows if row.outcome == "rejected"]
        if rejected:
            raise CommandError(f"{path.name}: {len(rejected)} row(s) could not be imported:\n" + "\n".join(rejected))
        command.created += sum(row.outcome == "created" for row in rows)


def ensure_digest(command, review, digest, entries, slug):
    existing = review.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    front = digest.front
    page = DigestPage(
        title=front["title"],
        slug=slug,
        locale=review.locale,
        summary=front["summary"],
        evidence_strength=front["evidence_strength"],
        evidence_note=front.get("evidence_note") or "",
        key_messages=[
            {"type": "message", "value": text, "id": _block_id(slug, "message", index)}
            for index, text in enumerate(front["key_messages"])
        ],
        body=[
            {
                "type": block_type,
                "value": _block_value(block_type, value, _block_id(slug, "body", index)),
                "id": _block_id(slug, "body", index),
            }
            for index, (block_type, value) in enumerate(digest.body)
        ],
    )
    page.sector_tags.set(list(SectorTag.objects.filter(slug__in=front["sectors"])))
    page.theme_tags.set(list(ThemeTag.objects.filter(slug__in=front["themes"])))
    page.references = [
        DigestReference(
            entry_id=_entry_id(entries, reference, slug),
            cite_as=reference["cite"],
            pinpoint=reference.get("pinpoint") or "",
            sort_order=index,
        )
        for index, reference in enumerate(front["references"])
    ]
    review.add_child(instance=page)
    page.save_revision().publish()
    command.created += 1
    return page


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
        group.permissions.add(*Permission.objects.filter(content_type__app_label="literature", codename__in=codenames))


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


def _entry_id(entries, reference, slug):
    match = entries.match(formats.Record(title=reference["title"], year=reference["year"]))
    if match is None:
        raise CommandError(
            f"{slug}.md cites “{reference['title']}” ({reference['year']}), which is in no "
            "bibliography file: add it to literature/demo/bibliography, or correct the title or year."
        )
    return match[0]
