"""The demo questionnaire, read from questionnaire.yaml (that file says what each part is).

Plain data, no Django: the demo loader turns it into the self-assessment page's content and
the tests take the sample services through it without a database."""

from pathlib import Path

from pbr_site.core.demo_files import read_yaml

_DATA = read_yaml(Path(__file__).with_name("questionnaire.yaml"))

FACTORS = _DATA["factors"]
SECTIONS = _DATA["sections"]
FACTOR_BANDS = _DATA["factor_bands"]
OVERALL_BANDS = _DATA["overall_bands"]
NEXT_STEPS = _DATA["next_steps"]
UNANSWERED = _DATA["unanswered"]
READ_MORE = _DATA["read_more"]
PROVIDER_WORDING = _DATA["provider_wording"]
VERDICT_RULES = _DATA["verdict_rules"]
SAMPLE_SERVICES = _DATA["sample_services"]
