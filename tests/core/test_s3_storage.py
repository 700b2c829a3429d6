"""Uploaded documents and images on S3-compatible storage (settings/storage.py), against a
local S3 server (moto's, in a thread): an editor uploads through the admin's own forms, the
files land in the bucket, readers reach them through signed links, and a private collection's
documents stay behind Wagtail's check. Without a bucket, uploads stay on the disk."""

import io
import json
import posixpath
import urllib.request
import zipfile
from contextlib import contextmanager
from urllib.parse import urlsplit

import boto3
import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from moto.server import ThreadedMotoServer
from pbr_site.core import backup
from pbr_site.core.storage import UploadStorage
from pbr_site.settings.storage import media_sources, s3_options, storages_from_environment
from PIL import Image as PILImage
from storages.backends.s3 import S3Storage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

from tests.forms import ADMIN_FORM, form_data, read_form

BUCKET = "pbr-uploads"
REGION = "eu-west-2"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "moto-test-key", "AWS_SECRET_ACCESS_KEY": "moto-test-secret"}  # moto takes any
PDF = b"%PDF-1.4\n% the board's quarterly report\n%%EOF\n"
EVERYONE = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_environment(s3_server, monkeypatch):
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    return {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": REGION,
        **CREDENTIALS,
    }


@contextmanager
def uploads_configured_by(environ):
    """Uploads stored where production's settings would put them with `environ`, for the
    length of the block (the static files as the tests keep them). Django forgets the storages
    it built whenever STORAGES changes (its setting_changed receiver), so afterwards the tests'
    in-memory storage is a new, empty one: the files the old one held (the demo's) are copied in."""
    kept = storages["default"]
    uploads = storages_from_environment(environ)["default"]
    with override_settings(STORAGES={**django_settings.STORAGES, "default": uploads}):
        yield
    for name in files_in(kept):
        with kept.open(name, "rb") as file:
            default_storage.save(name, file)


def files_in(storage, folder=""):
    folders, files = storage.listdir(folder)
    yield from (posixpath.join(folder, name) for name in files)
    for name in folders:
        yield from files_in(storage, posixpath.join(folder, name))


@pytest.fixture
def bucket(s3_environment):
    """An empty bucket, and the site's uploads stored in it, configured as production would
    be from its environment. Yields a boto3 client to look into the bucket."""
    s3 = boto3.client("s3", endpoint_url=s3_environment["AWS_S3_ENDPOINT_URL"], region_name=REGION)
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    with uploads_configured_by(s3_environment):
        yield s3
    for key in keys_in(s3):
        s3.delete_object(Bucket=BUCKET, Key=key)
    s3.delete_bucket(Bucket=BUCKET)


def keys_in(s3):
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def stored_bytes(s3, key):
    return s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the local S3 server's signed link)
        return response.read()


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 80), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, url_name, file, **changes):
    """Open the admin's add form and send back what it holds, with the file and the changes
    a person would make."""
    form = read_form(client.get(reverse(url_name)), ADMIN_FORM)
    assert "file" in form.offered and set(changes) <= form.offered
    return client.post(reverse(url_name), {**form.filled(**changes), "file": file})


@pytest.fixture
def moderator_client(moderator):
    client = Client()
    client.force_login(moderator)
    return client


@pytest.fixture
def board_papers(db):
    """A collection only signed-in people may read."""
    papers = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=papers, restriction_type=CollectionViewRestriction.LOGIN)
    return papers


@pytest.mark.django_db
def test_an_uploaded_document_is_kept_privately_in_the_bucket_and_served_by_a_signed_link(
    bucket, moderator_client, s3_server
):
    assert isinstance(storages["default"], S3Storage)
    response = upload(
        moderator_client,
        "wagtaildocs:add",
        SimpleUploadedFile("board-report.pdf", PDF, "application/pdf"),
        title="Board report",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get(title="Board report")
    assert keys_in(bucket) == [document.file.name]
    assert stored_bytes(bucket, document.file.name) == PDF
    # Not readable by everyone: no ACL was sent, so the object is as private as the bucket.
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=document.file.name)["Grants"]
    assert all(grant["Grantee"].get("URI") != EVERYONE for grant in grants)

    # A reader follows the site's document link: Wagtail redirects to a signed, expiring link.
    served = Client().get(document.url)
    assert served.status_code == 302
    link = served["Location"]
    assert link.startswith(f"{s3_server}/{BUCKET}/documents/")
    assert "X-Amz-Signature=" in link and "X-Amz-Expires=3600" in link
    assert fetch(link) == PDF

    # A second upload under the same name keeps the first one's file.
    upload(
        moderator_client,
        "wagtaildocs:add",
        SimpleUploadedFile("board-report.pdf", b"%PDF-1.4 v2", "application/pdf"),
        title="Board report, revised",
    )
    revised = Document.objects.get(title="Board report, revised")
    assert revised.file.name != document.file.name
    assert stored_bytes(bucket, document.file.name) == PDF


@pytest.mark.django_db
def test_a_private_collections_document_is_refused_to_an_anonymous_visitor(
    bucket, moderator_client, board_papers, s3_server
):
    response = upload(
        moderator_client,
        "wagtaildocs:add",
        SimpleUploadedFile("minutes.pdf", PDF, "application/pdf"),
        title="Board minutes",
        collection=str(board_papers.pk),
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Board minutes")
    assert document.collection == board_papers
    assert stored_bytes(bucket, document.file.name) == PDF

    refused = Client().get(document.url)
    assert refused.status_code == 302
    assert not refused["Location"].startswith(s3_server)  # to the sign-in page, not the file
    assert "/login/" in refused["Location"]

    allowed = moderator_client.get(document.url)
    assert allowed.status_code == 302 and allowed["Location"].startswith(f"{s3_server}/{BUCKET}/")
    assert fetch(allowed["Location"]) == PDF


@pytest.mark.django_db
def test_an_uploaded_image_and_its_renditions_are_stored_in_the_bucket(bucket, moderator_client, s3_environment):
    picture = png_bytes()
    response = upload(
        moderator_client, "wagtailimages:add", SimpleUploadedFile("ward.png", picture, "image/png"), title="The ward"
    )
    assert response.status_code == 302
    image = Image.objects.get(title="The ward")
    assert stored_bytes(bucket, image.file.name) == picture

    # The admin's edit page shows the image: Wagtail makes its preview rendition in the bucket,
    # and the page links it from an address the Content-Security-Policy lets images load from.
    edit = moderator_client.get(reverse("wagtailimages:edit", args=[image.pk]))
    assert edit.status_code == 200
    renditions = list(image.renditions.all())
    assert renditions
    keys = keys_in(bucket)
    assert all(rendition.file.name in keys for rendition in renditions)
    shown = [
        img["src"] for img in BeautifulSoup(edit.content, "html.parser").select("img[src]") if "/images/" in img["src"]
    ]
    assert shown
    for src in shown:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(src))
        assert origin in media_sources(s3_environment)
        assert fetch(src).startswith(b"\x89PNG")


@pytest.mark.django_db
def test_deleting_a_document_removes_its_file_from_the_bucket(
    bucket, moderator_client, django_capture_on_commit_callbacks
):
    upload(
        moderator_client,
        "wagtaildocs:add",
        SimpleUploadedFile("old-report.pdf", PDF, "application/pdf"),
        title="An old report",
    )
    document = Document.objects.get(title="An old report")
    assert keys_in(bucket) == [document.file.name]
    delete_url = reverse("wagtaildocs:delete", args=[document.pk])
    fields = form_data(moderator_client.get(delete_url), ADMIN_FORM)
    # Wagtail deletes the file once the transaction commits, through a task (run at once here).
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(delete_url, fields)
    assert response.status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()
    assert keys_in(bucket) == []


@pytest.mark.django_db
def test_an_oversized_upload_is_refused_and_leaves_nothing_in_the_bucket(bucket, moderator_client, settings):
    too_big = PDF + b"0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    count = Document.objects.count()
    response = upload(
        moderator_client, "wagtaildocs:add", SimpleUploadedFile("huge.pdf", too_big, "application/pdf"), title="Too big"
    )
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert Document.objects.count() == count
    assert keys_in(bucket) == []


@pytest.mark.django_db
def test_a_backup_reads_the_uploaded_files_from_the_bucket(bucket, moderator_client, tmp_path):
    upload(
        moderator_client,
        "wagtaildocs:add",
        SimpleUploadedFile("kept.pdf", PDF, "application/pdf"),
        title="A kept report",
    )
    document = Document.objects.get(title="A kept report")
    manifest = backup.backup(tmp_path / "site.zip")
    assert document.file.name in manifest["files"]
    with zipfile.ZipFile(tmp_path / "site.zip") as archive:
        assert archive.read(backup.MEDIA_PREFIX + document.file.name) == PDF
        assert json.loads(archive.read("manifest.json"))["missing_files"] == manifest["missing_files"]


@pytest.mark.django_db
def test_without_a_bucket_uploads_stay_on_the_disk(settings, tmp_path, moderator_client):
    settings.MEDIA_ROOT = tmp_path
    environ = {"AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_S3_REGION_NAME": REGION}  # no bucket named
    assert storages_from_environment(environ)["default"] == {"BACKEND": "pbr_site.core.storage.UploadStorage"}
    assert media_sources(environ) == []
    with uploads_configured_by(environ):
        response = upload(
            moderator_client,
            "wagtaildocs:add",
            SimpleUploadedFile("local.pdf", PDF, "application/pdf"),
            title="A local report",
        )
        assert response.status_code == 302
        assert isinstance(storages["default"], UploadStorage)
    document = Document.objects.get(title="A local report")
    assert (tmp_path / document.file.name).read_bytes() == PDF


@pytest.mark.parametrize(
    "environ",
    [
        {"AWS_STORAGE_BUCKET_NAME": "pbr-media", "AWS_S3_REGION_NAME": "eu-west-2"},
        {"AWS_STORAGE_BUCKET_NAME": "pbr-media"},
        {"AWS_STORAGE_BUCKET_NAME": "pbr-media", "AWS_S3_ENDPOINT_URL": "https://objects.example.org:8443"},
        {"AWS_STORAGE_BUCKET_NAME": "pbr-media", "AWS_S3_CUSTOM_DOMAIN": "files.example.org"},
    ],
)
def test_the_content_security_policy_allows_where_image_links_point(environ, monkeypatch):
    """Browsers load uploaded images from the addresses django-storages signs: each one's
    origin must be among media_sources, which the CSP's img-src lists."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    storage = S3Storage(**s3_options(environ, environ["AWS_STORAGE_BUCKET_NAME"]))
    link = urlsplit(storage.url("images/ward.png"))  # signed locally: no request is made
    assert f"{link.scheme}://{link.netloc}" in media_sources(environ)
