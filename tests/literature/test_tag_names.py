"""Sector and theme names cannot hold a comma: Wagtail's tag field reads a comma as the end of
a tag, so a digest saved in the admin would lose a tag named "gaming, parking"."""

import pytest
from django.urls import reverse

from literature.models import ThemeTag
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def test_no_demo_tag_name_holds_a_comma():
    from literature.models import SectorTag

    assert not ThemeTag.objects.filter(name__contains=",").exists()
    assert not SectorTag.objects.filter(name__contains=",").exists()
    assert ThemeTag.objects.get(slug="gaming-cream-skimming-and-parking").name == "gaming: cream-skimming and parking"


def test_an_editor_cannot_name_a_theme_with_a_comma(client, admin_user):
    client.force_login(admin_user)
    theme = ThemeTag.objects.get(slug="gaming-cream-skimming-and-parking")
    url = reverse("wagtailsnippets_literature_themetag:edit", args=[theme.pk])
    data = form_data(client.get(url), "form[data-edit-form]", name="gaming, creaming and parking")
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the message
    assert "cannot hold a comma" in response.content.decode()
    theme.refresh_from_db()
    assert theme.name == "gaming: cream-skimming and parking"


def test_the_migration_takes_the_commas_out_of_existing_names():
    """A database from before the rule: its names lose their commas, slugs (addresses) stay."""
    import importlib

    from django.apps import apps

    from literature.models import SectorTag

    migration = importlib.import_module("literature.migrations.0006_tag_names_without_commas")
    theme = ThemeTag.objects.get(slug="gaming-cream-skimming-and-parking")
    ThemeTag.objects.filter(pk=theme.pk).update(name="gaming, cream-skimming, parking")
    sector = SectorTag.objects.create(name="courts, prisons", slug="courts-prisons")
    SectorTag.objects.create(name="courts: prisons", slug="courts-prisons-2")  # the new name is taken

    migration.without_commas(apps, None)

    theme.refresh_from_db()
    sector.refresh_from_db()
    assert (theme.name, theme.slug) == ("gaming: cream-skimming; parking", "gaming-cream-skimming-and-parking")
    assert (sector.name, sector.slug) == ("courts: prisons (courts-prisons)", "courts-prisons")
