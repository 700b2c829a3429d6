"""Bibliography entries in and out of files: the Django side of literature/formats.py.

Import rules (the management command and the admin upload share them):
- each record is matched to an existing entry by DOI, then web address, then title and year
  (ignoring case and spacing);
- a matched entry is updated only where the file gives a value that differs: an empty cell
  never blanks an existing field, so a re-import of the same file changes nothing;
- every record is checked in full before anything is written, and each is written in its
  own transaction: a bad record is reported and skipped, and never stops the rest or leaves
  an entry half-changed.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch

from . import formats
from .models import BibliographyEntry, EntryAuthor, SectorTag, ThemeTag

SIMPLE_FIELDS = ["title", "year", "publication_date", "publication_type", "publisher", "journal", "volume",
                 "issue", "pages", "country", "url", "doi", "summary", "summary_cy"]
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


@dataclass
class ImportRow:
    position: str  # "Row 4", "Entry 2", ...
    outcome: str  # created | updated | unchanged | rejected
    title: str
    message: str = ""
    entry_id: int | None = None


def record_from_entry(entry):
    return formats.Record(
        title=entry.title,
        year=entry.year,
        authors=[(author.name, author.is_organisation) for author in entry.authors.all()],
        publication_date=entry.publication_date,
        publication_type=entry.publication_type,
        publisher=entry.publisher,
        journal=entry.journal,
        volume=entry.volume,
        issue=entry.issue,
        pages=entry.pages,
        country=entry.country,
        url=entry.url,
        doi=entry.doi,
        summary=entry.summary,
        summary_cy=entry.summary_cy,
        sectors=[tag.slug for tag in entry.sector_tags.all()],
        themes=[tag.slug for tag in entry.theme_tags.all()],
    )


def entries_for_export(queryset):
    return queryset.prefetch_related(
        Prefetch("authors", queryset=EntryAuthor.objects.order_by("sort_order")), "sector_tags", "theme_tags"
    )


WRITERS = {
    "bibtex": (formats.to_bibtex, "application/x-bibtex; charset=utf-8", "bib"),
    "ris": (formats.to_ris, "application/x-research-info-systems; charset=utf-8", "ris"),
    "csv": (formats.to_csv, "text/csv; charset=utf-8", "csv"),
}


def export_response(entries, file_format, filename):
    """An HttpResponse with the entries in `file_format` (bibtex, ris or csv), or 404."""
    from django.http import Http404, HttpResponse

    if file_format not in WRITERS:
        raise Http404
    write, content_type, extension = WRITERS[file_format]
    records = [record_from_entry(entry) for entry in entries]
    if file_format == "csv":
        # BOM: Excel then reads the file as UTF-8; and no cell may run as a formula there.
        text = "\ufeff" + formats.to_csv(records, defuse_formulas=True)
    else:
        text = write(records)
    response = HttpResponse(text, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response


def _normalised_title(title):
    return " ".join(title.split()).casefold()


class Importer:
    def __init__(self, publish=True, dry_run=False):
        self.publish = publish
        self.dry_run = dry_run
        self.sectors = {tag.slug: tag for tag in SectorTag.objects.all()}
        self.themes = {tag.slug: tag for tag in ThemeTag.objects.all()}

    def import_text(self, text, filename=""):
        rows = []
        for index, item in enumerate(formats.parse(text, filename), start=1):
            if isinstance(item, formats.RowError):
                position = f"{item.label} {item.row}" if item.row else "File"
                rows.append(ImportRow(position, "rejected", item.key or "", str(item)))
                continue
            # Spreadsheet rows count the header as row 1; BibTeX entries and RIS records count from 1.
            label = _label_for(filename)
            rows.append(self.import_record(item, f"{label} {index + 1 if label == 'Row' else index}"))
        return rows

    def find(self, record):
        if record.doi:
            match = BibliographyEntry.objects.filter(doi__iexact=record.doi).first()
            if match:
                return match
        if record.url:
            match = BibliographyEntry.objects.filter(url=record.url).first()
            if match:
                return match
        wanted = _normalised_title(record.title)
        for entry in BibliographyEntry.objects.filter(year=record.year, title__iexact=record.title.strip()):
            if _normalised_title(entry.title) == wanted:
                return entry
        return None

    def import_record(self, record, position):
        unknown = [s for s in record.sectors if s not in self.sectors] + [t for t in record.themes if t not in self.themes]
        if unknown:
            return ImportRow(position, "rejected", record.title,
                             f"{position}: unknown sector or theme: {', '.join(unknown)}. Use the slugs listed in the admin.")
        entry = self.find(record)
        created = entry is None
        if created:
            entry = BibliographyEntry(live=self.publish)
        changed = self._apply(entry, record, created)
        try:
            entry.full_clean(exclude=["latest_revision", "live_revision"])
        except ValidationError as error:
            messages = "; ".join(f"{field}: {' '.join(errs)}" for field, errs in error.message_dict.items())
            return ImportRow(position, "rejected", record.title, f"{position}: {messages}")
        if not changed:
            return ImportRow(position, "unchanged", record.title, entry_id=entry.pk)
        if self.dry_run:
            return ImportRow(position, "created" if created else "updated", record.title, entry_id=entry.pk)
        with transaction.atomic():
            entry.save()
            if self.publish or created:
                revision = entry.save_revision()
                if self.publish:
                    revision.publish()
        return ImportRow(position, "created" if created else "updated", record.title, entry_id=entry.pk)

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
        for manager, slugs, known in ((entry.sector_tags, record.sectors, self.sectors),
                                      (entry.theme_tags, record.themes, self.themes)):
            if slugs and (created or sorted(t.slug for t in manager.all()) != sorted(slugs)):
                manager.set([known[slug] for slug in slugs])
                changed = True
        return changed


def _label_for(filename):
    name = filename.lower()
    if name.endswith((".bib", ".bibtex")):
        return "Entry"
    if name.endswith(".ris"):
        return "Record"
    return "Row"
