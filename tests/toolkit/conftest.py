import pytest


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """The journey's per-client rate limits count in the cache, which a test's rollback does
    not empty: without this, posts from earlier tests (all from 127.0.0.1) add up to a 429."""
    from django.core.cache import cache

    cache.clear()
    yield
