"""Demo content kept as data files a content person can read and correct (YAML), and the
Welsh beside each as a list of English and Welsh pairs. Pure: no Django."""

from pathlib import Path

import yaml


def read_yaml(path):
    with Path(path).open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def read_welsh(path):
    """{English: Welsh} from a file of `- en: ... / cy: ...` pairs. An English text given two
    different Welsh wordings is an error: wagtail-localize translates a string once."""
    welsh = {}
    for number, pair in enumerate(read_yaml(path) or [], start=1):
        english, text = pair.get("en"), pair.get("cy")
        if not english or not text:
            raise ValueError(f"{Path(path).name}, pair {number}: needs both 'en' and 'cy'")
        if welsh.get(english, text) != text:
            raise ValueError(f"{Path(path).name}, pair {number}: a second Welsh wording for {english!r}")
        welsh[english] = text
    return welsh
