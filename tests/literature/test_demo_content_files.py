"""The demo content files (literature/demo/README.md) are complete and consistent: a content
person who edits one learns here, by name and line, what they broke. No database."""

import collections
import re

import pytest
import yaml
from pbr_site.core.demo.welsh import WELSH as PAGES_WELSH
from wagtail_localize.strings import extract_strings

from literature.demo.glossary import TERMS
from literature.demo_loader import BIBLIOGRAPHY_FILES, DIGEST_FILES, read_digest_files, welsh_strings
from literature.digest_files import parse_digest
from literature.duplicates import normalise_doi, normalise_title, normalise_url
from literature.formats import Record, parse_csv
from literature.models import EvidenceStrength
from toolkit.demo.welsh import WELSH as QUESTIONNAIRE_WELSH

DEMO = DIGEST_FILES.parent
TAXONOMY = yaml.safe_load((DEMO / "taxonomy.yaml").read_text(encoding="utf-8"))
SECTORS = {row["slug"] for row in TAXONOMY["sectors"]}
THEMES = {row["slug"] for row in TAXONOMY["themes"]}
TERMINOLOGY = yaml.safe_load((DEMO / "terminology.yaml").read_text(encoding="utf-8"))
CITATION = re.compile(r"\[([^\[\]]+?\d{4}[a-z]?)\](?!\()")


def bibliography():
    """[(file name, row number, Record)] of every CSV row that parses."""
    rows = []
    for path in sorted(BIBLIOGRAPHY_FILES.glob("*.csv")):
        for number, item in enumerate(parse_csv(path.read_text(encoding="utf-8-sig")), start=2):
            rows.append((path.name, number, item))
    return rows


def test_every_bibliography_row_is_complete_and_linked():
    problems = []
    for name, number, record in bibliography():
        where = f"{name} row {number}"
        if not isinstance(record, Record):
            problems.append(f"{where}: {record}")
            continue
        missing = [
            label
            for label, value in (
                ("a web address or DOI", record.url or record.doi),
                ("an author", record.authors),
                ("a summary", record.summary),
                ("a Welsh summary", record.summary_cy),
                ("a sector", record.sectors),
            )
            if not value
        ]
        problems += [f"{where} ({record.title[:40]}): needs {label}" for label in missing]
        # A person as "Family, Given": a family name alone exports as "Mason," in RIS and CSV.
        problems += [
            f"{where}: give {name!r} a given name or initial"
            for name, is_organisation in record.authors
            if not is_organisation and not name.partition(",")[2].strip()
        ]
        problems += [f"{where}: unknown sector {slug}" for slug in record.sectors if slug not in SECTORS]
        problems += [f"{where}: unknown theme {slug}" for slug in record.themes if slug not in THEMES]
    assert problems == []


def test_the_pack_holds_at_least_120_distinct_publications_across_every_sector():
    records = [(f"{name} row {number}", record) for name, number, record in bibliography()]
    keys = collections.defaultdict(list)
    for where, record in records:
        keys["title", normalise_title(record.title), record.year].append(where)
        if record.doi:
            keys["doi", normalise_doi(record.doi)].append(where)
        if record.url:
            keys["url", normalise_url(record.url)].append(where)
    assert {key: places for key, places in keys.items() if len(places) > 1} == {}
    assert len(records) >= 120
    per_sector = collections.Counter(slug for _, record in records for slug in record.sectors)
    assert {slug for slug in SECTORS if per_sector[slug] < 3} == set(), per_sector


def digests():
    return read_digest_files()


def test_at_least_15_digests_each_in_welsh_with_a_reasoned_rating():
    english, welsh = digests()
    assert len(english) >= 15
    assert sorted(set(english) - set(welsh)) == []
    for slug, digest in english.items():
        assert digest.front["evidence_strength"] in EvidenceStrength.values, slug
        assert len(digest.front.get("evidence_note") or "") > 40, f"{slug}: say why the evidence has its rating"
        assert digest.front["slug"] == slug, f"{slug}.md: its slug must be its file name"
        assert set(digest.front["sectors"]) <= SECTORS and set(digest.front["themes"]) <= THEMES, slug


def test_every_citation_is_a_reference_and_every_reference_is_in_the_pack():
    in_pack = {
        (normalise_title(record.title), record.year) for _, _, record in bibliography() if isinstance(record, Record)
    }
    english, _ = digests()
    problems = []
    for slug, digest in english.items():
        references = digest.front.get("references") or []
        cited_as = {reference["cite"] for reference in references}
        text = yaml.safe_dump([value for _, value in digest.body], allow_unicode=True, width=10**6)
        used = set(CITATION.findall(text))
        problems += [f"{slug}.md cites [{key}] but has no reference for it" for key in sorted(used - cited_as)]
        problems += [f"{slug}.md lists [{key}] but never cites it" for key in sorted(cited_as - used)]
        problems += [
            f"{slug}.md: “{reference['title']}” ({reference['year']}) is in no bibliography file"
            for reference in references
            if (normalise_title(reference["title"]), reference["year"]) not in in_pack
        ]
    assert problems == []


def test_quotations_are_quotations_not_paraphrases():
    english, _ = digests()
    for slug, digest in english.items():
        for block_type, value in digest.body:
            if block_type == "quotation":
                assert not re.search(r"paraphras|adapted|in our words", value["source"], re.I), slug


def test_the_welsh_files_match_their_english_part_for_part():
    english, welsh = digests()
    pairs = welsh_strings(english, welsh)  # raises, naming the file and part, where they differ
    assert pairs


def test_one_welsh_wording_per_english_text_across_all_the_demo_content():
    """The loader translates each English string once for the whole site: two Welsh wordings
    of one English text would silently lose one."""
    english, welsh = digests()
    sources = {"digests": welsh_strings(english, welsh), "questionnaire": QUESTIONNAIRE_WELSH, "pages": PAGES_WELSH}
    seen, clashes = {}, []
    for source, mapping in sources.items():
        for text, translation in mapping.items():
            if text in seen and seen[text][1] != translation:
                clashes.append(f"{text!r}: {seen[text][0]} has {seen[text][1]!r}, {source} has {translation!r}")
            seen.setdefault(text, (source, translation))
    assert clashes == []


def welsh_texts():
    """(where, Welsh text) for all the Welsh demo content."""
    _, welsh = digests()
    for slug in welsh:
        yield f"{slug}.cy.md", (DIGEST_FILES / f"{slug}.cy.md").read_text(encoding="utf-8")
    for path in sorted(DEMO.parent.parent.glob("*/demo/*.cy.yaml")) + sorted(
        DEMO.parent.parent.glob("site/*/demo/*.cy.yaml")
    ):
        yield path.name, "\n".join(pair["cy"] for pair in yaml.safe_load(path.read_text(encoding="utf-8")))
    for name, number, record in bibliography():
        if isinstance(record, Record):
            yield f"{name} row {number}", record.summary_cy
    for kind in ("sectors", "themes"):
        for row in TAXONOMY[kind]:
            yield f"taxonomy.yaml ({row['slug']})", f"{row['welsh_name']}\n{row.get('welsh_description', '')}"


def test_the_welsh_uses_one_term_per_concept():
    avoided = [(term["cy"], word) for term in TERMINOLOGY for word in term.get("avoid", [])]
    problems = []
    for where, text in welsh_texts():
        lowered = text.casefold().replace("’", "'")
        for preferred, word in avoided:
            if re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", lowered):
                problems.append(f"{where}: “{word}” where the terminology list says “{preferred}”")
    assert problems == []


def test_the_glossary_names_only_digests_that_exist():
    english, _ = digests()
    assert {slug for term in TERMS for slug in term["related_digests"]} <= set(english)


@pytest.mark.parametrize("text", ["no front matter", "---\n- a list\n---\n", "---\ntitle: x\n---\n::: box\n:::\n"])
def test_a_broken_digest_file_is_reported_by_name(text):
    with pytest.raises(ValueError, match="broken.md"):
        parse_digest(text, "broken.md")


def test_a_welsh_file_that_drifts_from_its_english_is_reported_with_the_part():
    english = parse_digest(
        "---\ntitle: T\nslug: t\nsummary: S\nkey_messages: [A]\n---\n\n## H\n\nOne.\n\nTwo.\n", "t.md"
    )
    welsh = parse_digest("---\ntitle: T\nslug: t\nsummary: S\nkey_messages: [A]\n---\n\n## H\n\nUn.\n", "t.cy.md")
    with pytest.raises(
        ValueError, match=r"t.cy.md, part 2 \(text\): 2 paragraphs or list items in English, 1 in Welsh"
    ):
        welsh_strings({"t": english}, {"t": welsh})


def test_rich_text_is_split_as_wagtail_localize_splits_it():
    digest = parse_digest("---\ntitle: T\n---\n\nOne **bold** [NAO 2015].\n\n- a\n- b\n", "t.md")
    assert digest.body == [("text", "<p>One <b>bold</b> [NAO 2015].</p><ul><li>a</li><li>b</li></ul>")]
    assert [string.data for string, _ in extract_strings(digest.body[0][1])[1]] == [
        "One <b>bold</b> [NAO 2015].",
        "a",
        "b",
    ]
