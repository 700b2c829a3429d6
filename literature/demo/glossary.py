"""The demo glossary, read from glossary.yaml."""

from pathlib import Path

from pbr_site.core.demo_files import read_yaml

TERMS = read_yaml(Path(__file__).with_name("glossary.yaml"))["terms"]
