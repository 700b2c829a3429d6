"""Imports of bibliography files, run in the background (literature/tasks.py).

An upload is stored as a job with the file's text and the importer's choices, and a task
runs it; the job's page shows how far it has got and then what happened to every row. A
5,000-row file takes longer than a web request may, so nothing waits for it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        FAILED = "failed", _("Failed")

    class OnDuplicate(models.TextChoices):
        SKIP = "skip", _("Skip duplicates: leave the entry already in the pack as it is")
        UPDATE = "update", _("Update the entry already in the pack with what the file gives")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True, db_index=True)
    filename = models.CharField(_("file"), max_length=255)
    text = models.TextField(_("the file's text"))
    dry_run = models.BooleanField(_("check only"), default=False)
    publish = models.BooleanField(_("publish"), default=False)
    on_duplicate = models.CharField(
        _("duplicates"), max_length=10, choices=OnDuplicate.choices, default=OnDuplicate.SKIP
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField(_("rows in the file"), default=0)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    counts = models.JSONField(_("outcomes"), default=dict, blank=True)  # {"created": 12, ...}
    report = models.JSONField(_("report"), default=list, blank=True)  # one dict per row (ImportRow)
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last progress"), null=True, blank=True)  # set by the task

    class Meta:
        verbose_name = _("bibliography import")
        verbose_name_plural = _("bibliography imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} ({self.created_at:%Y-%m-%d %H:%M})" if self.created_at else self.filename

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent_done(self):
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.rows_done / self.total_rows) if self.total_rows else 0
