"""Read a digest written as Markdown with YAML front matter (literature/demo/README.md).

Pure: no Django. `parse_digest` gives the front matter and the body as (block type, value)
pairs in the shapes DigestBodyBlock stores, rich text as the HTML Wagtail's editor saves
(<b>, <i>, <a href>, <p>, <ul>, <ol>), so a digest loaded from a file reads in the admin
exactly like one an editor typed.
"""

import re
from dataclasses import dataclass

import markdown
import yaml

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
CONTAINER_START = re.compile(r"^:::\s*([a-z-]+)\s*(.*?)\s*$")
HEADING = re.compile(r"^(##|###)\s+(.+?)\s*$")
CONTAINER_TYPES = {
    "key-finding": "key_finding",
    "quotation": "quotation",
    "for-commissioners": "for_commissioners",
    "for-providers": "for_providers",
    "table": "table",
}
# Markdown writes the HTML5 names; Wagtail's rich text stores the ones its editor uses.
_TAG_NAMES = {"strong": "b", "em": "i"}


class DigestFileError(ValueError):
    """A digest file that cannot be read; the message names the file's line."""


@dataclass
class DigestFile:
    front: dict
    body: list  # [(block type, value)]


def parse_digest(text, name="digest"):
    text = text.replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if match is None:
        raise DigestFileError(f"{name}: must start with front matter between two '---' lines")
    try:
        front = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise DigestFileError(f"{name}: front matter is not valid YAML: {error}") from error
    if not isinstance(front, dict):
        raise DigestFileError(f"{name}: front matter must be 'name: value' lines")
    first_line = text[: match.end()].count("\n") + 1
    return DigestFile(front=front, body=_body(text[match.end() :].split("\n"), first_line, name))


def _body(lines, first_line, name):
    blocks, prose = [], []

    def end_prose():
        html = rich_text("\n".join(prose))
        if html:
            blocks.append(("text", html))
        prose.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        heading = HEADING.match(line)
        container = CONTAINER_START.match(line)
        if heading:
            end_prose()
            blocks.append(("heading", {"text": heading.group(2), "level": f"h{len(heading.group(1))}"}))
        elif container:
            end_prose()
            kind, argument = container.groups()
            if kind not in CONTAINER_TYPES:
                raise DigestFileError(f"{name}, line {first_line + index}: unknown box '::: {kind}'")
            start = index
            index += 1
            inner = []
            while index < len(lines) and lines[index].strip() != ":::":
                inner.append(lines[index])
                index += 1
            if index == len(lines):
                raise DigestFileError(f"{name}, line {first_line + start}: '::: {kind}' has no closing ':::'")
            blocks.append(
                _container(CONTAINER_TYPES[kind], argument, "\n".join(inner).strip(), name, first_line + start)
            )
        else:
            prose.append(line)
        index += 1
    end_prose()
    return blocks


def _container(block_type, argument, inner, name, line):
    if block_type == "key_finding":
        return block_type, {"heading": argument, "text": rich_text(inner)}
    if block_type == "quotation":
        if not argument:
            raise DigestFileError(f"{name}, line {line}: a quotation needs its source after '::: quotation'")
        return block_type, {"quote": " ".join(inner.split()), "source": argument}
    if block_type == "table":
        rows = [_cells(row) for row in inner.split("\n") if row.strip()]
        rows = [row for row in rows if not all(re.fullmatch(r":?-{3,}:?", cell) for cell in row)]
        if len(rows) < 2 or any(len(row) != len(rows[0]) for row in rows):
            raise DigestFileError(f"{name}, line {line}: a table needs a heading row and rows of the same width")
        return block_type, {"caption": argument, "columns": rows[0], "rows": rows[1:]}
    return block_type, rich_text(inner)


def _cells(row):
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def rich_text(text):
    """Markdown to the HTML Wagtail's rich text stores, one line, no whitespace between blocks."""
    if not text.strip():
        return ""
    html = markdown.markdown(text, output_format="html")
    html = re.sub(r"<(/?)(strong|em)>", lambda m: f"<{m.group(1)}{_TAG_NAMES[m.group(2)]}>", html)
    return re.sub(r">\s*\n\s*<", "><", html).replace("\n", " ").strip()


def text_pairs(english, welsh, name="digest"):
    """The plain-text parts of an English digest and its Welsh file, paired in order, and the
    rich-text parts likewise (to be split into wagtail-localize's strings by the caller).
    Raises DigestFileError where the two files' structures differ."""
    plain, rich = [], []
    for key in ("title", "slug", "summary", "evidence_note"):
        if english.front.get(key):
            plain.append((english.front[key], _required(welsh.front, key, name)))
    messages, welsh_messages = english.front.get("key_messages") or [], welsh.front.get("key_messages") or []
    if len(messages) != len(welsh_messages):
        raise DigestFileError(f"{name}: {len(messages)} key messages in English, {len(welsh_messages)} in Welsh")
    plain.extend(zip(messages, welsh_messages, strict=True))
    if [kind for kind, _ in english.body] != [kind for kind, _ in welsh.body]:
        raise DigestFileError(
            f"{name}: the Welsh body's headings, paragraphs and boxes differ from the English: "
            f"{[k for k, _ in english.body]} against {[k for k, _ in welsh.body]}"
        )
    for position, ((kind, value), (_, welsh_value)) in enumerate(zip(english.body, welsh.body, strict=True), start=1):
        where = f"{name}, part {position} ({kind})"
        if kind in ("text", "for_commissioners", "for_providers"):
            rich.append((value, welsh_value, where))
        elif kind == "heading":
            plain.append((value["text"], welsh_value["text"]))
        elif kind == "key_finding":
            if value["heading"]:
                plain.append((value["heading"], _required(welsh_value, "heading", where)))
            rich.append((value["text"], welsh_value["text"], where))
        elif kind == "quotation":
            plain.extend([(value["quote"], welsh_value["quote"]), (value["source"], welsh_value["source"])])
        elif kind == "table":
            if len(value["rows"]) != len(welsh_value["rows"]) or len(value["columns"]) != len(welsh_value["columns"]):
                raise DigestFileError(f"{where}: the Welsh table has a different shape")
            plain.append((value["caption"], welsh_value["caption"]))
            plain.extend(zip(value["columns"], welsh_value["columns"], strict=True))
            for row, welsh_row in zip(value["rows"], welsh_value["rows"], strict=True):
                plain.extend(zip(row, welsh_row, strict=True))
    return plain, rich


def _required(mapping, key, where):
    if not mapping.get(key):
        raise DigestFileError(f"{where}: the Welsh has no {key}")
    return mapping[key]
