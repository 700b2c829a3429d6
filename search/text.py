"""Plain text helpers for site search: cleaning a query, highlighting the words it matched
and suggesting spellings. Pure Python (no Django), so every edge case is unit-tested cheaply.
"""

import difflib
import html
import itertools
import re
import unicodedata

from pbr_site.core.text import has_hidden_characters, has_visible_text, without_hidden_characters

MAX_QUERY_LENGTH = 200
# The longest query kept in the editors' search report: longer ones are searched for, not kept.
MAX_REPORTED_LENGTH = 100
MAX_WORDS = 12
# Letters and digits in any script, with inner apostrophes and hyphens kept (Welsh "i'r",
# "cream-skimming"); everything else separates words.
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def clean_query(raw):
    """What we search for, in site search and the resource pack alike: one line without hidden
    characters (pbr_site.core.text: the echoed query cannot read backwards), each made a space
    so the words on either side stay apart, Unicode normalised (a decomposed "café" finds what
    "café" finds), the length capped. Any string, however hostile, gives a (maybe empty) str."""
    text = without_hidden_characters(raw or "", one_line=True, words_apart=True)
    return unicodedata.normalize("NFC", text)[:MAX_QUERY_LENGTH].strip()


def is_ordinary_query(raw):
    """True for a query worth showing editors in the search report: typed as a person types
    (no hidden character, not even a tab: pbr_site.core.text.has_hidden_characters), something
    visible, at most MAX_REPORTED_LENGTH characters. Anything else is still searched for, just
    not kept."""
    return (
        isinstance(raw, str)
        and 0 < len(raw) <= MAX_REPORTED_LENGTH
        and not has_hidden_characters(raw)
        and has_visible_text(raw)
    )


def query_words(query):
    """The distinct words of a cleaned query, lower-cased, in order, at most MAX_WORDS.

    Apostrophes and hyphens split words too, as the full-text tokenisers do."""
    words = []
    for match in WORD.finditer(query.casefold()):
        for word in re.split(r"['’\-]", match.group()):
            if word and word not in words:
                words.append(word)
    return words[:MAX_WORDS]


# Words too common to help find anything, dropped from a query that has others (PostgreSQL's
# english configuration drops these itself; SQLite's tokeniser does not).
STOPWORDS = {
    "en": set(
        "a about am an and are as at be been but by can do does for from had has have how i if in "
        "into is it its me my no not of on or our so than that the their them then there these they "
        "this to was we were what when where which while who whom why will with would you your".split()
    ),
    "cy": set("a ac am ar at beth fy gan i mae mewn o oes pa pam sut y yn yr 'r ei eu ein eich hyn hynny".split()),
}


def significant_words(words, language):
    """The words worth searching for: without the stopwords, unless nothing else is left.

    In a language other than English, English stopwords go too: the publications are in
    English, so readers there search in English as well, and their English words must find
    at least what they find on the English pages (never more words to match than there).
    Should that leave nothing, the words as English leaves them."""
    stopword_sets = [STOPWORDS["en"]]
    if language != "en":
        stopword_sets.insert(0, STOPWORDS.get(language, set()) | STOPWORDS["en"])
    for stopwords in stopword_sets:
        kept = [word for word in words if word not in stopwords]
        if kept:
            return kept
    return words


def stem(word):
    """A crude common stem, matched as a prefix: 'evaluations' finds and highlights
    'evaluation' and 'evaluated', 'commissioning' and 'commissioner' find each other. The
    search index matches with it on both databases (search/index.py): SQLite's tokeniser
    stems nothing, and PostgreSQL's English stemmer leaves 'commissioner' and 'commissioning'
    apart ('commission', 'commiss')."""
    for ending in ("ations", "ation", "ings", "ing", "ies", "ers", "er", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def title_holds(title, phrases):
    """True when the title holds every word of one of the phrases, matched as the index
    matches them (a word's stem at the start of a title word): a reader who types a
    publication's or a term's name expects it first."""
    title_words = re.findall(r"[^\W_]+", str(title or "").casefold())
    for words in phrases:
        stems = [stem(word.casefold()) for word in words if word.isalnum()]
        if stems and all(any(title_word.startswith(part) for title_word in title_words) for part in stems):
            return True
    return False


def highlight(text, words, length=240):
    """An extract of `text` around the first matched word, HTML-escaped, with every matched
    word wrapped in <mark>. Returns a string of safe HTML. Words match at the start of a
    word ('pay' marks 'payment'), ignoring case."""
    text = " ".join(str(text or "").split())
    if not text:
        return ""
    stems = sorted({stem(word) for word in words if word}, key=len, reverse=True)
    pattern = (
        re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(part) for part in stems) + r")[^\W_]*", re.IGNORECASE)
        if stems
        else None
    )
    first = pattern.search(text) if pattern else None
    start = 0
    if first and first.start() > length // 3:
        # Start at a word boundary a little before the first match.
        start = text.rfind(" ", 0, first.start() - length // 4) + 1
    end = start + length
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    extract = text[start:end]
    pieces, position = [], 0
    for match in pattern.finditer(extract) if pattern else ():
        pieces.append(html.escape(extract[position : match.start()]))
        pieces.append("<mark>" + html.escape(match.group()) + "</mark>")
        position = match.end()
    pieces.append(html.escape(extract[position:]))
    return ("… " if start else "") + "".join(pieces) + (" …" if end < len(text) else "")


def vocabulary_words(names):
    """The words of these names (glossary terms, tag names) that may make up a compound:
    three letters or more, no stopword in either language."""
    stopwords = STOPWORDS["en"] | STOPWORDS["cy"]
    return {word for name in names for word in query_words(name) if len(word) >= 3 and word not in stopwords}


def compound_variants(words, known_words):
    """Other ways to write the query's compounds, each a list of words to look for instead
    of `words`: two words joined ('cash flow': 'cashflow'), and a word split in two where
    both halves are `known_words` (vocabulary_words: 'cashflow': 'cash flow').

    Joining is always tried: a word made of two others is rarely anything but their
    compound. Splitting only into known words, as any two halves, matched at the start of
    words, would also match texts that merely hold both ('payment': 'pay' and 'ment…')."""
    variants = []

    def add(variant):
        if variant != words and variant not in variants:
            variants.append(variant)

    stopwords = STOPWORDS["en"] | STOPWORDS["cy"]
    for position, (first, second) in enumerate(itertools.pairwise(words)):
        if first.isalpha() and second.isalpha() and not {first, second} & stopwords:
            add([*words[:position], first + second, *words[position + 2 :]])
    for position, word in enumerate(words):
        for cut in range(3, len(word) - 2):
            head, tail = word[:cut], word[cut:]
            if head in known_words and tail in known_words:
                add([*words[:position], head, tail, *words[position + 1 :]])
    return variants


def suggest(words, vocabulary, limit=3):
    """Close spellings from `vocabulary` (glossary terms, tag names) for a query that found
    nothing: whole phrases first, then word by word. Returns the vocabulary's own spelling."""
    if not words:
        return []
    by_folded = {}
    for phrase in vocabulary:
        by_folded.setdefault(" ".join(query_words(phrase)), phrase)
    phrase = " ".join(words)
    found = difflib.get_close_matches(phrase, list(by_folded), n=limit, cutoff=0.75)
    if len(found) < limit:
        single_words = {word for folded in by_folded for word in folded.split()}
        corrected = []
        for word in words:
            close = difflib.get_close_matches(word, single_words, n=1, cutoff=0.8)
            corrected.append(close[0] if close else word)
        candidate = " ".join(corrected)
        if candidate != phrase and candidate not in found:
            found.append(candidate)
    suggestions = [by_folded.get(item, item) for item in found]
    return [item for item in suggestions if " ".join(query_words(item)) != phrase][:limit]
