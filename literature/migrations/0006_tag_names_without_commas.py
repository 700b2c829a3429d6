"""Sector and theme names lose their commas (LabelledTag.clean): Wagtail's tag field splits a
name at a comma, so a digest or entry saved in the admin lost such a tag. The first ", " becomes
": " ("gaming: cream-skimming and parking"), any other comma a semicolon. Slugs, and so
addresses, are unchanged."""

from django.db import migrations


def without_commas(apps, schema_editor):
    for model_name in ("SectorTag", "ThemeTag"):
        model = apps.get_model("literature", model_name)
        for tag in model.objects.filter(name__contains=","):
            name = tag.name.replace(", ", ": ", 1).replace(",", ";")
            if model.objects.filter(name=name).exclude(pk=tag.pk).exists():
                name = f"{name} ({tag.slug})"
            tag.name = name
            tag.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [("literature", "0005_digest_evidence_note")]

    operations = [migrations.RunPython(without_commas, migrations.RunPython.noop)]
