"""Bibliography entries in and out of files: the Django side of literature/formats.py.

Import rules (the management command and the admin upload share them):
- every entry needs a title, a year and at least one author (formats.py reads the first
  two; the admin's entry form asks for an author too); a summary is optional, and an entry
  without one is reported as needing a summary;
- new entries are drafts unless the importer may publish and chose to: they go through
  moderation like any other entry (Editors never publish);
- each record is matched to an existing entry by DOI, then web address, then title and year
  (ignoring case, spacing and punctuation), and to the earlier records of the same file. A
  record repeating an earlier one of the file is skipped. A record matching an entry already
  in the pack is skipped, or, if the importer chose to update, updated only where the file
  gives a value that differs: an empty cell never blanks an existing field, so a re-import
  of the same file changes nothing. An update is saved as a new draft revision of the entry,
  the way the entry's edit form saves one: the live version readers see changes only when
  a Moderator publishes it (or when the importer may publish and chose to);
- the keys of every existing entry are read once, in one query, not per record;
- every record is checked in full before anything is written, and each is written in its
  own savepoint, a hundred to a transaction: a bad record is reported and skipped, and never
  stops the rest or leaves an entry half-changed.
"""

import contextlib
import itertools
import logging
from dataclasses import asdict, dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.log_actions import log
from wagtail.models import ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from . import formats
from .duplicates import normalise_doi, normalise_title, normalise_url
from .models.bibliography import BibliographyEntry, EntryAuthor, EntrySectorTag, EntryThemeTag
from .models.tags import SectorTag, ThemeTag

SIMPLE_FIELDS = [
    "title",
    "year",
    "publication_date",
    "publication_type",
    "publisher",
    "journal",
    "volume",
    "issue",
    "pages",
    "country",
    "url",
    "doi",
    "summary",
    "summary_cy",
]
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# Records written per transaction (each in its own savepoint); the job's progress is saved
# with each batch. Small enough that the web process never waits long for SQLite's lock.
BATCH_SIZE = 100
OUTCOMES = ("created", "updated", "unchanged", "skipped", "rejected")
logger = logging.getLogger(__name__)


@dataclass
class ImportRow:
    position: str  # "Row 4", "Entry 2", ...
    outcome: str  # created | updated | unchanged | skipped | rejected
    title: str
    message: str = ""
    entry_id: int | None = None
    needs_summary: bool = False  # the entry (as it will be) has no English summary
    published: bool = False  # this import published it
    duplicate_of: str = ""  # "entry" (already in the pack) or the position of an earlier row

    def as_dict(self):
        return asdict(self)


# --- Export ----------------------------------------------------------------------------------
# Columns of an entry that a Record holds (its authors and tags come from their own tables).
EXPORT_COLUMNS = ["pk", *SIMPLE_FIELDS]
# Entries fetched from the database at a time, and about the size of each piece of a response.
EXPORT_CHUNK_SIZE = 1000
EXPORT_PIECE_BYTES = 64 * 1024


def export_records(entries):
    """formats.Records for `entries` (a queryset of BibliographyEntry, in its order, sliced or
    not), read in four queries however many there are: one for all their authors, one each for
    all their sectors and themes (kept in memory by entry id: a few megabytes for 10,000
    entries), then the entries' own columns, fetched EXPORT_CHUNK_SIZE rows at a time from one
    query as the records are used. A generator: nothing is read until the first is asked for,
    so a streamed export starts sending at once."""
    ids = entries.values("pk")
    authors = _by_entry(
        EntryAuthor.objects.filter(entry__in=ids).order_by("entry_id", "sort_order", "pk"),
        "entry_id",
        lambda name, is_organisation: (name, is_organisation),
        "name",
        "is_organisation",
    )
    sectors, themes = (
        _by_entry(
            through.objects.filter(content_object__in=ids).order_by("content_object_id", "tag__name"),
            "content_object_id",
            str,
            "tag__slug",
        )
        for through in (EntrySectorTag, EntryThemeTag)
    )
    for row in entries.values(*EXPORT_COLUMNS).iterator(chunk_size=EXPORT_CHUNK_SIZE):
        pk = row.pop("pk")
        yield formats.Record(
            **row, authors=authors.get(pk, []), sectors=sectors.get(pk, []), themes=themes.get(pk, []), entry_id=pk
        )


def _by_entry(rows, entry_column, make, *columns):
    """{entry id: [make(*columns) for each row]} in the rows' order, from one query."""
    grouped = {}
    for entry_id, *values in rows.values_list(entry_column, *columns).iterator(chunk_size=EXPORT_CHUNK_SIZE):
        grouped.setdefault(entry_id, []).append(make(*values))
    return grouped


WRITERS = {
    # What people open in a spreadsheet: a byte-order mark so Excel reads the file as UTF-8,
    # and no cell that Excel would run as a formula.
    "csv": (
        lambda records: itertools.chain(["\ufeff"], formats.csv_pieces(records, defuse_formulas=True)),
        "text/csv; charset=utf-8",
        "csv",
    ),
    "bibtex": (formats.bibtex_pieces, "application/x-bibtex; charset=utf-8", "bib"),
    "ris": (formats.ris_pieces, "application/x-research-info-systems; charset=utf-8", "ris"),
    # For Zotero, Pandoc and other citeproc tools (its registered media type; UTF-8 as JSON is).
    "csl-json": (formats.csl_json_pieces, "application/vnd.citationstyles.csl+json", "json"),
}


def export_response(records, file_format, filename):
    """A streamed response with the records in `file_format` (bibtex, ris, csv or csl-json), or 404.
    The file is written as the records are read (see export_records), in pieces of about
    EXPORT_PIECE_BYTES, so memory and the time before the first byte stay small however many
    entries there are."""
    from django.http import Http404, StreamingHttpResponse

    if file_format not in WRITERS:
        raise Http404
    pieces, content_type, extension = WRITERS[file_format]
    response = StreamingHttpResponse(_in_bytes(pieces(records)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response


def _in_bytes(pieces):
    """Text pieces -> UTF-8 bytes of about EXPORT_PIECE_BYTES each (one write to the socket for
    many records rather than one each)."""
    waiting, size = [], 0
    for piece in pieces:
        waiting.append(piece)
        size += len(piece)
        if size >= EXPORT_PIECE_BYTES:
            yield "".join(waiting).encode()
            waiting, size = [], 0
    if waiting:
        yield "".join(waiting).encode()


# --- Duplicates -----------------------------------------------------------------------------
# The rule is literature/duplicates.py's (its normalisers), shared with the suggestions queue.
# find_duplicates() there asks the database about one publication at a time; an import of
# thousands of records reads every entry's keys once instead and looks them up in memory.


def title_key(title, year):
    words = normalise_title(title)
    return (words, int(year)) if words and year else None


_KEY_WORDS = {"doi": "DOI", "url": "web address", "title": "title and year"}


class Keys:
    """{key: what it belongs to} for DOIs, web addresses and titles with years."""

    def __init__(self):
        self.maps = {"doi": {}, "url": {}, "title": {}}

    @staticmethod
    def of(doi, url, title, year):
        return {"doi": normalise_doi(doi), "url": normalise_url(url), "title": title_key(title, year)}

    def add(self, owner, doi="", url="", title="", year=None):
        for kind, key in self.of(doi, url, title, year).items():
            if key:
                self.maps[kind].setdefault(key, owner)

    def match(self, record):
        """(owner, 'DOI' | 'web address' | 'title and year') of the first key found, or None."""
        for kind, key in self.of(record.doi, record.url, record.title, record.year).items():
            if key and key in self.maps[kind]:
                return self.maps[kind][key], _KEY_WORDS[kind]
        return None

    @classmethod
    def of_existing_entries(cls):
        """Every entry's keys, from one query: {key: entry id}."""
        keys = cls()
        for pk, doi, url, title, year in BibliographyEntry.objects.order_by("pk").values_list(
            "pk", "doi", "url", "title", "year"
        ):
            keys.add(pk, doi, url, title, year)
        return keys


# --- Import -----------------------------------------------------------------------------------


class Importer:
    """Imports the records of one file.

    publish: publish new and changed entries (only for someone who may publish: the caller
    checks, and Wagtail's own actions check again for a user). Otherwise they are drafts.
    on_duplicate: "update" an entry already in the pack, or "skip" the record.
    user: who imports (revisions and the history name them); None for the command line.
    """

    def __init__(self, publish=False, dry_run=False, on_duplicate="update", user=None):
        if on_duplicate not in ("update", "skip"):
            raise ValueError(f"on_duplicate must be 'update' or 'skip', not {on_duplicate!r}")
        self.publish = publish
        self.dry_run = dry_run
        self.on_duplicate = on_duplicate
        self.user = user
        self.sectors = {tag.slug: tag for tag in SectorTag.objects.all()}
        self.themes = {tag.slug: tag for tag in ThemeTag.objects.all()}
        self.existing = Keys.of_existing_entries()
        self.in_file = Keys()
        self.new_drafts = []  # (row, record, entry) written at the end of each batch

    def import_text(self, text, filename="", progress=None):
        """Every record of the file, in order, as ImportRows. progress(rows so far, total) is
        called after each batch, inside its transaction."""
        items = formats.parse(text, filename)
        label = _label_for(filename)
        rows = []
        for start in range(0, len(items), BATCH_SIZE):
            with contextlib.nullcontext() if self.dry_run else transaction.atomic():
                for index, item in enumerate(items[start : start + BATCH_SIZE], start=start + 1):
                    if isinstance(item, formats.RowError):
                        position = f"{item.label} {item.row}" if item.row else "File"
                        rows.append(ImportRow(position, "rejected", item.key or "", str(item)))
                        continue
                    # Spreadsheet rows count the header as row 1; BibTeX entries and RIS records count from 1.
                    rows.append(self.import_record(item, f"{label} {index + 1 if label == 'Row' else index}"))
                self._write_new_drafts()
                if progress:
                    progress(rows, len(items))
        return rows

    def import_record(self, record, position):
        try:
            row = self._import_record(record, position)
        except Exception as error:  # one record never stops the rest
            logger.exception("Importing %s (%s) failed", position, record.title)
            return ImportRow(
                position,
                "rejected",
                record.title,
                f"{position}: the site could not save this entry ({type(error).__name__}: {error}).",
            )
        if row.outcome != "rejected" and not row.duplicate_of:
            self.in_file.add(position, record.doi, record.url, record.title, record.year)
        return row

    def _import_record(self, record, position):
        unknown = [s for s in record.sectors if s not in self.sectors] + [
            t for t in record.themes if t not in self.themes
        ]
        if unknown:
            return ImportRow(
                position,
                "rejected",
                record.title,
                f"{position}: unknown sector or theme: {', '.join(unknown)}. Use the slugs listed in the admin.",
            )
        earlier = self.in_file.match(record)
        if earlier:
            return ImportRow(
                position,
                "skipped",
                record.title,
                f"Same {earlier[1]} as {earlier[0]} of this file: skipped.",
                duplicate_of=earlier[0],
            )
        match = self.existing.match(record)
        if match is None:
            return self._create(record, position)
        entry_id, same = match
        if self.on_duplicate == "skip":
            return ImportRow(
                position,
                "skipped",
                record.title,
                f"Already in the pack (same {same}): skipped.",
                entry_id=entry_id,
                duplicate_of="entry",
            )
        return self._update(BibliographyEntry.objects.get(pk=entry_id), record, position, same)

    def _create(self, record, position):
        # An update may leave the authors as they are; a new entry needs one, as its edit form does.
        if not record.authors:
            return ImportRow(
                position,
                "rejected",
                record.title,
                f"{position}: there is no author. Give at least one: a person as 'Family, Given' "
                "(Webster, Russell) or an organisation by its name (National Audit Office).",
            )
        entry = BibliographyEntry()
        self._apply(entry, record, created=True)
        rejected = _validate(entry, record, position)
        if rejected:
            return rejected
        row = ImportRow(
            position,
            "created",
            record.title,
            needs_summary=not entry.summary,
            published=self.publish and not self.dry_run,
        )
        if self.dry_run:
            return row
        if self.publish:
            with transaction.atomic():
                CreateAction(entry, user=self.user, publish=True).execute()
            row.entry_id = entry.pk
        else:
            self.new_drafts.append((row, record, entry))
        return row

    def _write_new_drafts(self):
        """Write the batch's new drafts together. If that fails, write them one by one with
        Wagtail's CreateAction, so one bad record cannot stop the rest."""
        pending, self.new_drafts = self.new_drafts, []
        if not pending:
            return
        try:
            with transaction.atomic():
                self._bulk_create_drafts([entry for _, _, entry in pending])
            for row, _, entry in pending:
                row.entry_id = entry.pk
            return
        except Exception:
            logger.exception("Writing %s new drafts together failed; writing them one by one", len(pending))
        for row, record, _ in pending:
            entry = BibliographyEntry()
            self._apply(entry, record, created=True)
            try:
                with transaction.atomic():
                    CreateAction(entry, user=self.user).execute()
                row.entry_id = entry.pk
            except Exception as error:
                logger.exception("Importing %s (%s) failed", row.position, record.title)
                row.outcome, row.needs_summary = "rejected", False
                row.message = f"{row.position}: the site could not save this entry ({type(error).__name__}: {error})."

    def _bulk_create_drafts(self, entries):
        """What CreateAction does for a draft (the entry, not live; its first revision; the
        history's "created" line; the search and reference indexes), for many entries at once.

        Why not CreateAction for each: it saves an entry twice (the second time only to point
        it at its revision), and every save indexes the entry for search and references on its
        own. SQLite's search index recomputes an average over the whole index on each of those,
        so a 5,000-row import spent most of its time there, more with every row. Publishing and
        updates still go through Wagtail's actions, one entry at a time."""
        user = self.user if self.user and self.user.pk else None
        content_type = BibliographyEntry.get_content_type()
        base_content_type = BibliographyEntry.get_base_content_type()
        for entry in entries:
            entry.live, entry.has_unpublished_changes = False, True
        BibliographyEntry.objects.bulk_create(entries)
        children = {EntryAuthor: [], EntrySectorTag: [], EntryThemeTag: []}
        for entry in entries:
            for author in entry.authors.all():
                author.entry = entry
                children[EntryAuthor].append(author)
            for model, items in ((EntrySectorTag, entry.sector_items), (EntryThemeTag, entry.theme_items)):
                for item in items.all():
                    item.content_object = entry
                    children[model].append(item)
        for model, objects in children.items():
            model.objects.bulk_create(objects)
        now = timezone.now()
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=str(entry.pk),
                    user=user,
                    created_at=now,
                    content=entry.serializable_data(),
                    object_str=str(entry),
                )
                for entry in entries
            ]
        )
        for entry, revision in zip(entries, revisions, strict=True):
            entry.latest_revision = revision
        BibliographyEntry.objects.bulk_update(entries, ["latest_revision"])
        for entry, revision in zip(entries, revisions, strict=True):
            log(instance=entry, action="wagtail.create", user=user, revision=revision, content_changed=True)
            ReferenceIndex.create_or_update_for_object(entry)
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(BibliographyEntry, entries)

    def _update(self, entry, record, position, same):
        # What the entry's edit form would show: the newest revision, draft or live.
        current = entry.get_latest_revision_as_object()
        changed = self._apply(current, record, created=False)
        note = f"Already in the pack (same {same})"
        if not changed:
            return ImportRow(
                position,
                "unchanged",
                record.title,
                f"{note}: nothing to change.",
                entry_id=entry.pk,
                needs_summary=not current.summary,
                duplicate_of="entry",
            )
        rejected = _validate(current, record, position)
        if rejected:
            return rejected
        if self.publish:
            what = "changes published"
        elif entry.live:
            what = "changes saved as a draft for moderation; readers still see the published version"
        else:
            what = "the draft updated"
        row = ImportRow(
            position,
            "updated",
            record.title,
            f"{note}: {what}.",
            entry_id=entry.pk,
            needs_summary=not current.summary,
            published=self.publish and not self.dry_run,
            duplicate_of="entry",
        )
        if not self.dry_run:
            try:
                with transaction.atomic():
                    EditAction(current, user=self.user, publish=self.publish).execute()
            except PermissionDenied:
                locked_by = entry.locked_by.get_full_name() or entry.locked_by.get_username() if entry.locked_by else ""
                if entry.locked:
                    return ImportRow(
                        position,
                        "skipped",
                        record.title,
                        f"{note}, but it is locked{f' by {locked_by}' if locked_by else ''}: skipped. "
                        "Import the file again once it is unlocked.",
                        entry_id=entry.pk,
                        duplicate_of="entry",
                    )
                raise
        return row

    def _apply(self, entry, record, created):
        """Copy the record's non-empty values onto the entry; True if anything changed."""
        changed = created
        for name in SIMPLE_FIELDS:
            value = getattr(record, name)
            if value in ("", None):
                continue
            if getattr(entry, name) != value:
                setattr(entry, name, value)
                changed = True
        authors = [(name, org) for name, org in record.authors]
        current = [] if created else [(a.name, a.is_organisation) for a in entry.authors.all()]
        if authors and authors != current:
            entry.authors = [EntryAuthor(name=n, is_organisation=o, sort_order=i) for i, (n, o) in enumerate(authors)]
            changed = True
        for items, manager, slugs, known in (
            (entry.sector_items, entry.sector_tags, record.sectors, self.sectors),
            (entry.theme_items, entry.theme_tags, record.themes, self.themes),
        ):
            # Compared by tag id: an entry rebuilt from a revision holds its tag links in memory.
            if slugs and (
                created or sorted(item.tag_id for item in items.all()) != sorted(known[slug].pk for slug in slugs)
            ):
                manager.set([known[slug] for slug in slugs])
                changed = True
        return changed


def _validate(entry, record, position):
    """None, or the rejected row saying what is wrong."""
    try:
        entry.full_clean(exclude=["latest_revision", "live_revision", "locked_by"])
    except ValidationError as error:
        messages = "; ".join(f"{field}: {' '.join(errs)}" for field, errs in error.message_dict.items())
        return ImportRow(position, "rejected", record.title, f"{position}: {messages}")
    return None


def count_outcomes(rows):
    """{outcome: count} in OUTCOMES order, plus "needs_summary"."""
    counts = {outcome: 0 for outcome in OUTCOMES}
    for row in rows:
        counts[row.outcome] += 1
    counts["needs_summary"] = sum(1 for row in rows if row.needs_summary and row.outcome != "rejected")
    return counts


def _label_for(filename):
    name = filename.lower()
    if name.endswith((".bib", ".bibtex")):
        return "Entry"
    if name.endswith(".ris"):
        return "Record"
    return "Row"
