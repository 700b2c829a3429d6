"""The full literature review as one downloadable document, compiled from the digests.

Written as RTF: plain text with a little markup that Word, LibreOffice and Pages open, and
that needs no library to produce. Staff can replace it in the admin with a designed PDF.
"""

from django.utils.html import strip_tags


def _rtf_text(text):
    """Escape for RTF; characters beyond ASCII as \\uN? (N a signed 16-bit number)."""
    out = []
    for char in text:
        code = ord(char)
        if char in "\\{}":
            out.append("\\" + char)
        elif code < 128:
            out.append(char)
        else:
            for unit in char.encode("utf-16-le").hex(" ", 2).split():
                value = int.from_bytes(bytes.fromhex(unit), "little")
                out.append(f"\\u{value - 65536 if value > 32767 else value}?")
    return "".join(out)


def _paragraphs(html):
    """Rich text HTML -> plain paragraphs (block ends become paragraph breaks)."""
    for tag in ("</p>", "</li>", "</h2>", "</h3>", "<br>", "<br/>"):
        html = html.replace(tag, tag + "\n")
    return [" ".join(line.split()) for line in strip_tags(html).split("\n") if line.strip()]


def compile_review(review, digests):
    """RTF bytes: the review's introduction, then each digest's summary, key messages, text
    and references."""
    parts = [r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\fs22"]

    def heading(text, size):
        parts.append(rf"{{\pard\sb240\sa120\b\fs{size} {_rtf_text(text)}\par}}")

    def paragraph(text):
        parts.append(rf"{{\pard\sa120 {_rtf_text(text)}\par}}")

    heading(review.title, 40)
    paragraph(review.intro)
    for block in review.body:
        if block.block_type == "heading":
            heading(block.value["text"], 28)
        elif block.block_type == "paragraph":
            for text in _paragraphs(block.value.source):
                paragraph(text)
    for digest in digests:
        heading(digest.title, 32)
        paragraph(digest.summary)
        heading("Key messages", 24)
        for message in digest.key_messages:
            paragraph("\u2022 " + message.value)
        for block in digest.body:
            value = block.value
            if block.block_type == "heading":
                heading(value["text"], 26)
            elif block.block_type in ("text", "for_commissioners", "for_providers"):
                if block.block_type != "text":
                    heading(block.block.label, 24)
                for text in _paragraphs(value.source):
                    paragraph(text)
            elif block.block_type == "key_finding":
                heading(value["heading"] or "Key finding", 24)
                for text in _paragraphs(value["text"].source):
                    paragraph(text)
            elif block.block_type == "table":
                paragraph(value["caption"])
                paragraph(" | ".join(value["columns"]))
                for row in value["rows"]:
                    paragraph(" | ".join(row["cells"]))
        references = digest.numbered_references()
        if references:
            heading("References", 24)
            for reference in references:
                paragraph(f"[{reference.number}] {reference.citation}")
    parts.append("}")
    return "\n".join(parts).encode("ascii")
