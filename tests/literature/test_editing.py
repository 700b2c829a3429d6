"""Clinks staff create, reorder and revise digests, references and glossary terms in the
admin, with no developer: driven through Wagtail's admin views."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from literature.models import DigestPage, GlossaryTerm, LiteratureIndexPage

from . import factories


@pytest.fixture
def moderator(client, db):
    user = get_user_model().objects.get(username="moderator")
    client.force_login(user)
    return user


def digest_form(title, slug, references, initial_references=0, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Paying too little drives providers to the easiest cases.",
            "key_messages": streamfield(
                [
                    ("message", "Prices decide who gets help."),
                    ("message", "Differential payments were poorly calibrated."),
                    ("message", "Monitor for parking."),
                ]
            ),
            "body": streamfield(
                [
                    ("heading", {"text": "What the evidence says", "level": "h2"}),
                    ("text", rich_text("<p>Creaming was widespread [Rees 2014].</p>")),
                    ("for_commissioners", rich_text("<p>Test prices with providers first.</p>")),
                ]
            ),
            "evidence_strength": "moderate",
            "sector_tags": '"Worklessness X"',  # the tag widget quotes names with spaces
            "theme_tags": "",
            "references": inline_formset(references, initial=initial_references),
            **extra,
        }
    )


@pytest.mark.django_db
def test_editor_creates_a_digest_with_key_messages_references_and_tags(client, moderator):
    factories.sector(slug="worklessness-x", name="Worklessness X")
    rees = factories.entry(title="Support for all?", year=2014, authors=[("Rees, James", False)])
    carter = factories.entry(title="Creaming and parking", year=2015, authors=[("Carter, E.", False)])
    review = LiteratureIndexPage.objects.get(locale__language_code="en")
    url = reverse("wagtailadmin_pages:add", args=("literature", "digestpage", review.pk))
    response = client.post(
        url,
        digest_form(
            "Gaming",
            "gaming-x",
            [
                {"entry": rees.pk, "cite_as": "Rees 2014", "pinpoint": "p. 3"},
                {"entry": carter.pk, "cite_as": "", "pinpoint": ""},
            ],
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = DigestPage.objects.get(slug="gaming-x")
    assert page.live
    assert [m.value for m in page.key_messages][0] == "Prices decide who gets help."
    assert [r.entry for r in page.references.order_by("sort_order")] == [rees, carter]
    assert page.references.order_by("sort_order")[1].cite_as == "Carter 2015"  # filled in from the entry
    assert [t.slug for t in page.sector_tags.all()] == ["worklessness-x"]
    html = client.get(page.url).content.decode()
    assert 'href="#ref-1"' in html


@pytest.mark.django_db
def test_editor_reorders_references_and_the_numbers_follow(client, moderator):
    first = factories.entry(title="First study")
    second = factories.entry(title="Second study", year=2016)
    page = factories.digest(references=[(first, "A"), (second, "B")], body_text="<p>[A] then [B]</p>")
    refs = list(page.references.order_by("sort_order"))
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form = digest_form(
        page.title,
        page.slug,
        [
            {"id": refs[0].pk, "entry": first.pk, "cite_as": "A", "pinpoint": "", "ORDER": "2"},
            {"id": refs[1].pk, "entry": second.pk, "cite_as": "B", "pinpoint": "", "ORDER": "1"},
        ],
        initial_references=2,
        **{"action-publish": "1"},
    )
    form["body-1-value"] = rich_text("<p>[A] then [B]</p>")
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert [r.entry.title for r in page.references.order_by("sort_order")] == ["Second study", "First study"]
    html = client.get(page.url).content.decode()
    assert '<a class="govuk-link" href="#ref-2" aria-label="Reference 2">[2]</a></sup> then' in html


@pytest.mark.django_db
def test_a_digest_needs_three_to_five_key_messages(client, moderator):
    review = LiteratureIndexPage.objects.get(locale__language_code="en")
    url = reverse("wagtailadmin_pages:add", args=("literature", "digestpage", review.pk))
    form = digest_form("Too few", "too-few", [], **{"action-publish": "1"})
    form.update(nested_form_data({"key_messages": streamfield([("message", "Only one.")])}))
    response = client.post(url, form)
    assert response.status_code == 200
    assert not DigestPage.objects.filter(slug="too-few").exists()


@pytest.mark.django_db
def test_editor_adds_and_revises_a_glossary_term(client, moderator, english):
    add_url = reverse("wagtailsnippets_literature_glossaryterm:add") + "?locale=en"
    response = client.post(
        add_url,
        nested_form_data(
            {
                "term": "Deadweight X",
                "slug": "",
                "also_known_as": "what would have happened anyway",
                "short_definition": "Outcomes that would have happened without the service.",
                "explanation": rich_text("<p>Targets must beat it.</p>"),
                "link_in_text": "on",
                "related_digests": inline_formset([]),
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    term = GlossaryTerm.objects.get(term="Deadweight X")
    assert term.slug == "deadweight-x" and term.locale == english
    edit_url = reverse("wagtailsnippets_literature_glossaryterm:edit", args=(term.pk,))
    response = client.post(
        edit_url,
        nested_form_data(
            {
                "term": "Deadweight X",
                "slug": "deadweight-x",
                "also_known_as": "",
                "short_definition": "What would have happened anyway.",
                "explanation": rich_text(""),
                "link_in_text": "",
                "related_digests": inline_formset([]),
            }
        ),
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.short_definition == "What would have happened anyway." and not term.link_in_text
