"""Back up the whole site's content to one zip file, and restore it into an empty database.

The file holds
- data.json: every model's rows with their ids (Django's dumpdata), content types and
  permissions included, so the restored rows refer to each other exactly as before: pages
  and their revisions, the translations, snippets, tags, documents' and images' records,
  users, groups and their permissions, the workflow, resource suggestions and the
  self-assessment responses;
- media/...: the uploaded files of documents and images (any model's FileField);
- manifest.json: when, from what versions, and how many rows of each model.

Left out, because they are rebuilt or must not travel: sessions, the search index (rebuilt
by `update_index` after a restore), image renditions (made again on demand), admin sign-in
lockouts, authenticator devices and enrolment links (after a restore, staff set their app up
again with an enrolment link from an administrator: a backup should not carry second-factor
secrets), Django's admin log.

The file contains password hashes and the public's answers: keep it as private as the
database.
"""

import json
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connection, models, transaction
from django.utils import timezone

FORMAT_VERSION = 1
EXCLUDED = [
    "sessions",
    "admin.logentry",
    "wagtailsearch",  # the search index (and SQLite's full-text table): rebuilt after a restore
    "wagtailimages.rendition",
    "axes",
    "otp_totp",
    "core.twofactorenrolmentlink",
]
MEDIA_PREFIX = "media/"
FIRST = {"contenttypes.contenttype", "auth.permission"}


class BackupError(Exception):
    pass


def _excluded(model):
    label = model._meta.label_lower
    return model._meta.app_label in EXCLUDED or label in EXCLUDED


def file_names():
    """The names (in the default storage) of every file a kept row points to."""
    names = set()
    for model in apps.get_models():
        if _excluded(model) or not model._meta.managed:
            continue
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for field in fields:
            names.update(n for n in model._default_manager.exclude(**{field: ""}).values_list(field, flat=True) if n)
    return sorted(names)


def backup(path):
    """Write the backup zip to `path`; returns the manifest."""
    path = Path(path)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.json"
        with transaction.atomic():  # one consistent snapshot where the database allows
            call_command("dumpdata", exclude=EXCLUDED, output=str(data), verbosity=0)
            names = file_names()
        rows = json.loads(data.read_text())
        counts = {}
        for row in rows:
            counts[row["model"]] = counts.get(row["model"], 0) + 1
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "rows": counts,
            "files": names,
            "missing_files": [],
        }
        partial = path.with_name(path.name + ".partial")
        with (
            _private_file(partial) as output,
            zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            archive.write(data, "data.json")
            for name in names:
                if not default_storage.exists(name):
                    manifest["missing_files"].append(name)
                    continue
                with default_storage.open(name, "rb") as source, archive.open(MEDIA_PREFIX + name, "w") as target:
                    shutil.copyfileobj(source, target)
            archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        os.replace(partial, path)
    return manifest


def _private_file(path):
    """Open `path` for writing, readable by its owner only (0600) from the first byte: the
    backup holds password hashes and the public's answers. fchmod as well, for a leftover
    .partial file that already existed with wider permissions."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    return os.fdopen(descriptor, "wb")


def database_is_empty():
    """True for a database that has only what `migrate` puts in: no accounts, and no pages
    but Wagtail's root and its welcome page."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    return not get_user_model().objects.exists() and Page.objects.count() <= 2


def restore(path, *, replace=False):
    """Load a backup into this (migrated) database, which is emptied first. Refuses a database
    that holds content unless `replace`."""
    path = Path(path)
    if not zipfile.is_zipfile(path):
        raise BackupError(f"{path} is not a backup made by backup_site.")
    if not replace and not database_is_empty():
        raise BackupError(
            "This database already has content. Restore into an empty, migrated database "
            "(or pass --replace to delete everything in it first)."
        )
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
        manifest = json.loads(archive.read("manifest.json"))
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
        # Content types and permissions go in first: saving other rows can look a content
        # type up, and would otherwise create it under a new id.
        rows = json.loads(archive.read("data.json"))
        first, rest = Path(tmp) / "types.json", Path(tmp) / "data.json"
        first.write_text(json.dumps([row for row in rows if row["model"] in FIRST]))
        rest.write_text(json.dumps([row for row in rows if row["model"] not in FIRST]))
        del rows
        call_command("createcachetable", verbosity=0)  # saving rows may touch the cache
        with transaction.atomic():
            # Empty every table, content types and permissions too (migrate's initial pages,
            # site, locale and groups with them), then load the rows with their own ids.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            _clear_unmanaged_tables()
            call_command("loaddata", str(first), verbosity=0)
            call_command("loaddata", str(rest), verbosity=0)
            ContentType.objects.clear_cache()
            # Content types and permissions of models newer than the backup, if any.
            emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)
        for name in manifest["files"]:
            member = MEDIA_PREFIX + name
            if member not in archive.namelist():
                continue
            if default_storage.exists(name):
                default_storage.delete(name)
            with archive.open(member) as source:
                saved = default_storage.save(name, source)
            if saved != name:
                raise BackupError(f"Could not restore {name} under its own name (got {saved}).")
    _after_restore()
    return manifest


def _clear_unmanaged_tables():
    """flush empties the tables Django manages; the search index's SQLite full-text table is
    not one of them, and entries left in it would clash with the rebuilt index."""
    existing = set(connection.introspection.table_names())
    for model in apps.get_models():
        if not model._meta.managed and _excluded(model) and model._meta.db_table in existing:
            with connection.cursor() as cursor:
                # A table name from the model, quoted by the database backend: no visitor text.
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608


def _after_restore():
    from django.conf import settings

    for alias in settings.CACHES:
        clear_own_cache_keys(alias)  # nothing rendered from the old database may be served
    call_command("update_index", verbosity=0)


def clear_own_cache_keys(alias):
    """Forget what the cache `alias` holds for this site, and nothing else.

    Django's RedisCache.clear() empties the whole Redis database (FLUSHDB), other applications'
    keys included, so for Redis we delete only the keys under this cache's KEY_PREFIX, read
    with redis-py's own client (SCAN, never KEYS, so a big database is not blocked). The
    database and per-process caches hold nothing but ours, so clear() is right for them."""
    from django.conf import settings
    from django.core.cache import caches

    cache = caches[alias]
    location = settings.CACHES[alias].get("LOCATION", "")
    locations = location if isinstance(location, list | tuple) else re.split("[;,]", location)
    if not str(locations[0]).startswith(("redis://", "rediss://", "unix://")):
        cache.clear()
        return
    import redis

    # Django's keys are "<KEY_PREFIX>:<version>:<key>"; glob characters in the prefix escaped.
    prefix = "".join(f"\\{char}" if char in "*?[]\\" else char for char in cache.key_prefix)
    pattern = f"{prefix}:*"
    for location in locations[:1]:  # Django writes to the first server only
        client = redis.Redis.from_url(location)
        try:
            batch = []
            for key in client.scan_iter(match=pattern, count=1000):
                batch.append(key)
                if len(batch) >= 1000:
                    client.delete(*batch)
                    batch = []
            if batch:
                client.delete(*batch)
        finally:
            client.close()
