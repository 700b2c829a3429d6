"""Delete self-assessment responses older than their page's retention period.

Run it daily (cron or a scheduler): `python manage.py delete_old_responses`. Each
self-assessment page sets its own period ("keep responses for (days)", Settings tab).
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from toolkit.models import AssessmentResponse, JointAssessment, SelfAssessmentPage


class Command(BaseCommand):
    help = "Delete self-assessment responses older than each page's retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would go, delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        total = 0
        for page in SelfAssessmentPage.objects.all().only("id", "title", "retention_days"):
            cutoff = now - datetime.timedelta(days=page.retention_days)
            old = AssessmentResponse.objects.filter(page=page, created_at__lt=cutoff)
            count = old.count()
            if count and not dry_run:
                old.delete()
            total += count
            if count:
                self.stdout.write(f"{page.title}: {count} response(s) older than {page.retention_days} days")
            # A joint assessment goes with its page's responses (its parties' answers are
            # never older than it is).
            joints = JointAssessment.objects.filter(page=page, created_at__lt=cutoff)
            joint_count = joints.count()
            if joint_count and not dry_run:
                joints.delete()
            if joint_count:
                self.stdout.write(
                    f"{page.title}: {joint_count} joint self-assessment(s) older than {page.retention_days} days"
                )
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {total} response(s).")
