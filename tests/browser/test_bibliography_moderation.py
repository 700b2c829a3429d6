"""Bibliography entries follow the pages' rule, in Chromium against the production-like stack
(gunicorn, production settings, and a real `manage.py db_worker` running the imports):

- an Editor adds an entry through the snippet form: it is a draft, listed as one, not in the
  public pack; they submit it with Wagtail's own "Submit to Moderators approval" (and are
  never offered "Publish");
- a Moderator finds it under "Awaiting your review" on the dashboard and approves it: it is
  published and appears in the public pack;
- an Editor uploads a BibTeX file on the import page; the job's page refreshes itself (no
  JavaScript needed) until the worker has finished, then reports every entry, all drafts.

The server is this module's own (tests/servers.py), with an Editor and a Moderator made as an
administrator would, each signing in with two-step sign-in as in production.
"""

import json
import re
import secrets
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from tests.servers import get, production_env, production_like_server

from .conftest import DESKTOP, MAKE_EDITOR_AND_MODERATOR, run_on_server
from .test_admin_questionnaire import sign_in

pytestmark = pytest.mark.browser

TIMEOUT = 30_000
JOB_TIMEOUT = 120_000  # from the upload to the job's page saying it has finished

ENTRY_TITLE = "Browser test: an evaluation entered by an editor"
BIBTEX = """@techreport{browser2023,
  author = {{Browser Test Council}},
  title = {Browser test: first imported report},
  year = {2023},
  institution = {Browser Test Council}
}

@article{browser2024,
  author = {Tester, Alex and Example, Sam},
  title = {Browser test: second imported article},
  journal = {Journal of Browser Tests},
  year = {2024},
  abstract = {What the second imported article found.}
}
"""


@dataclass
class Server:
    url: str
    passwords: dict
    env: dict  # the server's environment, for enrolment links (sign_in)


@pytest.fixture(scope="module")
def server(request, tmp_path_factory):
    cache = getattr(request.config, "cache", None)
    cache_dir = cache.mkdir("production-like-server") if cache else None
    workdir = tmp_path_factory.mktemp("bibliography-moderation-server")
    with production_like_server(workdir, cache_dir=cache_dir) as url:
        passwords = {name: secrets.token_urlsafe(16) for name in ("editor", "moderator")}
        env = production_env(workdir)
        run_on_server(
            env, "-c", MAKE_EDITOR_AND_MODERATOR, extra_env={f"PASSWORD_{n.upper()}": p for n, p in passwords.items()}
        )
        yield Server(url, passwords, env)


@pytest.fixture(scope="module")
def editor_state(browser, server):
    return sign_in(browser, server, "editor")


@pytest.fixture(scope="module")
def moderator_state(browser, server):
    return sign_in(browser, server, "moderator")


@pytest.fixture
def signed_in(browser, server):
    contexts = []

    def make(state):
        context = browser.new_context(base_url=server.url, viewport=DESKTOP, storage_state=state)
        context.set_default_timeout(TIMEOUT)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def assert_message(page, text):
    message = page.locator(".messages li").first
    expect(message).to_be_visible()
    assert text in " ".join(message.inner_text().split()), message.inner_text()


def listed(page, status):
    """{title: row text} of the Bibliography list filtered by status."""
    page.goto(f"/admin/snippets/literature/bibliographyentry/?status={status}")
    rows = {}
    for row in page.locator("table.listing tbody tr").all():
        link = row.locator("td a").first
        if link.count():
            rows[link.text_content().strip()] = " ".join(row.text_content().split())  # as written, not as styled
    return rows


def public_entry(server, entry_id):
    status, _, body = get(f"{server.url}/en/resource-pack/entry/{entry_id}/")
    return status, body.decode(errors="replace")


def test_an_editors_entry_is_a_draft_until_a_moderator_publishes_it(server, signed_in, editor_state, moderator_state):
    # --- the Editor adds an entry through the snippet form ---
    page = signed_in(editor_state)
    page.goto("/admin/snippets/literature/bibliographyentry/add/")
    page.locator("#id_title").fill(ENTRY_TITLE)
    authors = page.locator("#id_authors-0-name")
    if not authors.count():
        page.get_by_role("button", name=re.compile("Add author", re.I)).first.click()
    page.locator("#id_authors-0-name").fill("Tester, Alex")
    page.locator("#id_year").fill("2023")
    page.locator("#id_publication_type").select_option("evaluation")
    footer = page.get_by_role("navigation", name="Actions (footer)")
    expect(footer.get_by_role("button", name="Publish")).to_have_count(0)  # Editors never publish
    with page.expect_navigation(url=re.compile(r"/bibliographyentry/edit/\d+/$")):
        footer.get_by_role("button", name="Save draft").click()
    entry_id = int(re.search(r"/edit/(\d+)/$", page.url)[1])

    # A draft, listed as one, that readers cannot see.
    drafts = listed(page, "draft")
    assert ENTRY_TITLE in drafts and "draft" in drafts[ENTRY_TITLE]
    assert public_entry(server, entry_id)[0] == 404

    # Submitted with Wagtail's own button.
    page.goto(f"/admin/snippets/literature/bibliographyentry/edit/{entry_id}/")
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    expect(footer.get_by_role("button", name="Publish")).to_have_count(0)
    page.get_by_role("button", name="Submit to Moderators approval").click()
    assert_message(page, "submitted")
    assert ENTRY_TITLE in listed(page, "in_moderation")
    assert public_entry(server, entry_id)[0] == 404

    # --- the Moderator approves it from the dashboard ---
    moderator = signed_in(moderator_state)
    moderator.goto("/admin/")
    review = moderator.locator("section", has=moderator.get_by_role("heading", name="Awaiting your review"))
    row = review.get_by_role("row").filter(has=moderator.get_by_role("link", name=re.compile(re.escape(ENTRY_TITLE))))
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Actions").click()
    with moderator.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    expect(row).to_have_count(0)

    # --- readers see it in the pack ---
    status, body = public_entry(server, entry_id)
    assert status == 200 and ENTRY_TITLE in body
    status, _, pack = get(f"{server.url}/en/resource-pack/?q=evaluation+entered+by+an+editor")
    assert status == 200 and ENTRY_TITLE in pack.decode()


def test_an_editor_imports_a_bibtex_file_in_the_background_as_drafts(server, signed_in, editor_state, tmp_path):
    bib = tmp_path / "browser-test.bib"
    bib.write_text(BIBTEX)
    page = signed_in(editor_state)
    page.goto("/admin/import-bibliography/")
    expect(page.get_by_label(re.compile("Publish new and changed entries"))).to_have_count(0)  # not for Editors
    page.get_by_label("File", exact=True).set_input_files(str(bib))
    page.get_by_label(re.compile("Check only")).uncheck()
    with page.expect_navigation(url=re.compile(r"/admin/import-bibliography/\d+/$")):
        page.get_by_role("button", name="Import", exact=True).click()
    job_url = page.url

    # The page refreshes itself (a meta refresh, no script) until the worker has finished.
    expect(page.locator("#import-status")).to_contain_text("Finished", timeout=JOB_TIMEOUT)
    assert not page.locator("meta[http-equiv=refresh]").count()
    report = page.locator("table.listing tbody tr")
    expect(report).to_have_count(2)
    texts = [" ".join(text.split()) for text in report.all_text_contents()]
    assert all("Added as a draft" in text for text in texts), texts
    assert "Needs a summary" in texts[0] and "Needs a summary" not in texts[1]  # the first has no abstract

    links = page.locator("table.listing tbody a").evaluate_all("links => links.map(a => a.href)")
    ids = [int(re.search(r"/edit/(\d+)/", link)[1]) for link in links]
    drafts = listed(page, "draft")
    for title in ("Browser test: first imported report", "Browser test: second imported article"):
        assert title in drafts and "draft" in drafts[title]
    assert "Needs a summary" in drafts["Browser test: first imported report"]
    assert [public_entry(server, entry_id)[0] for entry_id in ids] == [404, 404]

    # The import page lists it among the recent imports.
    page.goto("/admin/import-bibliography/")
    recent = page.locator("table.listing").last
    expect(recent.locator(f"a[href='{job_url.split(server.url, 1)[1]}']")).to_have_count(1)
    print("\n" + json.dumps({"job": job_url, "entries": ids}))
