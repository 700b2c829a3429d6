"""Editing the self-assessment questionnaire through the real Wagtail admin, in Chromium.

Saving the self-assessment page once answered HTTP 400 (TooManyFieldsSent): its edit form
posts thousands of fields and Django refuses more than 1,000 unless
DATA_UPLOAD_MAX_NUMBER_FIELDS allows them. The old tests posted small hand-built forms,
so nobody noticed. These tests use the form Wagtail renders and click its own buttons:

- an Editor rewords, rescores, adds, removes and reorders questions and a section, changes
  a factor's band, saves a draft and submits it to the "Moderators approval" workflow; a
  Moderator approves it from the dashboard. A response started before the approval keeps
  the questionnaire it started with (responses pin their revision); one started after
  gets the new one;
- the fields the edit form posts are counted for the demo page and for a questionnaire
  three times its size, both are saved, and both stay under 80% of the limit;
- exactly what the rendered form holds, CSRF token included, is posted back with the
  signed-in browser's cookies (the test that would have caught the 400).

The server is `make serve`'s production stack (tests/servers.py: gunicorn, production
settings, whitenoise), started for this module on a throw-away database of its own.
Production settings, because that is what editors meet: the sign-in with its second
factor, DEBUG off, the admin's Content-Security-Policy. A database of its own, because
these tests change the questionnaire that the shared `site_url` server's journey tests
count on. Production settings make no demo accounts, so the Editor and the Moderator are
created as an administrator would (a Django shell against the server's database), who also
issues each an enrolment link (`manage.py two_factor_enrolment_link`); each opens it, signs
in and sets up two-step sign-in on the admin's own set-up page, where the test reads the key
shown and types the current code, as a person would with a phone (tests/browser/conftest.py).
A fixture under the dev settings would have skipped exactly that sign-in.

Blocks are found by the titles Wagtail shows in their headers, and inputs by their labels
among a block's own fields only, so new optional fields on the blocks do not upset these
tests. `pytest -s` prints the figures: fields posted, seconds to open the editor and to
save.
"""

import json
import re
import secrets
import time
import urllib.parse
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.servers import production_env, production_like_server

from .conftest import DESKTOP, MAKE_EDITOR_AND_MODERATOR, run_on_server, staff_storage_state

pytestmark = pytest.mark.browser

# Milliseconds. Drawing the editor of a three-times questionnaire takes Chromium seconds.
ADMIN_TIMEOUT = 30_000
SAVE_TIMEOUT = 60_000  # from clicking Save draft to the next page's message
# The most fields an edit form may post, as a share of DATA_UPLOAD_MAX_NUMBER_FIELDS.
MOST_OF_THE_LIMIT = 0.8

# The demo questionnaire (toolkit/demo/questionnaire.py) as the editor finds it.
FIRST_SECTION = "Why payment by results"
AIMS_QUESTION = "How many main aims does the scheme have?"
TWO_AIMS = "Two aims"
PAID_FOR_SECTION = "What will be paid for"
PAYMENT_TRIGGERS = "How many different results or milestones will trigger a payment?"
MEASURES_MEANINGFUL = "How far do you agree that staff and service users"
PROVIDER_CONTROL = "How much of the main outcome"
PRICING_SECTION = "Pricing and payment"
PROVIDERS_SECTION = "Providers and the market"
FACTOR = "A clear purpose"
# What the editor writes.
NEW_AIMS_WORDING = "How many aims will the scheme be judged on?"
NEW_QUESTION = "Is one named person accountable for the scheme's results?"
NEW_ANSWERS = ("Yes, one named person", "No, it is shared")
NEW_FEEDBACK = "Agree the main aim in writing before the market event."

# --- the server and its staff -----------------------------------------------------------

DJANGO = "import django\ndjango.setup()\n"

# Once, against the server's database: the two staff accounts, and what the tests need
# (the page, the field limit, and the questionnaire as loaded, to put back after the 3x).
SET_UP_STAFF = (
    MAKE_EDITOR_AND_MODERATOR
    + """import json, sys
from django.conf import settings
from toolkit.models import SelfAssessmentPage

page = SelfAssessmentPage.objects.get(locale__language_code="en")
with open(sys.argv[1], "w") as out:
    json.dump(page.get_latest_revision_as_object().questionnaire.get_prep_value(), out)
limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
print(json.dumps({"page_id": page.pk, "field_limit": limit}))
"""
)

# Appends two copies of every section with fresh block ids (every stream and list child)
# and question references made unique (with the skip logic that names them), then
# publishes.
TRIPLE_QUESTIONNAIRE = f"""{DJANGO}
import sys, uuid
from toolkit.models import SelfAssessmentPage

def fresh_ids(node):
    if isinstance(node, list):
        return [fresh_ids(item) for item in node]
    if isinstance(node, dict):
        node = {{key: fresh_ids(value) for key, value in node.items()}}
        if {{"type", "value", "id"}} <= node.keys():
            node["id"] = str(uuid.uuid4())
    return node

page = SelfAssessmentPage.objects.get(pk=int(sys.argv[1]))
page = page.get_latest_revision_as_object()
sections = page.questionnaire.get_prep_value()
copies = []
for copy in (2, 3):
    for section in fresh_ids(sections):
        section["value"]["title"] += f" (copy {{copy}})"
        for question in section["value"]["questions"]:
            for key in ("reference", "show_if_question"):
                if question["value"].get(key):
                    question["value"][key] += f"-copy-{{copy}}"
        copies.append(section)
page.questionnaire = sections + copies
page.save_revision(log_action=True).publish()
"""

RESTORE_QUESTIONNAIRE = f"""{DJANGO}
import json, sys
from toolkit.models import SelfAssessmentPage

page = SelfAssessmentPage.objects.get(pk=int(sys.argv[1]))
page = page.get_latest_revision_as_object()
with open(sys.argv[2]) as data:
    page.questionnaire = json.load(data)
page.save_revision(log_action=True).publish()
"""


@dataclass
class AdminServer:
    url: str
    env: dict
    passwords: dict
    loaded_questionnaire: Path  # JSON: the questionnaire as the demo loader wrote it
    page_id: int = 0
    field_limit: int = 0

    @property
    def edit_path(self):
        return f"/admin/pages/{self.page_id}/edit/"

    def django(self, script, *args, env=None):
        """Run a Python script with Django set up against the server's database."""
        return run_on_server(self.env, "-c", script, *args, extra_env=env)


@pytest.fixture(scope="module")
def admin_server(request, tmp_path_factory):
    """A production-like server of this module's own, with an Editor and a Moderator."""
    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    cache_dir = cache.mkdir("production-like-server") if cache else None
    workdir = tmp_path_factory.mktemp("admin-questionnaire-server")
    with production_like_server(workdir, cache_dir=cache_dir) as url:
        passwords = {name: secrets.token_urlsafe(16) for name in ("editor", "moderator")}
        server = AdminServer(url, production_env(workdir), passwords, workdir / "questionnaire.json")
        output = server.django(
            SET_UP_STAFF,
            server.loaded_questionnaire,
            env={f"PASSWORD_{name.upper()}": pw for name, pw in passwords.items()},
        )
        facts = json.loads(output.strip().splitlines()[-1])
        server.page_id, server.field_limit = facts["page_id"], facts["field_limit"]
        yield server


def sign_in(browser, server, username):
    """The signed-in storage state after the account's first sign-in: an enrolment link from
    an administrator, the password, then the authenticator app set up from the key shown."""
    return staff_storage_state(
        browser, server.url, server.env, username, server.passwords[username], timeout=ADMIN_TIMEOUT
    )


@pytest.fixture(scope="module")
def editor_state(browser, admin_server):
    return sign_in(browser, admin_server, "editor")


@pytest.fixture(scope="module")
def moderator_state(browser, admin_server):
    return sign_in(browser, admin_server, "moderator")


@pytest.fixture
def admin_context(browser, admin_server):
    """admin_context(storage_state=None) -> a desktop-sized context on this module's
    server (signed in when given a storage state); all are closed after the test."""
    contexts = []

    def make(storage_state=None):
        context = browser.new_context(base_url=admin_server.url, viewport=DESKTOP, storage_state=storage_state)
        context.set_default_timeout(ADMIN_TIMEOUT)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


# --- the StreamField editor as an editor sees it ----------------------------------------

# A deleted block stays in the form, hidden, until the page is saved.
CHILD = "[data-streamfield-child]:not([aria-hidden=true])"
HEADER = ":scope > section > .w-panel__header"
OWN_FIELDS = ":scope > section > .w-panel__content > .struct-block > [data-contentpath]"


def children(container):
    """The blocks of the first stream or list in `container` (a field or a block)."""
    lists = container.locator("[data-streamfield-stream-container], [data-streamfield-list-container]")
    return lists.first.locator(f":scope > {CHILD}")


def block(container, title, exact=False):
    """The one block of `container` whose header shows `title` (Wagtail shows a block's
    first field there: a section's title, a question, an answer, a band's score)."""
    pattern = f"^{re.escape(title)}" + ("$" if exact else "")
    heading = container.page.locator(f"{HEADER} [data-panel-heading-text]", has_text=re.compile(pattern))
    found = children(container).filter(has=heading)
    expect(found, f"one block titled {title!r}").to_have_count(1)
    return found


def own_field(struct, label):
    """The wrapper of the field of `struct` labelled `label`, not a nested block's field:
    `label` is the label's text (without the required mark) or a regular expression."""
    if isinstance(label, str):
        label = re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$")
    labelled = struct.page.locator(":scope > label", has_text=label)
    field = struct.locator(OWN_FIELDS).filter(has=labelled)
    expect(field, f"one field labelled {label.pattern!r}").to_have_count(1)
    return field


def own_input(struct, label):
    field = own_field(struct, label)
    return field.locator("input:not([type=hidden]), textarea, select").first


def titles(container):
    headings = children(container).locator(f"{HEADER} [data-panel-heading-text]")
    return [text.strip() for text in headings.all_inner_texts()]


def click_action(block_, title):
    """Click a button of a block's header: Move up, Move down, Duplicate or Delete."""
    block_.locator(f"{HEADER} [data-streamfield-action][title='{title}']").click()


def position(texts, prefix):
    return next(index for index, text in enumerate(texts) if text.startswith(prefix))


def reveal(locator):
    """Open the editor's tab (Content, Results...) that holds `locator`, if it is on one."""
    panel = locator.evaluate("element => element.closest('[role=tabpanel]')?.id")
    if panel:
        locator.page.locator(f"[role=tab][aria-controls='{panel}']").click()
    expect(locator).to_be_visible()


def open_editor(page, server):
    """Open the page's edit view and wait until its StreamFields are drawn; seconds."""
    started = time.monotonic()
    page.goto(server.edit_path)
    page.wait_for_function(
        """() => document.querySelector('form[data-edit-form] #questionnaire-root')
            && !document.querySelector('form[data-edit-form] [data-controller~="w-block"]')
        """,
        timeout=ADMIN_TIMEOUT,
    )
    return time.monotonic() - started


def form_field_count(page):
    return page.evaluate("() => [...new FormData(document.querySelector('form[data-edit-form]')).keys()].length")


def watch_edit_posts(page, server):
    """[(status, content type)] of every POST of the edit form: Save draft, Submit, and
    the autosaves Wagtail sends on its own while the editor works."""
    answers = []

    def record(response):
        if response.request.method == "POST" and response.url.endswith(server.edit_path):
            answers.append((response.status, response.headers.get("content-type", "")))

    page.on("response", record)
    return answers


def assert_none_refused(answers):
    """An autosave of an unfinished block gets a JSON validation error, which is fine. An
    HTML 400 is Django refusing the request itself (TooManyFieldsSent...), a 5xx a crash."""
    refused = [answer for answer in answers if answer[0] >= 500 or (answer[0] >= 400 and "json" not in answer[1])]
    assert not refused, f"the admin refused posts of the edit form: {refused}"


def save_draft(page, server):
    """Click Save draft and wait for the success message on the page the admin comes back
    with: (seconds from the click to the message, seconds the server took, fields posted)."""
    started = time.monotonic()
    with page.expect_request(
        lambda request: (
            request.method == "POST" and request.url.endswith(server.edit_path) and request.resource_type == "document"
        ),
        timeout=SAVE_TIMEOUT,
    ) as posted:
        footer = page.get_by_role("navigation", name="Actions (footer)")
        footer.get_by_role("button", name="Save draft").click()
    request = posted.value
    status = request.response().status
    if status >= 400:  # a 302 when saved, a 200 showing the form's errors otherwise
        pytest.fail(f"Save draft answered HTTP {status}: {page.title()}", pytrace=False)
    assert_message(page, "has been updated")
    seconds = time.monotonic() - started
    server_seconds = (request.timing["responseStart"] - request.timing["requestStart"]) / 1000
    fields = urllib.parse.parse_qsl(request.post_data or "", keep_blank_values=True)
    return seconds, server_seconds, len(fields)


def assert_message(page, success):
    """Wait for the admin's message; fail with the errors shown if it is not `success`."""
    message = page.locator(".messages li").first
    expect(message).to_be_visible(timeout=SAVE_TIMEOUT)
    text = " ".join(message.inner_text().split())
    if success not in text:
        errors = page.locator(".error-message, .help-critical").all_inner_texts()
        pytest.fail(f"expected {success!r}; the admin said {text!r}; errors: {errors}")


def loaded_revision(edit_view):
    """The revision an edit view's HTML was drawn from: the page's newest."""
    found = re.search(r'name="loaded_revision_id" value="(\d+)"', edit_view)
    assert found, "no loaded_revision_id in the edit view"
    return int(found[1])


# --- the public journey -----------------------------------------------------------------


def start_response(page):
    """Start a self-assessment as a commissioner; the response's URL (.../r/<token>)."""
    page.goto("/en/self-assessment/")
    with page.expect_navigation(url=re.compile(r"/about-you/$")):
        page.get_by_role("button", name=re.compile("Start now")).click()
    page.locator("input[name=role][value=commissioner]").check()
    with page.expect_navigation(url=re.compile(r"/section/1/$")):
        page.get_by_role("button", name="Continue").click()
    return page.url.rsplit("/section/", 1)[0]


def section_titles(page, response_url):
    """The titles of a response's sections, in order, from its task list."""
    page.goto(f"{response_url}/")
    links = page.locator("main a[href*='/section/']").all_inner_texts()
    return [text.strip() for text in links]


def questions_in(page, response_url, title):
    """The questions a response's section titled `title` asks, in order."""
    number = section_titles(page, response_url).index(title) + 1
    answer = page.goto(f"{response_url}/section/{number}/")
    assert answer.status == 200, f"{page.url} answered {answer.status}"
    assert page.locator("main h1").inner_text().strip() == title
    legends = page.locator("main legend").all_inner_texts()
    return [re.sub(r"^\s*\d+\.\s*", "", text).strip() for text in legends]


def follows(names, first, second):
    """Does `second` come right after `first`?"""
    return names.index(first) + 1 == names.index(second)


# --- the tests --------------------------------------------------------------------------


def test_posting_back_exactly_what_the_edit_form_holds_saves_a_draft(admin_context, admin_server, editor_state):
    """What Chromium would post, CSRF token and all, read from the rendered form and posted
    with the signed-in context's own cookies, as Save draft (no action-... key)."""
    context = admin_context(editor_state)
    page = context.new_page()
    open_editor(page, admin_server)
    form = page.evaluate(
        """() => {
            const form = document.querySelector('form[data-edit-form]');
            const entries = [...new FormData(form).entries()];
            return {
                enctype: form.enctype,
                action: form.action,
                entries: entries.map(([name, value]) => [name, String(value)]),
            };
        }"""
    )
    entries = [tuple(entry) for entry in form["entries"]]
    fields = dict(entries)
    assert fields.get("csrfmiddlewaretoken"), "the form holds no CSRF token"
    assert not [name for name in fields if name.startswith("action-")]
    assert len(entries) > 1000, f"{len(entries)} fields: under Django's default limit"
    assert form["enctype"] == "application/x-www-form-urlencoded", form["enctype"]
    # The editor autosaves on its own (reported): close it, so the newest revision before
    # the post is known.
    page.close()
    newest = loaded_revision(context.request.get(admin_server.edit_path).text())

    answer = context.request.post(
        form["action"],
        data=urllib.parse.urlencode(entries),
        headers={"Content-Type": form["enctype"]},
        max_redirects=0,
    )
    assert answer.status == 302, f"HTTP {answer.status}: {answer.text()[:1000]}"
    location = urllib.parse.urlsplit(answer.headers["location"]).path
    assert location == admin_server.edit_path, f"redirected to {location}"
    print(f"\nposted back the {len(entries)} fields of the edit form: HTTP 302")

    # Where the admin sends the editor: the success message, and a newer revision.
    edit_view = context.request.get(location).text()
    assert "has been updated" in edit_view
    assert loaded_revision(edit_view) > newest


def test_fields_posted_and_save_times_demo_and_three_times_the_questionnaire(admin_context, admin_server, editor_state):
    limit = admin_server.field_limit
    page = admin_context(editor_state).new_page()
    posts = watch_edit_posts(page, admin_server)
    figures = {}
    try:
        for size in ("demo", "3x"):
            if size == "3x":
                admin_server.django(TRIPLE_QUESTIONNAIRE, admin_server.page_id)
            opened = open_editor(page, admin_server)
            fields = form_field_count(page)
            # Any change will do: the whole form is posted and every block validated.
            title = own_input(children(page.locator("#questionnaire-root")).last, "Title")
            title.fill(title.input_value() + " (edited)")
            seconds, server_seconds, posted = save_draft(page, admin_server)
            figures[size] = fields, posted
            print(
                f"\n{size}: {fields} fields in the edit form, {posted} posted by Save "
                f"draft ({max(fields, posted) / limit:.0%} of DATA_UPLOAD_MAX_NUMBER_FIELDS"
                f"={limit}); editor drawn in {opened:.1f}s; Save draft: the server "
                f"answered in {server_seconds:.1f}s, the success message showed "
                f"{seconds:.1f}s after the click"
            )
    finally:
        admin_server.django(
            RESTORE_QUESTIONNAIRE,
            admin_server.page_id,
            admin_server.loaded_questionnaire,
        )
    assert_none_refused(posts)
    demo, big = max(figures["demo"]), max(figures["3x"])
    assert demo > 1000, "the demo's edit form no longer exceeds Django's default limit"
    assert big > 2 * demo, "three times the questionnaire did not make the form bigger"
    assert big <= MOST_OF_THE_LIMIT * limit, (
        f"three times the demo questionnaire posts {big} fields, more than "
        f"{MOST_OF_THE_LIMIT:.0%} of DATA_UPLOAD_MAX_NUMBER_FIELDS ({limit})"
    )


def test_editor_changes_the_questionnaire_and_a_moderator_approves_it(
    admin_context, admin_server, editor_state, moderator_state
):
    # A member of the public starts before anything changes and reaches section 1.
    before = admin_context().new_page()
    before_response = start_response(before)

    # --- the Editor ---
    page = admin_context(editor_state).new_page()
    posts = watch_edit_posts(page, admin_server)
    open_editor(page, admin_server)
    questionnaire = page.locator("#questionnaire-root")
    first_questions = own_field(block(questionnaire, FIRST_SECTION), "Questions")

    # Reword a question and change the points one of its answers gives.
    aims = block(first_questions, AIMS_QUESTION)
    own_input(aims, "Question").fill(NEW_AIMS_WORDING)
    two_aims = block(own_field(aims, "Answers"), TWO_AIMS)
    points = own_input(children(own_field(two_aims, "Points")).first, "Points")
    new_points = "0" if points.input_value() != "0" else "2"
    points.fill(new_points)

    # Add a single-choice question with two answers at the end of the first section.
    stream = first_questions.locator("[data-streamfield-stream-container]").first
    stream.locator(":scope > :not([data-streamfield-child]) button").last.click()
    page.get_by_role("option", name="Single choice question", exact=True).click()
    new_question = children(first_questions).last
    own_input(new_question, "Question").fill(NEW_QUESTION)
    answers = own_field(new_question, "Answers")
    add_answer = answers.locator("[data-streamfield-list-container]").first.locator(
        ":scope > button[data-streamfield-list-add]"
    )
    while children(answers).count() < len(NEW_ANSWERS):
        add_answer.last.click()
    for answer, label in zip(children(answers).all(), NEW_ANSWERS, strict=True):
        own_input(answer, "Answer").fill(label)

    # Remove a question, move another up, and move a section up.
    paid_for_questions = own_field(block(questionnaire, PAID_FOR_SECTION), "Questions")
    removed = block(paid_for_questions, PAYMENT_TRIGGERS)
    click_action(removed, "Delete")
    expect(removed).to_have_count(0)
    click_action(block(paid_for_questions, MEASURES_MEANINGFUL), "Move up")
    order = titles(paid_for_questions)
    assert position(order, MEASURES_MEANINGFUL) < position(order, PROVIDER_CONTROL)
    click_action(block(questionnaire, PROVIDERS_SECTION), "Move up")
    assert follows(titles(questionnaire), PROVIDERS_SECTION, PRICING_SECTION)

    # A factor's middle band: a higher starting score, more feedback for commissioners.
    factor_results = page.locator("#factor_results-root")
    reveal(factor_results)
    bands = children(own_field(block(factor_results, FACTOR, exact=True), "Bands"))
    starts = [own_input(band, "From score (%)").input_value() for band in bands.all()]
    new_start = str(int(starts[1]) + 5)
    assert new_start not in starts
    band = bands.nth(1)
    own_input(band, "From score (%)").fill(new_start)
    commissioners = own_field(band, re.compile("commissioners", re.IGNORECASE))
    feedback_editor = commissioners.locator("[contenteditable=true]")
    feedback_hidden = commissioners.locator("input[type=hidden]").first
    # On a loaded machine the keys were sometimes lost (the editor redrawn while Wagtail's autosave
    # of the score change came back), as a person would see and type again: so type, and type
    # once more if the text is not in the form.
    for attempt in range(2):
        feedback_editor.click()
        expect(feedback_editor).to_be_focused()
        page.keyboard.press("Control+End")
        page.keyboard.type(" " + NEW_FEEDBACK)
        try:
            # Draftail copies its text into the form a moment after the last key press.
            expect(feedback_hidden).to_have_value(re.compile(re.escape(NEW_FEEDBACK)), timeout=10_000)
            break
        except AssertionError:
            if attempt:
                raise
            warnings.warn("the feedback typed into Draftail did not reach the form; typed it again", stacklevel=1)

    seconds, _, posted = save_draft(page, admin_server)
    print(f"\nthe Editor's changes: {posted} fields posted, saved in {seconds:.1f}s")

    # The editor the admin comes back with shows what was saved.
    questionnaire = page.locator("#questionnaire-root")
    first_questions = own_field(block(questionnaire, FIRST_SECTION), "Questions")
    aims = block(first_questions, NEW_AIMS_WORDING)
    two_aims = block(own_field(aims, "Answers"), TWO_AIMS)
    points = own_input(children(own_field(two_aims, "Points")).first, "Points")
    expect(points).to_have_value(new_points)
    assert titles(first_questions)[-1] == NEW_QUESTION
    new_question = block(first_questions, NEW_QUESTION)
    assert titles(own_field(new_question, "Answers")) == list(NEW_ANSWERS)
    paid_for_questions = own_field(block(questionnaire, PAID_FOR_SECTION), "Questions")
    assert not [t for t in titles(paid_for_questions) if t.startswith(PAYMENT_TRIGGERS)]
    assert follows(titles(questionnaire), PROVIDERS_SECTION, PRICING_SECTION)
    factor_results = page.locator("#factor_results-root")
    reveal(factor_results)
    bands = children(own_field(block(factor_results, FACTOR, exact=True), "Bands"))
    expect(own_input(bands.nth(1), "From score (%)")).to_have_value(new_start)
    expect(bands.nth(1)).to_contain_text(NEW_FEEDBACK)

    # Submit it to the workflow, from the footer's "More actions" menu.
    page.get_by_role("navigation", name="Actions (footer)").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    conflict = page.get_by_role("dialog").filter(has_text="new version")
    expect(page.locator("body:not(.editor-view)").or_(conflict)).to_be_visible()
    if conflict.is_visible():
        # Wagtail's own race: its editing-session ping and autosave can make a page conflict
        # with the editor's previous load of it right after Save draft (wagtail/wagtail#13863,
        # "a single session conflict with itself"; #14198 fixed one case). The editor knows
        # there was one window and carries on. Delete this branch when Wagtail fixes the rest.
        warnings.warn(
            "Submit asked to overwrite a newer version saved 'in another window'; there was one window only",
            stacklevel=1,
        )
        conflict.get_by_role("button", name="Submit to Moderators approval").click()
    assert_message(page, "has been submitted for moderation")
    assert_none_refused(posts)

    # Not live yet: the public still gets the old questionnaire.
    questions = questions_in(before, before_response, FIRST_SECTION)
    assert AIMS_QUESTION in questions and NEW_AIMS_WORDING not in questions

    # --- the Moderator approves it, from the dashboard ---
    moderator = admin_context(moderator_state).new_page()
    moderator.goto("/admin/")
    review = moderator.locator("section", has=moderator.get_by_role("heading", name="Awaiting your review"))
    row = review.get_by_role("row").filter(has=moderator.get_by_role("link", name="Self-assessment", exact=True))
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Actions").click()
    with moderator.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    expect(row).to_have_count(0)

    # --- the public ---
    # The response started before the approval keeps the questionnaire it started with...
    assert follows(section_titles(before, before_response), PRICING_SECTION, PROVIDERS_SECTION)
    questions = questions_in(before, before_response, FIRST_SECTION)
    assert AIMS_QUESTION in questions
    assert NEW_AIMS_WORDING not in questions and NEW_QUESTION not in questions
    questions = questions_in(before, before_response, PAID_FOR_SECTION)
    assert [text for text in questions if text.startswith(PAYMENT_TRIGGERS)]

    # ...and one started after it gets the new one.
    after = admin_context().new_page()
    after_response = start_response(after)
    assert follows(section_titles(after, after_response), PROVIDERS_SECTION, PRICING_SECTION)
    questions = questions_in(after, after_response, FIRST_SECTION)
    assert NEW_AIMS_WORDING in questions and AIMS_QUESTION not in questions
    assert questions[-1] == NEW_QUESTION
    for label in NEW_ANSWERS:
        expect(after.locator("main").get_by_label(label, exact=True)).to_have_count(1)
    questions = questions_in(after, after_response, PAID_FOR_SECTION)
    assert not [text for text in questions if text.startswith(PAYMENT_TRIGGERS)]
    assert position(questions, MEASURES_MEANINGFUL) < position(questions, PROVIDER_CONTROL)
