"""Welsh wording of the glossary page and its terms, from glossary.cy.yaml: {English: Welsh}.
The digests' Welsh is in digests/*.cy.md."""

from pathlib import Path

from pbr_site.core.demo_files import read_welsh

WELSH = read_welsh(Path(__file__).with_name("glossary.cy.yaml"))
