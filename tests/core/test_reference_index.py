"""Wagtail's reference index ("Used by" in the admin) after a publish, with the tasks worker that
production runs: no failing task, and the digest still recorded as citing its entries
(pbr_site/core/reference_index.py says why the child rows' own tasks are not queued)."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import connect_reference_index_signal_handlers
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.literature.factories import digest, entry

INDEX_TASK = "wagtail.tasks.update_reference_index_task"


@pytest.fixture
def database_tasks(settings, monkeypatch):
    """Tasks kept in the database and run by `manage.py db_worker`, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    # Between tasks the worker closes a connection that is not in autocommit mode, as the
    # test's is (its transaction is rolled back after the test): that would end the test.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)


def publish_in_welsh(page, welsh):
    """Translate every string and publish, as a Moderator does in wagtail-localize's editor."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=welsh)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=welsh,
            context=segment.context,
            defaults={"data": segment.string.data.replace("Test", "Prawf")},
        )
    translation.save_target(publish=True)
    return page.get_translation(welsh)


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


@pytest.mark.django_db
def test_translating_a_digest_leaves_no_failed_task_and_the_index_knows_what_it_cites(database_tasks, welsh):
    # What Wagtail does after every migrate; it must not bring the child rows' tasks back.
    connect_reference_index_signal_handlers()
    cited, also_cited = entry(), entry()
    page = digest(references=[(cited, "First 2015"), (also_cited, "Second 2015")])
    # wagtail-localize copies the references, then replaces the copies when it publishes; a
    # second sync replaces them again. The worker runs after, as it does after `make run`'s load.
    publish_in_welsh(page, welsh)
    page.title = "Test digest, revised"
    page.save_revision().publish()
    welsh_page = publish_in_welsh(page, welsh)
    run_worker()

    results = DBTaskResult.objects.filter(task_path=INDEX_TASK)
    assert results.exists()
    failed = [(result.args_kwargs, result.exception_class_path) for result in results.filter(status="FAILED")]
    assert failed == []
    for item in (cited, also_cited):
        citing = {int(reference.object_id) for reference in ReferenceIndex.get_references_to(item)}
        assert {page.pk, welsh_page.pk} <= citing


@pytest.mark.django_db
def test_a_reference_dropped_from_a_digest_leaves_the_index(database_tasks):
    kept, dropped = entry(), entry()
    page = digest(references=[(kept, "Kept 2015"), (dropped, "Dropped 2015")])
    run_worker()
    assert ReferenceIndex.get_references_to(dropped).filter(object_id=str(page.pk)).exists()

    page.references = [reference for reference in page.references.all() if reference.entry_id == kept.pk]
    page.save_revision().publish()
    run_worker()

    assert ReferenceIndex.get_references_to(kept).filter(object_id=str(page.pk)).exists()
    assert not ReferenceIndex.get_references_to(dropped).filter(object_id=str(page.pk)).exists()
