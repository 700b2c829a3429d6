"""The demo sectors and themes, read from taxonomy.yaml."""

from pathlib import Path

from pbr_site.core.demo_files import read_yaml

_DATA = read_yaml(Path(__file__).with_name("taxonomy.yaml"))

SECTORS = _DATA["sectors"]
THEMES = _DATA["themes"]
