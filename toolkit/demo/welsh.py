"""Welsh wording of the demo questionnaire, from questionnaire.cy.yaml: {English: Welsh}."""

from pathlib import Path

from pbr_site.core.demo_files import read_welsh

WELSH = read_welsh(Path(__file__).with_name("questionnaire.cy.yaml"))
