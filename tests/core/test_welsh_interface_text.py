"""The Welsh message catalogue covers every interface string in the templates."""

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "site" / "locale" / "cy" / "LC_MESSAGES" / "django.po"
TRANSLATE_TAG = re.compile(r"""{%\s*translate\s+(["'])(.+?)\1""")


def template_strings():
    for template in (ROOT / "templates").rglob("*.html"):
        for match in TRANSLATE_TAG.finditer(template.read_text()):
            yield template.relative_to(ROOT), match.group(2)


def test_every_catalogue_entry_is_translated():
    catalogue = polib.pofile(str(CATALOGUE))
    assert catalogue.metadata["Language"] == "cy"
    assert not catalogue.untranslated_entries()
    assert not catalogue.fuzzy_entries()


def test_every_template_string_is_in_the_catalogue():
    translated = {entry.msgid for entry in polib.pofile(str(CATALOGUE)) if entry.msgstr}
    # Django looks {% translate %} strings up with "%" doubled (as makemessages writes them).
    missing = sorted(
        {f"{path}: {text}" for path, text in template_strings() if text.replace("%", "%%") not in translated}
    )
    assert not missing, "run `make makemessages` and translate:\n" + "\n".join(missing)
