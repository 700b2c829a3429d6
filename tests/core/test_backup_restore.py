"""`manage.py backup_site` then `manage.py restore_site` into an empty, migrated database: every
live page (and every sitemap URL and a stored result) renders the same, every row and every
uploaded file is back. Each database is its own throw-away SQLite file, driven through
manage.py in subprocesses as `make backup` / `make restore` would."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import SET_UP_DATABASE, migrations_key

ROOT = Path(__file__).resolve().parents[2]

# A completed self-assessment with feedback, an uploaded document and image and a suggestion,
# on top of the demo content.
ADD_MORE = """
import io
import django
django.setup()
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from literature.models import ResourceSuggestion
from toolkit import scoring
from toolkit.models import AssessmentResponse, SelfAssessmentPage
from toolkit.questionnaire import pinned

page = SelfAssessmentPage.objects.live().get(locale__language_code="cy")
response = AssessmentResponse.objects.create(
    page=page, revision_id=page.live_revision_id, language="cy", role="provider")
questionnaire = pinned(response.revision_id)
answers = {}
for question in questionnaire.questions.values():
    if question.id in {q.id for q in scoring.visible_questions(questionnaire.engine, answers)}:
        answers[question.id] = [question.options[-1].id]
response.answers = answers
response.sections_done = [section.id for section in questionnaire.sections]
response.result = scoring.score(questionnaire.engine, answers).to_dict()
response.completed_at = timezone.now()
response.found_useful, response.useful_comment = True, "Defnyddiol iawn i'n bwrdd."
response.save()
buffer = io.BytesIO()
PILImage.new("RGB", (40, 30), "purple").save(buffer, "PNG")
Image.objects.create(title="Restored photo", file=ImageFile(buffer, name="restore-test.png"))
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
Document.objects.create(title="Restored paper", file=ContentFile(b"%PDF-1.7 restore test", name="restore-test.pdf"))
ResourceSuggestion.objects.create(title="A local evaluation", why="It belongs in the pack.")
"""

# {path: [status, title, h1, main text]} for every live page, every sitemap URL and every
# completed response's result page.
RENDER = """
import json, sys
from urllib.parse import urlsplit
import django
django.setup()
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Page
from toolkit.models import AssessmentResponse

client = Client(HTTP_HOST="localhost")
paths = {page.url for page in Page.objects.live().filter(depth__gt=1).specific()}
sitemap = client.get("/sitemap.xml")
assert sitemap.status_code == 200
paths |= {urlsplit(loc.text).path for loc in BeautifulSoup(sitemap.content, "html.parser").find_all("loc")}
for response in AssessmentResponse.objects.exclude(completed_at=None):
    paths.add(response.page.url + f"result/{response.share_token}/")
rendered = {}
for path in sorted(paths):
    page = client.get(path)
    html = BeautifulSoup(page.content, "html.parser")
    main = html.find("main")
    rendered[path] = [
        page.status_code,
        html.title.get_text(" ", strip=True) if html.title else "",
        html.h1.get_text(" ", strip=True) if html.h1 else "",
        " ".join(main.get_text(" ", strip=True).split()) if main else "",
    ]
json.dump(rendered, sys.stdout)
"""

# {model label: rows} for every model a backup keeps, and the stored answers and results.
COUNT = """
import json, sys
import django
django.setup()
from django.apps import apps
from pbr_site.core.backup import _excluded
from toolkit.models import AssessmentResponse

counts = {m._meta.label: m._default_manager.count() for m in apps.get_models()
          if m._meta.managed and not _excluded(m)}
responses = list(AssessmentResponse.objects.order_by("pk").values_list(
    "token", "role", "answers", "result", "found_useful", "useful_comment"))
json.dump({"counts": counts, "responses": json.loads(json.dumps(responses, default=str))}, sys.stdout)
"""


def environment(tmp_path, name):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pbr_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / (name + '.sqlite3')}",
        "MEDIA_ROOT": str(tmp_path / f"{name}-media"),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    return env


def run(env, *args, check=True):
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if check:
        assert result.returncode == 0, f"{args[:2]} failed:\n{result.stdout}\n{result.stderr}"
    return result


def script(env, code):
    return json.loads(run(env, "-c", code).stdout)


@pytest.mark.slow
def test_restore_into_an_empty_database_renders_every_page_the_same(tmp_path, request):
    # The source: migrated (from the cached migrated database when there is one), demo content
    # and more. The freshly migrated, still empty database is kept for the target.
    cache = getattr(request.config, "cache", None)
    template = cache.mkdir("production-like-server") / f"migrated-{migrations_key()}.sqlite3" if cache else None
    source = environment(tmp_path, "source")
    migrated = tmp_path / "migrated.sqlite3"
    if template is not None and template.exists():
        shutil.copyfile(template, tmp_path / "source.sqlite3")
    run({**source, "SAVE_MIGRATED_DATABASE": str(migrated)}, "-c", SET_UP_DATABASE)
    run(source, "-c", ADD_MORE)
    before = script(source, RENDER)
    rows_before = script(source, COUNT)

    backup = tmp_path / "backups" / "site.zip"
    backup.parent.mkdir()
    made = run(source, "manage.py", "backup_site", str(backup))
    assert "Wrote" in made.stdout and not made.stderr

    # The target: an empty, migrated database and no media files.
    target = environment(tmp_path, "target")
    shutil.copyfile(migrated, tmp_path / "target.sqlite3")
    assert not Path(target["MEDIA_ROOT"]).exists()
    restored = run(target, "manage.py", "restore_site", str(backup))
    assert "Restored" in restored.stdout

    after = script(target, RENDER)
    assert len(before) > 40, "every page in both languages, entries, tag pages and a result"
    assert any("/cy/" in path for path in before) and any("/result/" in path for path in before)
    assert all(status == 200 for status, *_ in before.values()), before
    for path, page in before.items():
        assert after.get(path) == page, path
    assert after.keys() == before.keys()

    rows_after = script(target, COUNT)
    assert rows_after["responses"] == rows_before["responses"]
    assert rows_after["counts"] == rows_before["counts"]
    for label in (
        "wagtailcore.Page",
        "wagtailcore.Revision",
        "wagtail_localize.Translation",
        "taggit.Tag",
        "literature.BibliographyEntry",
        "literature.SectorTag",
        "literature.GlossaryTerm",
        "toolkit.SuccessFactor",
        "toolkit.AssessmentResponse",
        "literature.ResourceSuggestion",
        "wagtaildocs.Document",
        "wagtailimages.Image",
        "auth.User",
        "auth.Group",
    ):
        assert rows_before["counts"].get(label, 0) > 0 or label == "taggit.Tag", label

    # Uploaded files are back, byte for byte.
    source_media, target_media = Path(source["MEDIA_ROOT"]), Path(target["MEDIA_ROOT"])
    originals = sorted(
        p.relative_to(source_media)
        for p in source_media.rglob("*")
        if p.is_file() and not p.relative_to(source_media).parts[0] == "images"
    )
    assert any(p.parts[0] == "documents" for p in originals)
    assert any(p.parts[0] == "original_images" for p in originals)
    for relative in originals:
        assert (target_media / relative).read_bytes() == (source_media / relative).read_bytes(), relative

    # The search index is rebuilt: a search finds restored content.
    found = run(
        target,
        "manage.py",
        "shell",
        "-v",
        "0",
        "-c",
        "from literature.models import DigestPage; print(DigestPage.objects.live().search('pricing').count())",
    )
    assert int(found.stdout.strip()) > 0

    # restore_site never overwrites a database that has content.
    refused = run(source, "manage.py", "restore_site", str(backup), check=False)
    assert refused.returncode != 0
    assert "already has content" in refused.stderr
