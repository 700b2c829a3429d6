"""Link the first mention of each glossary term in a piece of HTML to its definition.

Works on the rendered HTML of digests and questionnaire help text. Text inside links,
headings and citation markers is left alone, and each term is linked once per call, so a
page does not turn into a sea of links.
"""

import re
from functools import lru_cache

from django.utils.html import escape

TOKENS = re.compile(r"(<[^>]+>)")
SKIP_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "sup", "code", "dfn", "summary"}
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")


def link_terms(html, terms):
    """`terms`: [(names, url, short_definition)] with each term's names longest first."""
    if not terms or not html:
        return html
    pattern = _any_term(tuple(tuple(name for name in names if name) for names, _url, _definition in terms))
    linked = set()
    skipping = []
    out = []
    for token in TOKENS.split(html):
        if token.startswith("<"):
            match = TAG_NAME.match(token)
            if match:
                closing, name = match.group(1) == "/", match.group(2).lower()
                if name in SKIP_INSIDE and not token.endswith("/>"):
                    if closing:
                        if skipping and skipping[-1] == name:
                            skipping.pop()
                    else:
                        skipping.append(name)
            out.append(token)
            continue
        if skipping or not token.strip() or len(linked) == len(terms):
            out.append(token)
            continue
        out.append(_link_in_text(token, pattern, terms, linked))
    return "".join(out)


@lru_cache(maxsize=32)
def _any_term(names_per_term):
    """One pattern for every term, group n+1 being term n: a text is read once, not once
    per term (a digest has some 30 runs of text and the glossary some 30 terms)."""
    groups = []
    for names in names_per_term:
        alternatives = "|".join(re.escape(name) for name in names)
        groups.append(f"({alternatives})" if alternatives else "(?!)")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w-])", re.IGNORECASE)


def _link_in_text(text, pattern, terms, linked):
    """Link the first mention of each not-yet-linked term in one run of text. A mention of
    a term linked already is passed over whole (so a shorter term inside it stays text)."""
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        index = match.lastindex - 1
        if index in linked:
            continue
        linked.add(index)
        _names, url, definition = terms[index]
        pieces.append(text[position : match.start()])
        pieces.append(
            f'<a class="govuk-link app-glossary-link" href="{escape(url)}" title="{escape(definition)}">'
            f"{match.group(index + 1)}</a>"
        )
        position = match.end()
        if len(linked) == len(terms):
            break
    pieces.append(text[position:])
    return "".join(pieces)
