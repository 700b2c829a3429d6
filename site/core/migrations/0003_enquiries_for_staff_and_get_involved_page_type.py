"""Data for the get involved page's enquiry form.

1. Editors and Moderators may see enquiries in the admin and mark them replied or closed;
   Moderators may also delete them (personal data kept no longer than needed). Wagtail's own
   first migration created both groups; they are made here if someone has deleted them.

2. A site made before GetInvolvedPage existed has its "get involved" page (the home page's
   child with the English slug "get-involved", and its translations) as a StandardPage. It
   becomes a GetInvolvedPage in place: same id, path, words, revisions and translations, so
   editors keep what they wrote and the URLs do not change. Wagtail has no API for changing
   a page's type: its row moves from core_standardpage to core_getinvolvedpage (the fields
   they share: lead paragraph and body) and every record that names the page's specific type
   is told the new one (the page, its revisions, workflow states, log entries, reference and
   search index entries, editing sessions and autosaved forms, wagtail-localize's translation
   source). Reversible.
"""

import json

from django.db import migrations

GET_INVOLVED_SLUG = "get-involved"
STEPLEN = 4  # characters per level of a page path (treebeard; historical models lack Page.steplen)
SHARED_COLUMNS = ("page_ptr_id", "intro", "body")

EDITOR_PERMISSIONS = ["view_enquiry", "change_enquiry"]
MODERATOR_PERMISSIONS = [*EDITOR_PERMISSIONS, "delete_enquiry"]


def grant_enquiry_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations (post_migrate): make core's now.
    core = apps.get_app_config("core")
    core.models_module = True
    create_permissions(core, apps=apps, verbosity=0)
    core.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in (("Editors", EDITOR_PERMISSIONS), ("Moderators", MODERATOR_PERMISSIONS)):
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="core", content_type__model="enquiry", codename__in=codenames
            )
        )


def remove_enquiry_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(content_type__app_label="core", content_type__model="enquiry"):
        permission.group_set.clear()


def _get_involved_pages(apps, model_name):
    """The get involved page of the given type in every language, as ids and translation keys."""
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    home_type = ContentType.objects.filter(app_label="core", model="homepage").first()
    page_type = ContentType.objects.filter(app_label="core", model=model_name).first()
    if home_type is None or page_type is None:
        return []
    keys = set()
    for page in Page.objects.filter(slug=GET_INVOLVED_SLUG, content_type=page_type, depth__gte=3):
        parent = Page.objects.filter(path=page.path[:-STEPLEN]).first()
        if parent is not None and parent.content_type_id == home_type.pk:
            keys.add(page.translation_key)
    return list(
        Page.objects.filter(translation_key__in=keys, content_type=page_type).values_list("pk", "translation_key")
    )


def _change_type(apps, schema_editor, source_name, target_name):
    pages = _get_involved_pages(apps, source_name)
    if not pages:
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    source_type = ContentType.objects.get(app_label="core", model=source_name)
    target_type, _created = ContentType.objects.get_or_create(app_label="core", model=target_name)
    ids = [pk for pk, _key in pages]
    object_ids = [str(pk) for pk in ids]
    keys = [key for _pk, key in pages]

    source_table = apps.get_model("core", source_name)._meta.db_table
    target_table = apps.get_model("core", target_name)._meta.db_table
    quote = schema_editor.quote_name
    columns = ", ".join(quote(column) for column in SHARED_COLUMNS)
    placeholders = ", ".join(["%s"] * len(ids))
    target_extra = [
        f.column
        for f in apps.get_model("core", target_name)._meta.local_concrete_fields
        if f.column not in SHARED_COLUMNS
    ]
    # New text fields are NOT NULL with blank defaults: give them "".
    extra_columns = "".join(f", {quote(column)}" for column in target_extra)
    extra_values = "".join(", ''" for _column in target_extra)
    # Table and column names from the models, quoted by the backend; the ids are parameters.
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(target_table)} ({columns}{extra_columns}) "  # noqa: S608
            f"SELECT {columns}{extra_values} FROM {quote(source_table)} WHERE {quote('page_ptr_id')} IN ({placeholders})",
            ids,
        )
        cursor.execute(f"DELETE FROM {quote(source_table)} WHERE {quote('page_ptr_id')} IN ({placeholders})", ids)  # noqa: S608

    apps.get_model("wagtailcore", "Page").objects.filter(pk__in=ids).update(content_type=target_type)
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type=source_type, object_id__in=object_ids):
        revision.content_type = target_type
        if isinstance(revision.content, dict) and "content_type" in revision.content:
            revision.content["content_type"] = target_type.pk
        revision.save(update_fields=["content_type", "content"])
    for model_label in (
        "wagtailcore.WorkflowState",
        "wagtailcore.ReferenceIndex",
        "wagtailsearch.IndexEntry",
        "wagtailadmin.EditingSession",
        "wagtailadmin.FormState",
    ):
        model = apps.get_model(model_label)
        model.objects.filter(content_type=source_type, object_id__in=object_ids).update(content_type=target_type)
    apps.get_model("wagtailcore", "PageLogEntry").objects.filter(content_type=source_type, page_id__in=ids).update(
        content_type=target_type
    )
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type=source_type, object_id__in=keys):
        source.specific_content_type = target_type
        content = json.loads(source.content_json)
        if "content_type" in content:
            content["content_type"] = target_type.pk
            source.content_json = json.dumps(content, cls=_JSONEncoder)
        source.save(update_fields=["specific_content_type", "content_json"])


class _JSONEncoder(json.JSONEncoder):
    def default(self, o):
        from django.core.serializers.json import DjangoJSONEncoder

        return DjangoJSONEncoder().default(o)


def to_get_involved_page(apps, schema_editor):
    _change_type(apps, schema_editor, "standardpage", "getinvolvedpage")


def to_standard_page(apps, schema_editor):
    _change_type(apps, schema_editor, "getinvolvedpage", "standardpage")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_get_involved_page_and_enquiries"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(grant_enquiry_permissions, remove_enquiry_permissions),
        migrations.RunPython(to_get_involved_page, to_standard_page),
    ]
