"""Routing and privacy in fewer queries (pbr_site/core/routing.py) give Wagtail's answers."""

import pytest
from pbr_site.core.memo import request_memo
from pbr_site.core.models import HomePage, StandardPage
from pbr_site.core.routing import public, routed_ancestors, specific_child
from wagtail.models import Page, PageViewRestriction

from literature.models import DigestPage, LiteratureIndexPage


@pytest.mark.django_db
def test_a_child_comes_with_its_specific_fields_in_one_query(demo_page, django_assert_num_queries):
    review = demo_page(LiteratureIndexPage, "en")
    digest = demo_page(DigestPage, "en")
    with django_assert_num_queries(1):
        child = specific_child(review, digest.slug)
        assert type(child) is DigestPage and child.summary == digest.summary
    assert specific_child(review, "no-such-slug") is None


@pytest.mark.django_db
def test_routing_keeps_the_parents_for_breadcrumbs(client, demo_page):
    digest = demo_page(DigestPage, "en")
    page = client.get(digest.url).context["page"]
    assert [p.pk for p in routed_ancestors(page)] == [p.pk for p in digest.get_ancestors() if p.depth > 1]
    assert routed_ancestors(DigestPage.objects.get(pk=digest.pk)) is None  # not routed: ask the database


@pytest.mark.django_db
def test_view_restrictions_are_wagtails_own(client, demo_page, home):
    review = demo_page(LiteratureIndexPage, "en")
    digest = demo_page(DigestPage, "en")
    restriction = PageViewRestriction.objects.create(page=review, restriction_type=PageViewRestriction.LOGIN)
    assert list(digest.get_view_restrictions()) == [restriction]
    assert list(Page.get_view_restrictions(digest)) == [restriction]  # Wagtail's, for comparison
    assert client.get(digest.url).status_code == 302  # to the sign-in page, as before
    # An alias answers to its source's own restrictions, not to its place in the tree.
    own = PageViewRestriction.objects.create(page=digest, restriction_type=PageViewRestriction.LOGIN)
    alias = digest.create_alias(parent=home, update_slug="digest-alias").specific
    assert set(alias.get_view_restrictions()) == set(Page.get_view_restrictions(alias)) == {own}
    assert list(demo_page(StandardPage, "en").get_view_restrictions()) == []


@pytest.mark.django_db
def test_public_reads_the_restrictions_once_per_content_version(demo_page, django_assert_num_queries):
    review = demo_page(LiteratureIndexPage, "en")
    restriction = PageViewRestriction.objects.create(page=review, restriction_type=PageViewRestriction.LOGIN)
    with request_memo():
        with django_assert_num_queries(4):  # the restrictions, then one query per listing
            assert not list(public(DigestPage.objects.live().filter(locale_id=review.locale_id)))
            homes = list(public(HomePage.objects.live()))
            assert homes and review.pk not in {p.pk for p in public(Page.objects.live())}
    with request_memo(), django_assert_num_queries(1):  # a later request: the listing only
        assert not list(public(DigestPage.objects.live().filter(locale_id=review.locale_id)))
    restriction.delete()  # a content change: the next request reads the restrictions again
    with request_memo(), django_assert_num_queries(2):
        assert list(public(DigestPage.objects.live().filter(locale_id=review.locale_id)))
    PageViewRestriction.objects.create(page=review, restriction_type=PageViewRestriction.LOGIN)
    assert not list(public(DigestPage.objects.live().filter(locale_id=review.locale_id)))  # outside a request: Wagtail's .public()
