"""Form posts that declare a character set: read as UTF-8 when it is UTF-8 by another name,
else a clear 400 page, never a server error.

Why this exists: since Django 5.0 (ticket #34709) a form post
(`application/x-www-form-urlencoded`) that declares any charset other than "utf-8" raises
BadRequest when request.POST is first read. Unlike a broken multipart body, Django does not
remember that failure, and its 400 handler (`requires_csrf_token`) reads request.POST again:
the second BadRequest escapes as a 500. Every form was affected, the admin sign-in too.
Delete this middleware when Django marks the parse error (`_mark_post_parse_error()`) in that
branch as it does for multipart, and tests/security/test_fuzz_params.py still passes.

A second hole, one step earlier: a Content-Type header Django cannot parse at all
(`charset*=bogus''x`, an RFC 2231 parameter naming an unknown codec) makes Django's request
object raise BadRequest while it is being built, outside the handler that turns exceptions
into responses, so the server answers 500. ContentTypeCheck, a WSGI wrapper, answers 400
first. Delete it when Django builds the request inside its exception handling.

What FormCharsetMiddleware does, before CsrfViewMiddleware (the first to read request.POST):
- `charset=utf8`, `UTF_8`, `us-ascii` and other names of UTF-8 or its ASCII subset: read as
  UTF-8 (HttpRequest.encoding is the documented way to say so).
- Any other charset Python knows (latin-1, utf-16, ...): Django's own BadRequest, answered
  once by the 400 page (templates/400.html), the form data left empty for anything after.
- A charset Python does not know: Django ignores it and reads UTF-8, as a browser would send.
"""

import codecs

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.http import parse_header_parameters

FORM = "application/x-www-form-urlencoded"
READ_AS_UTF8 = {"utf-8", "ascii"}  # codecs' own names for every alias of these


def _codec_name(charset):
    try:
        return codecs.lookup(charset).name
    except (LookupError, TypeError, ValueError):
        return None


class FormCharsetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type == FORM:
            charset = request.content_params.get("charset")
            if charset is not None and _codec_name(charset) in READ_AS_UTF8:
                request.encoding = "utf-8"
            try:
                request.POST  # noqa: B018 (read now, so a failure is answered here, once)
            except (BadRequest, SuspiciousOperation):
                # Too many fields, a body too large or a charset that is not UTF-8: Django's
                # 400 page, with nothing left for its handler to read again.
                request.POST = QueryDict()
                # With DEBUG on, Django's technical 400 page lists request.FILES too, which
                # would parse the body again (a 500 under `make run`). Delete with the rest.
                request._files = MultiValueDict()
                raise
        return self.get_response(request)


# Stand-alone (Django has not started on the request): both languages, no template.
UNREADABLE_HEADER_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bad request</title></head><body>'
    "<h1>Sorry, we could not read what was sent</h1>"
    "<p>Your browser sent the form in a way we cannot read, so nothing was saved. Go back, reload the page and "
    "try again.</p>"
    '<p lang="cy">Mae’n ddrwg gennym, ni allem ddarllen yr hyn a anfonwyd. Ewch yn ôl, ail-lwythwch y dudalen '
    "a rhowch gynnig arall arni.</p></body></html>"
).encode()


def readable_content_type(header):
    """False when Django could not build a request with this Content-Type header."""
    try:
        _type, params = parse_header_parameters(header)
        if "charset" in params:
            codecs.lookup(params["charset"])  # Django catches only LookupError here
    except LookupError:
        return True
    except (ValueError, TypeError):
        return False
    return True


class ContentTypeCheck:
    """WSGI wrapper: a request whose Content-Type header cannot be read gets a 400 page."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if not readable_content_type(environ.get("CONTENT_TYPE", "")):
            start_response(
                "400 Bad Request",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(UNREADABLE_HEADER_PAGE))),
                    ("Cache-Control", "no-store"),
                ],
            )
            return [UNREADABLE_HEADER_PAGE]
        return self.application(environ, start_response)
