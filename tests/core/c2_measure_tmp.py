# Temporary (helper C2): prints query counts per page kind; deleted before the report.
import traceback
import pytest
from django.db import connection
from tests.core.test_query_budgets import JOURNEY, empty_every_cache, public_urls


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy"])
def test_measure(client, demo_page, language):
    from django.test import Client

    urls = public_urls(demo_page, client, language)
    out = open(f"/tmp/h/c2/log-{language}.txt", "w")
    counts = {}
    for kind, url in urls.items():
        visitor = client if kind in JOURNEY else Client()
        visitor.get(url)
        empty_every_cache()
        log = []

        def wrapper(execute, sql, params, many, context):
            frames = [f for f in traceback.extract_stack() if "/work/main/" in f.filename and "c2_measure" not in f.filename and "/.venv/" not in f.filename]
            where = " < ".join(f"{f.filename.replace('/work/main/', '')}:{f.lineno}" for f in frames[-2:][::-1])
            wag = [f for f in traceback.extract_stack() if "site-packages/wagtail" in f.filename]
            w = f"{wag[-1].filename.split('site-packages/')[1]}:{wag[-1].lineno}:{wag[-1].name}" if wag else ""
            log.append(f"{sql[sql.find(' FROM '):][:100]} | {where} | {w}")
            return execute(sql, params, many, context)

        with connection.execute_wrapper(wrapper):
            r = visitor.get(url)
        counts[kind] = len(log)
        print(f"== {kind} {url} {r.status_code} {len(log)}", file=out)
        for i, x in enumerate(log, 1):
            print(f"  {i} {x}", file=out)
    out.close()
    with open(f"/tmp/h/c2/counts-{language}.txt", "w") as f:
        for k, v in counts.items():
            print(f"{k}\t{v}", file=f)
