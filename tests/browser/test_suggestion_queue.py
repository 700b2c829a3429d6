"""The suggestions queue in Chromium, on `make serve`'s production stack (tests/servers.py):
two people suggest resources through the public form; an Editor finds the queue in the menu
and its count on the dashboard, filters it by status, accepts one (a draft entry is made and
opened; the public pack does not show it) and submits the entry for moderation, rejects the
other with a reason; a Moderator approves the entry from the dashboard, which publishes it.

The e-mails the server sends are read where they really go: production settings send by
SMTP to SMTP_HOST:SMTP_PORT, which point at a small SMTP server in this process (`MailSink`)
that keeps what it is given. Staff sign in as in production, with their second factor.
"""

import contextlib
import email
import email.policy
import re
import secrets
import socketserver
import threading
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import expect

from tests.servers import production_env, production_like_server

from .conftest import DESKTOP, MAKE_EDITOR_AND_MODERATOR, run_on_server, staff_storage_state

pytestmark = pytest.mark.browser

TIMEOUT = 30_000  # ms: the admin's first pages can be slow on a cold server

ACCEPTED = {
    "title": "Outcome payments in a women's centre: an evaluation",
    "authors": "Hedderman, Carol",
    "year": "2019",
    "url": "https://www.example.org/womens-centre-evaluation.pdf",
    "why": "It compares the first two years of outcome payments with the grant years before.",
    "email": "first-suggester@example.org",
}
REJECTED = {
    "title": "A newspaper column on public spending",
    "why": "It mentions payment by results once.",
    "email": "second-suggester@example.org",
}
REASON = "It is an opinion piece, not a study or evaluation of payment by results."


# --- a mail server that keeps what it is sent ---------------------------------------------


class MailSink(socketserver.ThreadingTCPServer):
    """Just enough SMTP (RFC 5321) for Django's SMTP backend: every message it is given is
    kept, parsed, in `messages`."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SMTPSession)
        self.messages = []
        self.lock = threading.Lock()

    @property
    def port(self):
        return self.server_address[1]

    def sent_to(self, address):
        with self.lock:
            return [message for message in self.messages if address in message.get("To", "")]


class _SMTPSession(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 127.0.0.1 test mail sink")
        data, lines = False, []
        while line := self.rfile.readline():
            if data:
                if line.rstrip(b"\r\n") == b".":
                    message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                    with self.server.lock:
                        self.server.messages.append(message)
                    data, lines = False, []
                    self.reply("250 kept")
                else:
                    lines.append(line[1:] if line.startswith(b"..") else line)
                continue
            command = line.decode("ascii", "replace").strip().upper()
            if command.startswith("EHLO"):
                self.reply("250-127.0.0.1")
                self.reply("250 8BITMIME")
            elif command.startswith(("HELO", "MAIL", "RCPT", "RSET", "NOOP")):
                self.reply("250 OK")
            elif command == "DATA":
                data = True
                self.reply("354 go ahead")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


def body_of(message):
    return message.get_body(("plain",)).get_content()


# --- the server and its staff -------------------------------------------------------------

COUNT_NEW = """import django
django.setup()
from literature.models import ResourceSuggestion
print(ResourceSuggestion.objects.filter(status="new").count())
"""


@dataclass
class QueueServer:
    url: str
    env: dict
    mail: MailSink
    passwords: dict = field(default_factory=dict)

    def django(self, script, env=None):
        return run_on_server(self.env, "-c", script, extra_env=env)


@pytest.fixture(scope="module")
def queue_server(request, tmp_path_factory):
    """A production-like server of this module's own (its suggestions and entries change),
    sending mail to a MailSink, with an Editor and a Moderator."""
    cache = getattr(request.config, "cache", None)
    cache_dir = cache.mkdir("production-like-server") if cache else None
    workdir = tmp_path_factory.mktemp("suggestion-queue-server")
    sink = MailSink()
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    mail_env = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(sink.port), "SMTP_USE_TLS": "false"}
    try:
        with contextlib.ExitStack() as stack:
            # production_like_server builds the server's environment from ours: set the mail
            # server there only while it starts, so no later server inherits it.
            with pytest.MonkeyPatch.context() as patch:
                for name, value in mail_env.items():
                    patch.setenv(name, value)
                patch.delenv("SMTP_USER", raising=False)
                patch.delenv("SMTP_PASSWORD", raising=False)
                url = stack.enter_context(production_like_server(workdir, cache_dir=cache_dir))
            server = QueueServer(url, {**production_env(workdir), **mail_env}, sink)
            server.passwords = {name: secrets.token_urlsafe(16) for name in ("editor", "moderator")}
            server.django(
                MAKE_EDITOR_AND_MODERATOR, env={f"PASSWORD_{n.upper()}": p for n, p in server.passwords.items()}
            )
            yield server
    finally:
        sink.shutdown()
        sink.server_close()


@pytest.fixture(scope="module")
def staff_state(browser, queue_server):
    """{username: signed-in storage state}: each opens an enrolment link, signs in and sets up
    their authenticator app (tests/browser/conftest.py)."""
    return {
        username: staff_storage_state(
            browser, queue_server.url, queue_server.env, username, queue_server.passwords[username], timeout=TIMEOUT
        )
        for username in ("editor", "moderator")
    }


@pytest.fixture
def open_as(browser, queue_server, staff_state):
    """open_as(username or None) -> a new page in a desktop context of its own."""
    contexts = []

    def make(username=None):
        context = browser.new_context(
            base_url=queue_server.url, viewport=DESKTOP, storage_state=staff_state[username] if username else None
        )
        context.set_default_timeout(TIMEOUT)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


# --- acting ------------------------------------------------------------------------------


def suggest(page, fields):
    """Send a suggestion through the public form, as a visitor would."""
    page.goto("/en/resource-pack/suggest/")
    labels = {
        "title": "Title of the resource",
        "authors": "Authors or organisation (optional)",
        "year": "Year it was published (optional)",
        "url": "Link to it (optional)",
        "why": "Why it matters",
        "email": "Your email address (optional)",
    }
    for name, value in fields.items():
        page.get_by_label(labels[name], exact=True).fill(value)
    page.get_by_role("button", name="Send suggestion").click()
    expect(page.get_by_text("Thank you. Our staff will review your suggestion.")).to_be_visible()


def message_shown(page, text):
    expect(page.locator(".messages li").first).to_contain_text(text)


def open_suggestions_from_the_menu(page):
    page.get_by_role("navigation", name="Main menu").get_by_role("button", name="Literature").click()
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Suggestions").click()
    expect(page).to_have_url(re.compile(r"/admin/snippets/literature/resourcesuggestion/"))


def filter_by_status(page, label):
    """The listing's own filters: open them, choose a status; the results follow."""
    filters = page.locator("#filters-drilldown")
    choice = filters.get_by_label(label, exact=True)
    if not choice.is_visible():  # the Status filter is not open already
        toggle = filters.get_by_role("button", name="Show filters")
        if toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        filters.get_by_role("button", name="Status").click()
    choice.check()
    expect(page).to_have_url(re.compile(rf"status={re.escape(label.lower())}"))


def listed_titles(page):
    return [" ".join(text.split()) for text in page.locator("table.listing tbody tr td.title a").all_inner_texts()]


def test_an_editor_works_through_the_queue_and_a_moderator_publishes(open_as, queue_server):
    visitor = open_as()
    suggest(visitor, ACCEPTED)
    suggest(visitor, REJECTED)
    new_count = int(queue_server.django(COUNT_NEW).strip())
    assert new_count >= 2

    editor = open_as("editor")
    editor.goto("/admin/")
    panel = editor.locator("#new-suggestions-section")
    expect(panel).to_contain_text(f"{new_count} new suggestions to review")

    open_suggestions_from_the_menu(editor)
    expect(editor.locator("table.listing")).to_contain_text(ACCEPTED["title"])
    filter_by_status(editor, "Rejected")
    expect(editor.locator("table.listing tbody tr")).to_have_count(0)
    filter_by_status(editor, "New")
    expect(editor.locator("table.listing")).to_contain_text(REJECTED["title"])

    # Accept the first: a draft entry is made and opened.
    editor.get_by_role("link", name=ACCEPTED["title"]).click()
    expect(editor.get_by_text("Decide what happens to it.")).to_be_visible()
    editor.get_by_role("link", name="Accept: make a draft entry").click()
    expect(editor.get_by_label("Year it was published")).to_have_value("2019")
    editor.get_by_role("button", name="Accept and make a draft entry").click()
    expect(editor).to_have_url(re.compile(r"/admin/snippets/literature/bibliographyentry/edit/\d+/"))
    message_shown(editor, "A draft entry was made from the suggestion.")
    entry_id = re.search(r"/edit/(\d+)/", editor.url).group(1)
    expect(editor.locator("form[data-edit-form] #id_title")).to_have_value(ACCEPTED["title"])

    # Not public: neither its page nor the pack shows it.
    assert visitor.goto(f"/en/resource-pack/entry/{entry_id}/").status == 404
    visitor.goto("/en/resource-pack/?q=women%27s+centre")
    expect(visitor.locator("main")).not_to_contain_text(ACCEPTED["title"])

    # The editor submits it to the Moderators.
    footer = editor.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Moderators approval").click()
    message_shown(editor, "submitted for moderation")
    assert queue_server.mail.sent_to(ACCEPTED["email"]) == []

    # Reject the other, with a reason: the suggester is e-mailed it.
    open_suggestions_from_the_menu(editor)
    editor.get_by_role("link", name=REJECTED["title"]).click()
    editor.get_by_role("link", name="Reject", exact=True).click()
    editor.get_by_role("button", name="Reject", exact=True).click()
    expect(editor.locator(".error-message")).to_contain_text("Give the reason")
    editor.get_by_label("Reason given to the suggester").fill(REASON)
    editor.get_by_role("button", name="Reject", exact=True).click()
    message_shown(editor, "The suggestion was rejected.")
    expect(editor.locator("#listing-results")).not_to_contain_text(REJECTED["title"])  # back to the new ones
    [rejection] = queue_server.mail.sent_to(REJECTED["email"])
    assert rejection["Subject"] == "Your suggestion for the resource pack"
    assert REASON in body_of(rejection) and REJECTED["title"] in body_of(rejection)

    # A Moderator approves the entry from the dashboard, which publishes it.
    moderator = open_as("moderator")
    moderator.goto("/admin/")
    review = moderator.locator("section", has=moderator.get_by_role("heading", name="Awaiting your review"))
    row = review.get_by_role("row").filter(has=moderator.get_by_role("link", name=ACCEPTED["title"]))
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Actions").click()
    with moderator.expect_navigation():
        row.get_by_role("button", name="Approve", exact=True).click()
    expect(row).to_have_count(0)

    assert visitor.goto(f"/en/resource-pack/entry/{entry_id}/").status == 200
    expect(visitor.locator("h1")).to_contain_text(ACCEPTED["title"])
    # The first suggester hears once, with the link to the entry's page (sent before the
    # approval's response, once the publication was committed).
    [accepted] = queue_server.mail.sent_to(ACCEPTED["email"])
    assert accepted["Subject"] == "Your suggestion is now in the resource pack"
    assert re.search(rf"https?://\S+/en/resource-pack/entry/{entry_id}/", body_of(accepted))
    assert len(queue_server.mail.sent_to(REJECTED["email"])) == 1
