"""Serving pages with Wagtail's own routing and the site chrome read afresh on every request
(core_tags: once per request, never longer): Welsh and percent-encoded addresses, private
sections, breadcrumbs and language links, and a publish shown on the very next request."""

from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from pbr_site.core.models import HomePage, StandardPage
from pbr_site.core.templatetags.core_tags import breadcrumb_pages
from wagtail.models import PageViewRestriction

from literature.models import DigestPage, LiteratureIndexPage


def navigation(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in html.select(".govuk-service-navigation__list a")]


def footer_links(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in html.select(".govuk-footer__inline-list a")]


@pytest.mark.django_db
def test_a_welsh_page_with_a_welsh_letter_in_its_slug_is_served(client, welsh):
    home = HomePage.objects.get(locale=welsh)
    page = home.add_child(instance=StandardPage(title="Gŵyl", slug="ŵyl", intro="Gŵyl yr haf.", locale=welsh))
    response = client.get("/cy/" + quote("ŵyl") + "/")
    assert response.status_code == 200 and response.context["page"].pk == page.pk
    assert client.get("/cy/" + quote("ŵyl-ddim-yn-bod") + "/").status_code == 404  # not a 500


@pytest.mark.django_db
def test_a_private_section_is_served_to_no_one_anonymous_and_left_out_of_the_navigation(client, demo_page):
    home = HomePage.objects.get(locale__language_code="en")
    review = demo_page(LiteratureIndexPage, "en")
    digest = demo_page(DigestPage, "en")
    assert review.title in navigation(client.get(home.url))
    PageViewRestriction.objects.create(page=review, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(home.url)
    assert review.title not in navigation(response) and review.title not in footer_links(response)
    assert client.get(digest.url).status_code == 302  # to the sign-in page, below the private section too
    assert client.get(review.url).status_code == 302


@pytest.mark.django_db
def test_a_restriction_on_the_home_page_hides_the_whole_navigation(client, demo_page):
    home = HomePage.objects.get(locale__language_code="en")
    standard = demo_page(StandardPage, "en", slug="about")
    assert navigation(client.get(standard.url))
    PageViewRestriction.objects.create(page=standard, restriction_type=PageViewRestriction.LOGIN)
    assert standard.title not in navigation(client.get(home.url))
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(home.url).status_code == 302


@pytest.mark.django_db
def test_a_published_change_to_the_navigation_shows_on_the_next_request(client, demo_page):
    page = demo_page(StandardPage, "en", slug="about")
    home = HomePage.objects.get(locale__language_code="en")
    welsh_home = HomePage.objects.get(locale__language_code="cy")
    before = navigation(client.get(home.url))
    assert page.title in before
    welsh_before = navigation(client.get(welsh_home.url))
    page.title = "About this toolkit (revised)"
    page.save_revision().publish()
    assert "About this toolkit (revised)" in navigation(client.get(home.url))
    assert navigation(client.get(welsh_home.url)) == welsh_before  # Welsh readers keep their own
    page.unpublish()
    assert "About this toolkit (revised)" not in navigation(client.get(home.url))


@pytest.mark.django_db
def test_a_digest_published_after_a_first_view_shows_its_new_title_at_once(client, demo_page):
    digest = demo_page(DigestPage, "cy")
    assert client.get(digest.url).status_code == 200
    digest.title = "Teitl newydd"
    digest.save_revision().publish()
    html = BeautifulSoup(client.get(digest.url).content, "html.parser")
    assert html.h1.get_text(strip=True) == "Teitl newydd"


@pytest.mark.django_db
def test_breadcrumbs_of_a_served_page_come_from_routing_without_a_query(client, demo_page, django_assert_num_queries):
    digest = demo_page(DigestPage, "cy")
    served = client.get(digest.url).context["page"]
    expected = [page.pk for page in digest.get_ancestors() if page.depth > 1]
    with django_assert_num_queries(0):
        assert [page.pk for page in breadcrumb_pages(served)] == expected
    # A page Wagtail did not route (a preview, say) reads its parents from the database.
    assert [page.pk for page in breadcrumb_pages(DigestPage.objects.get(pk=digest.pk))] == expected
    html = BeautifulSoup(client.get(digest.url).content, "html.parser")
    assert len(html.select(".govuk-breadcrumbs__list-item")) == len(expected)


def language_links(response):
    html = BeautifulSoup(response.content, "html.parser")
    return {a["lang"]: a["href"] for a in html.select("a.govuk-language-navigation__link")}


@pytest.mark.django_db
def test_language_links_go_to_the_translation_or_else_the_home_page(client, demo_page, english, home):
    digest = demo_page(DigestPage, "cy")
    assert language_links(client.get(digest.url))["en"] == digest.get_translation(english).url
    untranslated = home.add_child(instance=StandardPage(title="English only", slug="english-only", intro="Only."))
    assert language_links(client.get(untranslated.url))["cy"] == HomePage.objects.get(locale__language_code="cy").url


@pytest.mark.django_db
def test_a_search_of_the_pack_is_never_stored_by_a_shared_cache_its_filtered_lists_may_be(client, demo_page):
    from literature.models import ResourcePackPage

    pack = demo_page(ResourcePackPage, "cy")
    searched = client.get(pack.url + "?q=payment&sector=probation")
    assert searched.status_code == 200
    assert "no-store" in searched["Cache-Control"] and "private" in searched["Cache-Control"]
    filtered = client.get(pack.url + "?sector=probation&sort=title")
    assert filtered.status_code == 200 and "no-store" not in filtered.get("Cache-Control", "")


# --- Routing in one query per level (core.models.RoutedInOneQuery) ----------------------


def route(page, path):
    from django.test import RequestFactory

    return page.route(RequestFactory().get("/"), [part for part in path.split("/") if part])


@pytest.mark.django_db
def test_routing_reads_each_level_with_its_own_fields_in_one_query(demo_page, django_assert_num_queries):
    home = HomePage.objects.get(locale__language_code="cy")
    digest = demo_page(DigestPage, "cy")
    review = digest.get_parent()
    with django_assert_num_queries(2):  # the review, then the digest: each with its specific fields
        served, _args, _kwargs = route(home, f"{review.slug}/{digest.slug}/")
        assert type(served) is DigestPage and served.summary == digest.summary
        assert served.get_parent().pk == review.pk and served.locale.language_code == "cy"
        assert list(served.get_view_restrictions()) == []  # known public: no query
    assert (served.pk, served.url) == (digest.pk, digest.url)


@pytest.mark.django_db
def test_nested_welsh_and_percent_encoded_slugs_are_served(client, welsh):
    home = HomePage.objects.get(locale=welsh)
    parent = home.add_child(instance=StandardPage(title="Gŵyl", slug="ŵyl", intro="Gŵyl yr haf.", locale=welsh))
    child = parent.add_child(instance=StandardPage(title="Ŷd", slug="ŷd-a-mêl", intro="Ŷd.", locale=welsh))
    response = client.get("/cy/" + quote("ŵyl") + "/" + quote("ŷd-a-mêl") + "/")
    assert response.status_code == 200 and response.context["page"].pk == child.pk
    assert client.get("/cy/" + quote("ŵyl") + "/" + quote("ŷd") + "/").status_code == 404


@pytest.mark.django_db
def test_unknown_and_unpublished_pages_are_not_found_below_a_routable_page(client, demo_page):
    digest = demo_page(DigestPage, "en")
    review = digest.get_parent()
    assert client.get(review.url + "no-such-digest/").status_code == 404
    assert client.get(digest.url + "no-such-page/").status_code == 404  # below a page with no children
    digest.unpublish()
    assert client.get(digest.url).status_code == 404
    assert client.get(review.url).status_code == 200


@pytest.mark.django_db
def test_routable_sub_pages_are_still_served(client, demo_page):
    from literature.models import BibliographyEntry, ResourcePackPage, SectorTag

    review = demo_page(LiteratureIndexPage, "cy")
    sector = SectorTag.objects.filter(digest_items__isnull=False).first()
    response = client.get(review.tag_url(sector))
    assert response.status_code == 200 and response.context["tag"] == sector
    pack = demo_page(ResourcePackPage, "cy")
    entry = BibliographyEntry.objects.filter(live=True).first()
    response = client.get(pack.entry_url(entry))
    assert response.status_code == 200 and response.context["entry"] == entry
    assert client.get(pack.url + "entry/999999/").status_code == 404


@pytest.mark.django_db
def test_a_page_below_a_private_page_asks_for_a_sign_in_and_its_restriction_is_wagtails(client, demo_page):
    digest = demo_page(DigestPage, "en")
    review = digest.get_parent()
    restriction = PageViewRestriction.objects.create(page=review, restriction_type=PageViewRestriction.LOGIN)
    served, _args, _kwargs = route(HomePage.objects.get(locale__language_code="en"), f"{review.slug}/{digest.slug}/")
    assert list(served.get_view_restrictions()) == [restriction]
    response = client.get(digest.url)
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.django_db
def test_an_alias_has_the_view_restrictions_of_its_source_as_wagtail_says(client, demo_page, home):
    about = demo_page(StandardPage, "en", slug="about")
    alias = about.create_alias(parent=home, update_slug="about-us")
    assert client.get(alias.url).status_code == 200
    on_source = PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(alias.url).status_code == 302  # the alias is not below its source, yet private
    on_source.delete()
    # Wagtail ignores a restriction on the alias itself: the source's apply.
    PageViewRestriction.objects.create(page=alias, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(alias.url).status_code == 200
