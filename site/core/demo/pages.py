"""The demo page tree, read from pages.yaml (that file says what each part is)."""

from pathlib import Path

from pbr_site.core.demo_files import read_yaml

_DATA = read_yaml(Path(__file__).with_name("pages.yaml"))

HOME = _DATA["home"]
PAGES = _DATA["pages"]
HOME_PARTS = _DATA["home_parts"]
HOME_PART_IDS = _DATA["home_part_ids"]
