"""Resources the public suggest for the pack ("grey" material: unpublished evaluations,
local reports). Stored for staff to review; never shown publicly until a moderator turns
one into a bibliography entry."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceSuggestion(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Made into an entry")
        DECLINED = "declined", _("Declined")

    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500, blank=True)
    why = models.TextField(_("why it matters"), max_length=2000)
    email = models.EmailField(_("contact email"), blank=True)
    language = models.CharField(max_length=8, default="en", editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    staff_notes = models.TextField(_("notes for staff"), blank=True)
    entry = models.ForeignKey(
        "literature.BibliographyEntry", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("entry made from it"),
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("resource suggestion")
        verbose_name_plural = _("resource suggestions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title
