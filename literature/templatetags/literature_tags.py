"""Template tags for the literature review: digest bodies with citation and glossary links."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from pbr_site.core.templatetags.core_tags import linked_page, once_per_request

from ..citations import link_citations
from ..glossary_links import link_terms
from ..models import GlossaryPage, GlossaryTerm, LiteratureIndexPage

register = template.Library()


def linkable_glossary_terms(request, page):
    """[(names, url, short definition)] for the terms in `page`'s language: one query (the
    glossary page comes with the site chrome), once per request (a self-assessment section
    links them in every question's help text)."""
    locale_id = page.locale_id

    def build():
        glossary_page = linked_page(request, page, GlossaryPage)
        if glossary_page is None:
            return []
        base = glossary_page.get_url(request)
        return [
            (term.names, f"{base}#{term.slug}", term.short_definition)
            for term in GlossaryTerm.objects.filter(locale_id=locale_id, link_in_text=True).only(
                "term", "slug", "also_known_as", "short_definition"
            )
        ]

    if request is None:
        return build()
    return once_per_request(request, ("glossary-links", locale_id), build)


@register.simple_tag(takes_context=True)
def digest_body(context, page):
    """The digest's body blocks with [key] markers linked to the references and the first
    mention of each glossary term linked to its definition."""
    html = page.body.render_as_block(context.flatten())
    html = link_citations(html, page.citation_numbers(), label=gettext("Reference"))
    html = link_terms(html, linkable_glossary_terms(context.get("request"), page))
    return mark_safe(html)  # noqa: S308 (built from Wagtail's rendered, escaped blocks)


@register.simple_tag(takes_context=True)
def glossary_links(context, html, page):
    """For help text elsewhere (the self-assessment): {% glossary_links help_html page %}."""
    terms = linkable_glossary_terms(context.get("request"), page)
    return mark_safe(link_terms(str(html), terms))  # noqa: S308 (html is already-rendered rich text)


@register.simple_tag(takes_context=True)
def tag_url(context, tag):
    """The tag's page under the literature review in the visitor's language.

    Pages give either `literature_review` (the page) or just `tag_base_url` (its URL)."""
    review = context.get("literature_review")
    base = review.url if review is not None else context.get("tag_base_url")
    return LiteratureIndexPage.tag_path(base, tag) if base else ""
