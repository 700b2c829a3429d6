"""Synthetic self-assessment responses for load tests: complete, scored, marked, removable."""

import pytest
from django.core.management import call_command

from toolkit.models import AssessmentResponse


@pytest.mark.django_db
def test_synthetic_responses_are_scored_results_that_render_and_can_be_deleted(client):
    real = AssessmentResponse.objects.count()
    call_command("generate_synthetic_responses", 12, verbosity=0)
    made = AssessmentResponse.objects.filter(is_synthetic=True)
    assert made.count() == 12
    assert {response.language for response in made} == {"en", "cy"}
    for response in made[:4]:
        assert response.is_complete and response.result["factors"]
        assert client.get(response.page.url + f"result/{response.share_token}/").status_code == 200
    call_command("generate_synthetic_responses", delete=True, verbosity=0)
    assert AssessmentResponse.objects.count() == real
