"""A self-assessment result as a PDF, for a board paper, in the reader's language.

`pdf_response()` is the generic part, for any page of this site that a reader downloads as a
PDF made on request (the result here; the joint result next): it renders a template to HTML
and has WeasyPrint lay it out as a tagged PDF (PDF/UA-1, as literature/full_review.py), sent as
an attachment that is never cached or indexed. `render_document()` is the same without the
HTTP response: tests count its pages.

The result PDF (templates/toolkit/pdf/result.html, its CSS beside it) says what the result page
says, from the same explanation (views.explain): the verdict and why, then factor by factor
what you told us, what it means, what to do next and the evidence, with absolute links. It adds
what a paper copy needs: the date completed, the reader's role, the questionnaire version the
answers were scored with (the pinned revision's date and id) and the private link back to the
result. It fits on 4 A4 pages for the demo questionnaire in English and Welsh
(tests/toolkit/test_result_pdf.py).

A PDF costs CPU (about 2 s on the 2-core development machine), so each client may ask for
PDFS_PER_HOUR of them an hour; beyond that the 429 page.
"""

import re

from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.utils.translation import gettext
from pbr_site.core.ratelimit import over_limit
from wagtail.models import Revision

from literature.full_review import page_number_css

from . import joint_views, views

# pdf/ua-1: WeasyPrint tags headings, paragraphs, lists, tables and links, and writes the
# language, title and PDF/UA identification.
PDF_VARIANT = "pdf/ua-1"
PDFS_PER_HOUR = 30
UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


# --- any PDF made on request ----------------------------------------------------------------
def render_document(request, template_name, context):
    """The WeasyPrint document of `template_name` rendered with `context` (len(.pages) is its
    number of pages; .write_pdf() its bytes). Relative links are made absolute against this
    request's site, so they work from the PDF. Nothing is fetched but data: URLs: the templates
    carry their CSS inline, and a PDF made for a visitor must never make the server fetch an
    address (an image in editors' rich text, say) from the network or the disk."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(template_name, context, request=request)
    fetcher = URLFetcher(allowed_protocols=("data",))
    return HTML(string=html, base_url=request.build_absolute_uri("/"), url_fetcher=fetcher).render()


def ascii_filename(name, default="document"):
    """A filename every browser and e-mail client accepts: ASCII letters, digits, dots and
    hyphens ('Hunanasesiad ŵyr 2026' -> 'hunanasesiad-wyr-2026'), never empty."""
    slug = slugify(name)  # drops accents and anything not ASCII
    slug = UNSAFE_FILENAME.sub("-", slug).strip(".-")
    return slug[:100] or default


def pdf_response(request, template_name, context, filename):
    """An HttpResponse holding the PDF of `template_name` with `context`, to be saved as
    `filename`.pdf (made safe by ascii_filename). Never cached, never indexed: these PDFs hold
    private results. The caller checks access and rate limits first."""
    document = render_document(request, template_name, context)
    response = HttpResponse(document.write_pdf(pdf_variant=PDF_VARIANT), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{ascii_filename(filename)}.pdf"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response


def too_many(request):
    """The 429 page, never cached."""
    response = TemplateResponse(request, "429.html", status=429)
    add_never_cache_headers(response)
    return response


def get_only(request):
    """None for GET (and HEAD); otherwise the 405 answer, never cached."""
    if request.method in ("GET", "HEAD"):
        return None
    response = HttpResponseNotAllowed(["GET", "HEAD"])
    add_never_cache_headers(response)
    return response


# --- the result -----------------------------------------------------------------------------
def result_context(request, page, response):
    """Everything the result PDF shows, as the result page works it out (views.explain and
    views.result_page_context), with the links made absolute."""
    _, result_, verdict, factors = views.explain(response)
    context = views.result_page_context(request, page, response, result_, verdict, factors)
    absolute = request.build_absolute_uri
    pack_url = context["pack_url"]
    for item in factors:
        item.digest_links = [(digest.title, absolute(digest.get_url(request))) for digest in item.digests]
        item.resource_links = (
            [(entry, absolute(f"{pack_url}entry/{entry.pk}/")) for entry in item.resources] if pack_url else []
        )
    revision_created = Revision.objects.filter(pk=response.revision_id).values_list("created_at", flat=True).first()
    return {
        **context,
        "page": page,
        "language_code": page.locale.language_code,
        "share_url": absolute(views.subpage_url(page, "result", share_token=response.share_token)),
        "revision_id": response.revision_id,
        "revision_created": revision_created,
        "page_number_css": page_number_css(gettext("Page {page} of {pages}")),
    }


def result_filename(page, response):
    return f"{page.title}-{response.completed_at:%Y-%m-%d}"


def result_pdf(request, page, share_token):
    """GET result/<share_token>/pdf/: the result as a PDF attachment."""
    refused = get_only(request)
    if refused:
        return refused
    response = views.completed_response_or_404(page, share_token)
    if over_limit(request, "result-pdf", limit=PDFS_PER_HOUR, window_seconds=3600):
        return too_many(request)
    with translation.override(page.locale.language_code):
        return pdf_response(
            request, "toolkit/pdf/result.html", result_context(request, page, response), result_filename(page, response)
        )


def joint_pdf(request, page, token):
    """GET joint/<token>/pdf/: the joint result as a PDF attachment, in the reader's language.
    It holds what the joint page shows: only what parties have shared."""
    refused = get_only(request)
    if refused:
        return refused
    joint = joint_views.joint_or_none(page, token)
    if joint is None:
        raise Http404
    if joint.is_expired():
        return joint_views.joint_deleted(request, page)
    if over_limit(request, "result-pdf", limit=PDFS_PER_HOUR, window_seconds=3600):
        return too_many(request)
    with translation.override(page.locale.language_code):
        context = joint_views.joint_context(request, page, joint)
        if context is None:
            raise Http404
        absolute = request.build_absolute_uri
        for item in context["result"].factors:
            item.digest_links = [(digest.title, absolute(digest.get_url(request))) for digest in item.digests]
        revision_created = (
            Revision.objects.filter(pk=page.live_revision_id).values_list("created_at", flat=True).first()
        )
        context.update(
            {
                "page": page,
                "language_code": page.locale.language_code,
                "revision_id": page.live_revision_id,
                "revision_created": revision_created,
                "page_number_css": page_number_css(gettext("Page {page} of {pages}")),
            }
        )
        return pdf_response(request, "toolkit/pdf/joint_result.html", context, f"{page.title}-{joint.service_name}")
