"""Fill the self-assessment with N synthetic, completed responses for load testing.

Each answers every question of the live questionnaire at random (skip logic applies as for a
real visitor) and is scored by the real engine, so its result page renders like any other.
They are marked `is_synthetic`, left out of the staff report, and removed with --delete.
Spread over the English and Welsh pages; runs in bulk (10,000 take seconds).
"""

import datetime
import random

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from toolkit import scoring
from toolkit.models import AssessmentResponse, Role, SelfAssessmentPage
from toolkit.questionnaire import pinned


class Command(BaseCommand):
    help = "Create N synthetic completed self-assessment responses for load testing (or --delete them)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, nargs="?", default=10000)
        parser.add_argument("--delete", action="store_true", help="Remove every synthetic response instead.")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count, delete, seed, **options):
        if delete:
            deleted, _ = AssessmentResponse.objects.filter(is_synthetic=True).delete()
            self.stdout.write(f"Deleted {deleted} synthetic responses.")
            return
        pages = [
            page
            for page in SelfAssessmentPage.objects.live().select_related("locale")
            if page.live_revision_id and page.questionnaire
        ]
        if not pages:
            self.stderr.write("No live self-assessment with a questionnaire: nothing to answer.")
            return
        rng = random.Random(seed)  # noqa: S311 (made-up test data, repeatable from a seed: not a secret)
        now = timezone.now()
        questionnaires = {page.pk: pinned(page.live_revision_id) for page in pages}
        responses = []
        for number in range(count):
            page = pages[number % len(pages)]
            questionnaire = questionnaires[page.pk]
            answers = {}
            for section in questionnaire.sections:
                for question in section.questions:
                    if not question.options:
                        continue
                    picks = rng.randint(1, min(2, len(question.options))) if question.allows_many else 1
                    answers[question.id] = [option.id for option in rng.sample(question.options, picks)]
            result = scoring.score(questionnaire.engine, answers)
            created = now - datetime.timedelta(minutes=rng.randint(10, 60 * 24 * 90))
            responses.append(
                AssessmentResponse(
                    page=page,
                    revision_id=page.live_revision_id,
                    language=page.locale.language_code,
                    role=rng.choice(Role.values),
                    answers=answers,
                    sections_done=[section.id for section in questionnaire.sections],
                    result=result.to_dict(),
                    created_at=created,
                    completed_at=created + datetime.timedelta(minutes=rng.randint(3, 30)),
                    found_useful=rng.choice([None, None, True, False]),
                    is_synthetic=True,
                )
            )
        with transaction.atomic():
            AssessmentResponse.objects.bulk_create(responses, batch_size=1000)
        self.stdout.write(f"Created {count} synthetic responses.")
