"""Background work for the literature review: bibliography imports.

A task gets the job's id (task arguments are stored as JSON), claims the job, imports its
file with literature.bibliography_io.Importer and saves its progress after every batch of
rows, so the job's page can show how far it has got. The worker is `manage.py db_worker`.
"""

import logging

from django.contrib.auth import get_user_model
from django.tasks import task
from django.utils import timezone

from .bibliography_io import Importer, count_outcomes
from .models import ImportJob

logger = logging.getLogger(__name__)


@task()
def run_import(job_id):
    # Claim the job: a task delivered twice imports once.
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
        status=ImportJob.Status.RUNNING, started_at=timezone.now(), updated_at=timezone.now()
    )
    if not claimed:
        return None
    job = ImportJob.objects.get(pk=job_id)
    try:
        user = get_user_model().objects.filter(pk=job.created_by_id, is_active=True).first()
        # Checked again here, whatever the job says: only someone who may publish ever does.
        publish = bool(job.publish and user and user.has_perm("literature.publish_bibliographyentry"))
        importer = Importer(publish=publish, dry_run=job.dry_run, on_duplicate=job.on_duplicate, user=user)

        def progress(rows, total):
            ImportJob.objects.filter(pk=job_id).update(
                total_rows=total, rows_done=len(rows), counts=count_outcomes(rows), updated_at=timezone.now()
            )

        rows = importer.import_text(job.text, job.filename, progress=progress)
    except Exception as error:
        logger.exception("Bibliography import %s failed", job_id)
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportJob.Status.FAILED,
            error=f"{type(error).__name__}: {error}",
            finished_at=timezone.now(),
            updated_at=timezone.now(),
        )
        raise
    ImportJob.objects.filter(pk=job_id).update(
        status=ImportJob.Status.DONE,
        total_rows=len(rows),
        rows_done=len(rows),
        counts=count_outcomes(rows),
        report=[row.as_dict() for row in rows],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    return count_outcomes(rows)
