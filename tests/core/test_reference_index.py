"""Wagtail's reference index ("Used by" in the admin) after a publish or a translation, with the
tasks worker that production runs and with tasks run at once: no failing task, and the pages and
terms recorded as citing or naming exactly what they do now (pbr_site/core/reference_index.py
says why a child row's change queues our task for its parent instead of Wagtail's per row).
Each change commits (django_capture_on_commit_callbacks), as it does in the admin."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import connect_reference_index_signal_handlers
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests.literature.factories import digest, entry

WAGTAIL_INDEX_TASK = "wagtail.tasks.update_reference_index_task"
OUR_INDEX_TASK = "pbr_site.core.reference_index.index_references_of"


@pytest.fixture(autouse=True)
def no_review_pdf(monkeypatch):
    """Each committed publish would build the full review as a PDF in both languages (seconds
    each): not what these tests are about."""
    monkeypatch.setattr("literature.review_pdf.schedule", lambda language_code: None)


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
def test_translating_a_digest_leaves_no_failed_task_and_the_index_knows_what_it_cites(
    database_tasks, welsh, django_capture_on_commit_callbacks
):
    # What Wagtail does after every migrate; it must not bring the child rows' tasks back.
    connect_reference_index_signal_handlers()
    cited, also_cited = entry(), entry()
    with django_capture_on_commit_callbacks(execute=True):  # each step commits, as in the admin
        page = digest(references=[(cited, "First 2015"), (also_cited, "Second 2015")])
    # wagtail-localize copies the references, then replaces the copies when it publishes; a
    # second sync replaces them again. The worker runs after, as it does after `make run`'s load.
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_welsh(page, welsh)
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Test digest, revised"
        page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        welsh_page = publish_in_welsh(page, welsh)
    assert welsh_page.live and welsh_page.title == "Prawf digest, revised"
    run_worker()

    assert DBTaskResult.objects.filter(task_path=WAGTAIL_INDEX_TASK).exists()
    assert DBTaskResult.objects.filter(task_path=OUR_INDEX_TASK).exists()
    failed = [(result.task_path, result.args_kwargs) for result in DBTaskResult.objects.filter(status="FAILED")]
    assert failed == []
    for item in (cited, also_cited):
        citing = {int(reference.object_id) for reference in ReferenceIndex.get_references_to(item)}
        assert {page.pk, welsh_page.pk} <= citing


@pytest.mark.django_db
def test_a_reference_dropped_from_a_digest_leaves_the_index(database_tasks, django_capture_on_commit_callbacks):
    kept, dropped = entry(), entry()
    with django_capture_on_commit_callbacks(execute=True):
        page = digest(references=[(kept, "Kept 2015"), (dropped, "Dropped 2015")])
    run_worker()
    assert cites(page, dropped)

    with django_capture_on_commit_callbacks(execute=True):
        page.references = [reference for reference in page.references.all() if reference.entry_id == kept.pk]
        page.save_revision().publish()
    run_worker()

    assert cites(page, kept)
    assert not cites(page, dropped)


@pytest.mark.django_db
def test_with_tasks_run_at_once_the_index_is_read_after_the_rows_are_written(django_capture_on_commit_callbacks):
    """The tests' backend runs a task as it is queued, as a worker may take one at once: the
    parent's own task, queued as the parent is saved, sees its old references; ours comes after."""
    kept, dropped = entry(), entry()
    with django_capture_on_commit_callbacks(execute=True):
        page = digest(references=[(kept, "Kept 2015"), (dropped, "Dropped 2015")])
    assert cites(page, kept) and cites(page, dropped)

    with django_capture_on_commit_callbacks(execute=True):
        page.references = [reference for reference in page.references.all() if reference.entry_id == kept.pk]
        page.save_revision().publish()

    assert cites(page, kept)
    assert not cites(page, dropped)


@pytest.mark.django_db
def test_a_glossary_term_made_with_its_digests_in_one_save_is_indexed_as_naming_them(
    english, django_capture_on_commit_callbacks
):
    from literature.models import GlossaryTerm, GlossaryTermDigest

    named = digest()
    term = GlossaryTerm(
        term="Test outcome payment", short_definition="Paid when the outcome is achieved.", locale=english
    )
    term.related_digests = [GlossaryTermDigest(page=named)]
    with django_capture_on_commit_callbacks(execute=True):
        term.save()
    assert ReferenceIndex.get_references_to(named).filter(object_id=str(term.pk)).exists()

    with django_capture_on_commit_callbacks(execute=True):
        GlossaryTerm.objects.get(pk=term.pk).delete()  # its rows go with it; nothing fails
    assert not ReferenceIndex.get_references_to(named).filter(object_id=str(term.pk)).exists()


def cites(page, item):
    return ReferenceIndex.get_references_to(item).filter(object_id=str(page.pk)).exists()
