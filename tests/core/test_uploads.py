"""Documents and images uploaded through the Wagtail admin are limited by type and size,
and refused with a message that says why."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

MB = 1024 * 1024


def png_bytes(padding=0):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue() + b"\0" * padding  # readers ignore what follows the image


def upload(client, url_name, name, content, content_type):
    return client.post(
        reverse(url_name),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def errors_of(response):
    form = response.context["form"]
    return " ".join(str(error) for error in form.errors.get("file", []))


@pytest.mark.django_db
def test_an_allowed_document_uploads(admin_client):
    count = Document.objects.count()
    response = upload(admin_client, "wagtaildocs:add", "report.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    assert response.status_code == 302
    assert Document.objects.count() == count + 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content_type",
    [
        ("page.html", "text/html"),
        ("installer.exe", "application/octet-stream"),
        ("drawing.svg", "image/svg+xml"),
    ],
)
def test_a_document_of_the_wrong_type_is_refused(admin_client, name, content_type, settings):
    count = Document.objects.count()
    response = upload(admin_client, "wagtaildocs:add", name, b"<script>alert(1)</script>", content_type)
    assert response.status_code == 200
    message = errors_of(response)
    extension = name.rsplit(".", 1)[1]
    assert f"File extension “{extension}” is not allowed" in message
    assert "Allowed extensions are: " + ", ".join(settings.WAGTAILDOCS_EXTENSIONS) in message
    assert message in response.content.decode().replace("&quot;", '"') or "is not allowed" in response.content.decode()
    assert Document.objects.count() == count


@pytest.mark.django_db
def test_a_document_over_the_size_limit_is_refused(admin_client, settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * MB
    count = Document.objects.count()
    response = upload(admin_client, "wagtaildocs:add", "huge.pdf", b"%PDF-1.4\n" + b"0" * (20 * MB), "application/pdf")
    assert response.status_code == 200
    message = errors_of(response)
    assert "This file is too big (20.0\xa0MB). Maximum filesize 20.0\xa0MB." in message
    assert "This file is too big" in response.content.decode()
    assert Document.objects.count() == count


@pytest.mark.django_db
def test_an_allowed_image_uploads(admin_client):
    count = Image.objects.count()
    response = upload(admin_client, "wagtailimages:add", "photo.png", png_bytes(), "image/png")
    assert response.status_code == 302
    assert Image.objects.count() == count + 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
        ("photo.bmp", b"BM" + b"\0" * 64, "image/bmp"),
    ],
)
def test_an_image_of_the_wrong_type_is_refused(admin_client, name, content, content_type):
    count = Image.objects.count()
    response = upload(admin_client, "wagtailimages:add", name, content, content_type)
    assert response.status_code == 200
    message = errors_of(response)
    assert "Not a supported image format. Supported formats: AVIF, GIF, JPG, JPEG, PNG, WEBP." in message
    assert "Not a supported image format" in response.content.decode()
    assert Image.objects.count() == count


@pytest.mark.django_db
def test_an_image_that_is_not_what_its_name_says_is_refused(admin_client):
    count = Image.objects.count()
    response = upload(admin_client, "wagtailimages:add", "photo.png", b"<html><script>alert(1)</script>", "image/png")
    assert response.status_code == 200
    assert errors_of(response)
    assert Image.objects.count() == count


@pytest.mark.django_db
def test_an_image_over_the_size_limit_is_refused(admin_client, settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * MB
    count = Image.objects.count()
    response = upload(admin_client, "wagtailimages:add", "big.png", png_bytes(padding=10 * MB), "image/png")
    assert response.status_code == 200
    message = errors_of(response)
    assert "This file is too big" in message and "Maximum filesize 10.0\xa0MB" in message
    assert "This file is too big" in response.content.decode()
    assert Image.objects.count() == count
