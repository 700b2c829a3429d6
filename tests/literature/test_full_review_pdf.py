"""The full review as a PDF per language (literature/full_review.py), rebuilt whenever a
moderator publishes or unpublishes a digest in that language, and served at a stable address
under the review page.

Tasks run at once in tests (ImmediateBackend); Wagtail's publish happens in a transaction, and
the build is enqueued when it commits, so the admin's posts are wrapped in
django_capture_on_commit_callbacks(execute=True): the test transaction never commits.
"""

import datetime
import functools
import io
import re
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.http import http_date
from pbr_site.core.addresses import public_url
from pypdf import PdfReader

from literature import full_review, review_pdf
from literature.models import DigestPage, LiteratureIndexPage
from tests.forms import read_form

NEW_SUMMARY = "Prices set from last year's costs left providers unpaid for the hardest cases, said Zebedee."


@pytest.fixture(autouse=True)
def stored_pdfs_put_back():
    """Tests roll the database back but not the (in-memory) file storage: put the demo's
    PDFs back as they were after each test."""
    folder = full_review.FOLDER

    def snapshot():
        _dirs, files = default_storage.listdir(folder)
        return {name: default_storage.open(f"{folder}/{name}").read() for name in files}

    before = snapshot()
    yield
    for name in default_storage.listdir(folder)[1]:
        default_storage.delete(f"{folder}/{name}")
    for name, content in before.items():
        default_storage.save(f"{folder}/{name}", ContentFile(content))


@pytest.fixture
def moderator(client, db):
    user = get_user_model().objects.get(username="moderator")
    client.force_login(user)
    return user


def post_back(client, url, django_capture_on_commit_callbacks):
    """GET the admin's confirmation page and post back what its form holds, as a moderator
    clicking its button; the transaction's on-commit work (the PDF build) then runs."""
    form = read_form(client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form.action, form.fields)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def publish(client, page, django_capture_on_commit_callbacks):
    """The page listing's bulk action "Publish", for the page's newest revision."""
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + "?" + urlencode({"id": page.pk})
    post_back(client, url, django_capture_on_commit_callbacks)


def unpublish(client, page, django_capture_on_commit_callbacks):
    post_back(client, reverse("wagtailadmin_pages:unpublish", args=(page.pk,)), django_capture_on_commit_callbacks)


def review(language):
    return LiteratureIndexPage.objects.live().get(locale__language_code=language)


@pytest.fixture
def most_digests_only_in_english(db):
    """Every demo digest is in Welsh; a real site has English digests not yet translated. Take
    the Welsh away from all but two, and rebuild the Welsh PDF as the worker would."""
    kept = DigestPage.objects.filter(
        locale__language_code="en", slug__in=["pricing", "gaming-cream-skimming-and-parking"]
    )
    for page in (
        DigestPage.objects.live()
        .filter(locale__language_code="cy")
        .exclude(translation_key__in=kept.values("translation_key"))
    ):
        page.unpublish()
    review_pdf.build("cy")


def fetch_pdf(client, language):
    response = client.get(review(language).full_review_url())
    assert response.status_code == 200, response.content[:500]
    return response, PdfReader(io.BytesIO(b"".join(response.streaming_content)))


def text_of(reader):
    return _text_of_pdf(reader.stream.getvalue())


@functools.cache
def _text_of_pdf(data):
    """The words of a PDF, kept by its bytes: pypdf takes seconds for the whole review, and the
    tests read the same file (the demo's, or one a test left unchanged) many times."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.django_db
def test_a_moderator_publishes_a_digest_change_and_that_language_s_pdf_is_rebuilt_with_it(
    client, moderator, django_capture_on_commit_callbacks
):
    digest = DigestPage.objects.live().get(locale__language_code="en", slug="pricing")
    _, before = fetch_pdf(client, "en")
    _, welsh_before = fetch_pdf(client, "cy")
    assert NEW_SUMMARY not in text_of(before)
    # An editor's revision waiting in draft...
    draft = digest.get_latest_revision_as_object()
    draft.summary = NEW_SUMMARY
    draft.save_revision(user=get_user_model().objects.get(username="editor"))
    assert NEW_SUMMARY not in text_of(fetch_pdf(client, "en")[1])  # a draft is not published

    publish(client, digest, django_capture_on_commit_callbacks)  # ...which the moderator publishes

    response, after = fetch_pdf(client, "en")
    assert NEW_SUMMARY in text_of(after)
    assert response["Content-Disposition"] == 'attachment; filename="pbr-literature-review-en.pdf"'
    # The Welsh PDF has its own digests and was left alone.
    _, welsh_after = fetch_pdf(client, "cy")
    assert text_of(welsh_after) == text_of(welsh_before)
    assert NEW_SUMMARY not in text_of(welsh_after)


@pytest.mark.django_db
def test_unpublishing_a_digest_takes_it_out_of_the_pdf_and_the_index(
    client, moderator, django_capture_on_commit_callbacks
):
    digest = DigestPage.objects.live().get(locale__language_code="en", slug="pricing")
    assert digest.title in text_of(fetch_pdf(client, "en")[1])

    unpublish(client, digest, django_capture_on_commit_callbacks)

    text = text_of(fetch_pdf(client, "en")[1])
    assert digest.title not in text
    assert "Attribution: paying for the difference the provider makes" in text  # the others stay
    client.logout()
    assert digest.title not in client.get(review("en").url).content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("most_digests_only_in_english")
def test_unpublishing_an_english_only_digest_takes_it_out_of_the_welsh_pdf_s_list_too(
    client, moderator, django_capture_on_commit_callbacks
):
    translated = DigestPage.objects.live().filter(locale__language_code="cy").values_list("translation_key")
    digest = DigestPage.objects.live().filter(locale__language_code="en").exclude(translation_key__in=translated)[0]
    title = digest.title.split(":")[0]
    assert title in text_of(fetch_pdf(client, "cy")[1])

    unpublish(client, digest, django_capture_on_commit_callbacks)

    assert title not in text_of(fetch_pdf(client, "cy")[1])


@pytest.mark.django_db
def test_the_pdf_is_tagged_in_its_language_with_a_cover_contents_page_numbers_and_links(client):
    english = review("en")
    digests = list(DigestPage.objects.live().filter(locale__language_code="en").order_by("title"))
    _, reader = fetch_pdf(client, "en")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root  # tagged: PDF/UA-1
    assert "pdfuaid" in reader.xmp_metadata.stream.get_data().decode()
    assert reader.metadata.title.startswith(english.title)
    cover = " ".join(reader.pages[0].extract_text().split())
    assert english.title in cover and public_url(english.url) in cover and "Built on" in cover
    contents = " ".join(reader.pages[1].extract_text().split())
    assert "Contents" in contents
    # Every digest once in the contents, in order, each with the page it starts on.
    found = [re.search(re.escape(" ".join(d.title.split()[-3:])) + r"[ .]*?(\d+)", contents) for d in digests]
    assert all(found), contents
    starts = [int(match[1]) for match in found]
    assert starts == sorted(starts) and starts[-1] < len(reader.pages)
    for digest, start in zip(digests, starts, strict=True):
        assert digest.title.split(":")[0] in " ".join(reader.pages[start - 1].extract_text().split())
    assert f"Page 3 of {len(reader.pages)}" in reader.pages[2].extract_text()
    # Clickable: web addresses (digests, tags, the resource pack) and in-document links.
    uris, internal = set(), 0
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.add(action["/URI"])
            else:
                internal += 1
    assert {public_url(digest.url) for digest in digests} <= uris
    assert any("/resource-pack/entry/" in uri for uri in uris)
    assert internal >= len(digests)  # the contents at least


@pytest.mark.django_db
def test_no_word_is_broken_across_lines(client):
    """No hyphenation, no breaks inside a word: every line ends on a whole word of the text
    (or at the hyphen of a compound the text has, such as "harder-to-help")."""
    _, reader = fetch_pdf(client, "en")
    # The words of the review page, the digests and the PDF's own headings and page footers.
    source = BeautifulSoup(client.get(review("en").url).content, "html.parser").get_text(" ")
    source += " Contents Introduction Online Page of " + " ".join(map(str, range(len(reader.pages) + 1)))
    for digest in DigestPage.objects.live().filter(locale__language_code="en"):
        source += BeautifulSoup(client.get(digest.url).content, "html.parser").get_text(" ")
    words = set(re.findall(r"\w+", source))
    compounds = set(re.findall(r"\w+(?:-\w+)+", source))
    broken = []
    for page in reader.pages[2:]:
        lines = page.extract_text().splitlines()
        for line, following in zip(lines, [*lines[1:], ""], strict=True):
            if "http" in line or "/" in line:  # web addresses may wrap anywhere
                continue
            last = re.search(r"(\w+(?:-\w+)*)(-?)\W*$", line)
            if last is None:
                continue
            if last[2]:
                joined = last[1] + "-" + (re.match(r"[\w-]*", following.strip())[0])
                if joined not in compounds:
                    broken.append(line)
            elif last[1].split("-")[-1] not in words:
                broken.append(line)
    assert not broken, broken[:5]


@pytest.mark.django_db
@pytest.mark.usefixtures("most_digests_only_in_english")
def test_the_welsh_page_links_the_welsh_pdf_and_says_which_digests_are_only_in_english(client):
    welsh = review("cy")
    html = client.get(welsh.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    link = soup.find("a", href=welsh.full_review_url())
    assert link is not None and "PDF" in link.parent.get_text()
    assert "/cy/" in welsh.full_review_url()
    # The English full review, for the digests not yet translated, marked as English.
    english_link = soup.find("a", href=review("en").full_review_url())
    assert english_link["hreflang"] == "en" and english_link["lang"] == "en"

    _, reader = fetch_pdf(client, "cy")
    assert reader.trailer["/Root"]["/Lang"] == "cy"
    text = text_of(reader)
    welsh_digests = DigestPage.objects.live().filter(locale__language_code="cy")
    assert welsh_digests.count() == 2
    for digest in welsh_digests:
        assert digest.title.split(":")[0] in text
    assert "Cynnwys" in text  # "Contents"
    # The PDF too lists the digests still only in English.
    translated = set(welsh_digests.values_list("translation_key", flat=True))
    for digest in DigestPage.objects.live().filter(locale__language_code="en").exclude(translation_key__in=translated):
        assert digest.title.split(":")[0] in text


@pytest.mark.django_db
def test_with_no_welsh_digests_the_welsh_page_offers_the_english_pdf(
    client, moderator, django_capture_on_commit_callbacks
):
    # The Moderator unpublishes every Welsh digest. The builds wait for the last one (each
    # renders the whole review, ~25 times here): its build is the one this test is about.
    with django_capture_on_commit_callbacks(execute=True), review_pdf.held_builds():
        for digest in DigestPage.objects.live().filter(locale__language_code="cy"):
            unpublish(client, digest, django_capture_on_commit_callbacks)
        assert full_review.stored("cy") is not None  # nothing built yet
    assert full_review.stored("cy") is None  # an empty shell is not kept
    client.logout()
    welsh = review("cy")
    assert client.get(welsh.full_review_url()).status_code == 404
    soup = BeautifulSoup(client.get(welsh.url).content, "html.parser")
    assert soup.find("a", href=welsh.full_review_url()) is None
    link = soup.find("a", href=review("en").full_review_url())
    assert link["hreflang"] == "en" and link["lang"] == "en"
    assert "PDF" in link.parent.get_text() and "KB" in link.parent.get_text()


@pytest.mark.django_db
def test_the_pdf_address_answers_with_its_date_and_a_file_name(client):
    response, _ = fetch_pdf(client, "cy")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="pbr-literature-review-cy.pdf"'
    assert response["Content-Language"] == "cy"
    built = full_review.stored("cy")
    assert response["Last-Modified"] == http_date(int(datetime.datetime.fromisoformat(built["built_at"]).timestamp()))
    again = client.get(review("cy").full_review_url(), HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert again.status_code == 304


@pytest.mark.django_db
def test_before_the_first_build_the_address_says_the_pdf_is_being_prepared(client, settings):
    for name in default_storage.listdir(full_review.FOLDER)[1]:
        default_storage.delete(f"{full_review.FOLDER}/{name}")
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}  # no worker yet
    english = review("en")
    soup = BeautifulSoup(client.get(english.url).content, "html.parser")
    assert "being prepared" in soup.select_one("main").get_text()
    response = client.get(english.full_review_url())
    assert response.status_code == 503 and response["Retry-After"]
    assert "being prepared" in response.content.decode()


@pytest.mark.django_db
def test_staff_can_offer_their_own_designed_pdf_instead(client, moderator, django_capture_on_commit_callbacks):
    from wagtail.documents import get_document_model

    designed = get_document_model().objects.create(
        title="Our designed review", file=ContentFile(b"%PDF-1.7 designed", name="designed-review.pdf")
    )
    english = review("en")
    english.full_review = designed
    english.save_revision().publish()
    client.logout()
    assert client.get(english.full_review_url()).url == designed.url
    assert f'href="{english.full_review_url()}"' in client.get(english.url).content.decode()
    # wagtail-localize copies the choice into the Welsh page: there it is the English document.
    welsh = review("cy")
    welsh.full_review = designed
    welsh.save_revision().publish()
    response = client.get(welsh.full_review_url())
    assert response.status_code == 200 and response["Content-Language"] == "cy"


def test_page_numbers_are_written_in_css_from_the_translation():
    assert full_review.page_number_css('Tudalen {page} o {pages} "x"') == (
        '"Tudalen " counter(page) " o " counter(pages) " \\"x\\""'
    )


@pytest.mark.django_db
def test_publishes_in_a_held_block_ask_for_one_build_per_language_at_its_end(monkeypatch, moderator):
    """The demo loader publishes ~50 digests: one build per language at the end, not one each."""
    asked = []
    monkeypatch.setattr(full_review, "enqueue", lambda language, review_id: asked.append(language))
    digests = list(DigestPage.objects.live().filter(locale__language_code="en")[:3])
    with review_pdf.held_builds():
        for digest in digests:
            digest.save_revision(user=moderator).publish()
        review_pdf.schedule("cy")
        assert asked == []
    assert sorted(asked) == ["cy", "en"]
    digests[0].save_revision(user=moderator).publish()  # outside the block: asked at once
    assert sorted(asked) == ["cy", "cy", "en", "en"]
