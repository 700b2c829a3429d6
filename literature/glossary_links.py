"""Link the first mention of each glossary term in a piece of HTML to its definition.

Works on the rendered HTML of digests and questionnaire help text. Text inside links,
headings and citation markers is left alone, and each term is linked once per call, so a
page does not turn into a sea of links.
"""

import re

from django.utils.html import escape

TOKENS = re.compile(r"(<[^>]+>)")
SKIP_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "sup", "code", "dfn", "summary"}
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")


def link_terms(html, terms):
    """`terms`: [(names, url, short_definition)] with each term's names longest first."""
    if not terms or not html:
        return html
    patterns = []
    for names, url, definition in terms:
        alternatives = "|".join(re.escape(name) for name in names if name)
        if alternatives:
            patterns.append((re.compile(rf"(?<![\w-])({alternatives})(?![\w-])", re.IGNORECASE), url, definition))
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
        if skipping or not token.strip():
            out.append(token)
            continue
        token = _link_in_text(token, patterns, linked)
        out.append(token)
    return "".join(out)


def _link_in_text(text, patterns, linked):
    """Link the earliest mention of each not-yet-linked term in one run of text."""
    pieces = []
    rest = text
    while True:
        best = None
        for index, (pattern, url, definition) in enumerate(patterns):
            if index in linked:
                continue
            match = pattern.search(rest)
            if match and (best is None or match.start() < best[1].start()):
                best = (index, match, url, definition)
        if best is None:
            break
        index, match, url, definition = best
        linked.add(index)
        pieces.append(rest[: match.start()])
        pieces.append(
            f'<a class="govuk-link app-glossary-link" href="{escape(url)}" title="{escape(definition)}">'
            f"{match.group(1)}</a>"
        )
        rest = rest[match.end():]
    pieces.append(rest)
    return "".join(pieces)
