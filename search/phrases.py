"""What a search looks for, for site search (engine.py) and the resource pack's search box
(literature/pack.py) alike: the query's words without stopwords, the other names of any
glossary term they name (in either language), other spellings of their compounds
(search_phrases); and the filter keeping what the index finds for them (matching).

Apart from engine.py because the pack uses it and engine.py uses the pack (its pagination
and facet values): this module needs only the glossary and tag models, never the pages.
"""

import functools
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, UUIDField, Value
from django.db.models.expressions import RawSQL

from literature.models.glossary import GlossaryTerm
from literature.models.tags import SectorTag, ThemeTag

from . import index
from .text import compound_variants, query_words, significant_words, vocabulary_words


@dataclass(eq=False)
class Names:
    """Shared by every search while the glossary and tags are unchanged (names()): read only."""

    glossary: dict  # {language code: [[a glossary term's names]]}
    # [{language code: [names]}]: each glossary term with its translations, whose names are
    # all synonyms (a Welsh term and its English original, and each one's other names).
    synonyms: list
    tags: list  # every sector and theme tag's names, in both languages
    known_words: set  # the words of all those names (text.vocabulary_words)
    # {language code: [(a term's names as words, (names put in its place, as words))]}:
    # glossary_synonyms' work for one language, done once (term_matchers).
    _matchers: dict = field(default_factory=dict, repr=False)

    def term_matchers(self, language_code):
        """For each glossary term with its translations: the words of each name it is
        recognised by (any language), and (name, words) for each name put in its place (this
        language and English only: see glossary_synonyms). Stopwords left out as a query's are."""
        if language_code not in self._matchers:
            added_languages = {language_code, "en"}
            self._matchers[language_code] = [
                (
                    [significant_words(query_words(name), language_code) for name in term_names],
                    [(name, significant_words(query_words(name), language_code)) for name in added_names],
                )
                for term_names, added_names in zip(
                    synonym_names(self, language_code),
                    synonym_names(self, language_code, added_languages),
                    strict=True,
                )
            ]
        return self._matchers[language_code]


# A note in brackets after a name ("creaming (y termau Saesneg)": the English terms) is not
# part of the name.
_NOTE = re.compile(r"\([^()]*\)")


def _name(text):
    return " ".join(_NOTE.sub(" ", text).split())


def names():
    """The names site search knows things by: glossary terms (with their other names, and
    grouped with their translations) and tags, in one query. Read once per search
    (search_phrases) and handed down. What is built from them is kept while they read the
    same (_names_from): every search would otherwise split ~400 names into words again."""
    text = Value("", output_field=CharField())
    no_key = Value(None, output_field=UUIDField())
    rows = (
        GlossaryTerm.objects.order_by()
        .values_list(
            "translation_key",
            "locale__language_code",
            "term",
            "also_known_as",
        )
        .union(
            *(
                model.objects.order_by()
                .annotate(key=no_key, kind=text)
                .values_list("key", "kind", "name", "welsh_name")
                for model in (SectorTag, ThemeTag)
            ),
            all=True,
        )
    )
    return _names_from(tuple(sorted(rows, key=lambda row: (str(row[0]), row[1], row[2]))))


# Keyed by the rows themselves, so an edited term or tag is a new key: nothing to invalidate,
# and every process sees an edit on its next search. A few entries: both languages' pages
# search the same rows; the rest are rows an edit replaced.
@functools.lru_cache(maxsize=4)
def _names_from(rows):
    glossary, groups, tags = {}, {}, []
    for key, language, name, other in rows:
        if language:  # a glossary term and its other names, comma-separated
            term_names = [label for label in (_name(name), *(_name(also) for also in other.split(","))) if label]
            glossary.setdefault(language, []).append(term_names)
            groups.setdefault(key, {}).setdefault(language, []).extend(term_names)
        else:  # a tag's English and Welsh names
            tags.extend(label for label in (name, other) if label)
    every_name = [name for terms in glossary.values() for term in terms for name in term] + tags
    return Names(glossary, list(groups.values()), tags, vocabulary_words(every_name))


def glossary_names(language_code):
    """[[a term's names]] for the glossary in this language."""
    return names().glossary.get(language_code, [])


def synonym_names(known, language_code, languages=None):
    """[[a term's names in every language]] (or only in `languages`), for each glossary term
    with its translations (`known`: names()): the names in `language_code` first, each name once."""
    found = []
    for group in known.synonyms:
        ordered = [
            *group.get(language_code, []),
            *(name for language in sorted(group) if language != language_code for name in group[language]),
        ]
        if languages is not None:
            ordered = [
                name
                for language in [language_code, *sorted(group)]
                if language in languages
                for name in group.get(language, [])
                if language != language_code or name in ordered
            ]
            ordered = list(dict.fromkeys(ordered))
        unique, seen = [], set()
        for name in ordered:
            folded = tuple(query_words(name))
            if folded and folded not in seen:
                seen.add(folded)
                unique.append(name)
        found.append(unique)
    return found


def _position(words, part):
    """Where the words `part` come together in `words`, or None."""
    for start in range(len(words) - len(part) + 1):
        if part and words[start : start + len(part)] == part:
            return start
    return None


def glossary_synonyms(words, language_code, known):
    """Phrases to look for as well: the query with each glossary term it names by one name,
    in any language, put by the term's other names and those of its translations ("quokka
    cherry picking": "quokka cream skimming", "quokka creaming", "quokka dewis goreuon").
    `words` are a query's significant words (text.significant_words), and names are matched
    and put in with the same words left out ("dewis y goreuon": "dewis goreuon"); `known`
    is names(). Returns (phrases, the other names)."""
    phrases, names_found = [], []
    # A term is recognised by any of its names, in any language; the names put in its place
    # are the page's language and English only (the publications' language): a Welsh name
    # on an English page would only find the Welsh summaries of English publications.
    for named, added in known.term_matchers(language_code):
        found = next(
            (
                (name_words, _position(words, name_words))
                for name_words in named
                if _position(words, name_words) is not None
            ),
            None,
        )
        if found is None:
            continue
        name_words, start = found
        for name, other_words in added:
            phrase = [*words[:start], *other_words, *words[start + len(name_words) :]]
            if other_words and phrase != words and phrase not in phrases:
                phrases.append(phrase)
                names_found.append(name)
    return phrases, names_found


def search_phrases(words, language_code, known=None):
    """What to look for, for site search and the resource pack alike: `words` (a query's
    words, text.query_words) without stopwords, then the other names of any glossary term
    they name, then other spellings of their compounds (text.compound_variants). `known`:
    names(), if the caller has read them already. Returns (phrases: lists of words, each to
    be found whole; names of the glossary terms added)."""
    words = significant_words(words, language_code)
    known = known if known is not None else names()
    synonyms, names_found = glossary_synonyms(words, language_code, known)
    phrases = [words, *synonyms]
    for variant in compound_variants(words, known.known_words):
        if variant not in phrases:
            phrases.append(variant)
    return phrases, names_found


def matching(model, phrases, language_code, limit=None):
    """A filter (Q) keeping the objects of `model` that site search would find for these
    phrases (search_phrases): for lists filtered by words, such as the resource pack's.
    On SQLite and PostgreSQL a sub-query of the search index, so no query of its own and
    no limit; any other backend is asked for the ids first (at most `limit` of them)."""
    content_type_id = ContentType.objects.get_for_model(model).pk
    if index.uses_database_index():
        sql = index.matching_ids_sql(phrases, language_code, content_type_id)
        # The words are parameters of the SQL (index._from_where), never part of its text.
        return Q(pk__in=RawSQL(*sql)) if sql else Q(pk__in=[])  # noqa: S611
    found = index.backend_matches(phrases, {content_type_id: model.objects.all()}, limit=limit)
    return Q(pk__in=[match.object_id for match in found])
