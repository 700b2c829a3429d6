"""What a backup and a restore do beyond the site's own data: the zip is readable by its owner
only, and a restore forgets only this site's cached keys, never another application's in the
same Redis database."""

import os
import stat

import pytest
import redis
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings
from pbr_site.core.backup import backup, clear_own_cache_keys

# A Redis database of this test's own, emptied and counted: one per test database, so a SQLite
# run and a PostgreSQL run on one machine at the same time never empty each other's.
REDIS_URL = f"redis://127.0.0.1:6379/{12 if 'postgresql' in settings.DATABASES['default']['ENGINE'] else 11}"


@pytest.mark.django_db
def test_backup_zip_is_readable_by_its_owner_only(tmp_path):
    old_umask = os.umask(0o022)  # the usual umask would make a new file 0644
    try:
        target = tmp_path / "site.zip"
        # A .partial left by an interrupted run, world-readable, must not keep its permissions.
        leftover = tmp_path / "site.zip.partial"
        leftover.write_bytes(b"old")
        leftover.chmod(0o644)
        backup(target)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not leftover.exists()


@pytest.fixture
def shared_redis():
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("needs the Redis server on 127.0.0.1:6379 (running on the CI machine)")
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


def test_restore_clears_only_this_sites_cache_keys(shared_redis):
    caches_setting = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pbr",
        },
    }
    with override_settings(CACHES=caches_setting):
        for alias in caches_setting:
            caches[alias].set("home", "rendered from the old database")
        # Another application sharing the database, one of its keys looking a little like ours.
        shared_redis.set("other-app:session:1", "keep me")
        shared_redis.set("pbr-other:1:x", "keep me too")
        for _ in range(2_500):  # more than one SCAN batch
            caches["default"].set(f"facet-{_}", 1)

        for alias in caches_setting:
            clear_own_cache_keys(alias)

        assert caches["default"].get("home") is None
        assert caches["default"].get("facet-2499") is None
        for alias in caches_setting:
            caches[alias].close()
    assert shared_redis.get("other-app:session:1") == b"keep me"
    assert shared_redis.get("pbr-other:1:x") == b"keep me too"
    assert shared_redis.dbsize() == 2
