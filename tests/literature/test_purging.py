"""What changes to the literature review and the resource pack purge from the HTTP cache in
front (literature/purging.py), in both languages, exactly."""

import pytest
from pbr_site.core import purging
from wagtail.models import Page

from literature.models import (
    BibliographyEntry,
    DigestPage,
    DigestReference,
    GlossaryPage,
    GlossaryTerm,
    GlossaryTermDigest,
    LiteratureIndexPage,
    ResourcePackPage,
    SectorTag,
)
from tests.core.test_purging import BASE, address, every_address, linking_to, purges_on_commit, record_purges


@pytest.fixture
def purged(settings):
    return record_purges(settings)


@pytest.fixture
def committed(django_capture_on_commit_callbacks, purged):
    return purges_on_commit(purged, django_capture_on_commit_callbacks)


@pytest.fixture
def site(demo_page, home, welsh):
    class Site:
        reviews = [demo_page(LiteratureIndexPage, code) for code in ("en", "cy")]
        packs = [demo_page(ResourcePackPage, code) for code in ("en", "cy")]
        glossaries = [demo_page(GlossaryPage, code) for code in ("en", "cy")]
        homes = [home, Page.objects.get(depth=2, locale=welsh)]

    return Site


def tag_pages(site, tags):
    return {address(review, f"{kind}/{tag.slug}/") for review in site.reviews for kind, tag in tags}


def tags_of(thing):
    return [("sector", tag) for tag in thing.sector_tags.all()] + [("theme", tag) for tag in thing.theme_tags.all()]


def entry_pages(site, entry_ids):
    return {address(pack, f"entry/{pk}/") for pack in site.packs for pk in entry_ids}


def cited_by(digest):
    return set(DigestReference.objects.filter(page=digest, entry__isnull=False).values_list("entry_id", flat=True))


@pytest.fixture
def digest(demo_page):
    """The English digest on pricing (cited publications, tags, a Welsh translation)."""
    return demo_page(DigestPage, "en", "pricing")


def related(digest):
    """The digests in its language sharing a theme with it (their "Related digests")."""
    sharing = DigestPage.objects.live().filter(locale=digest.locale, theme_items__tag__in=digest.theme_tags.all())
    return {address(page) for page in sharing}


def what_any_digest_change_shows(site, digest):
    return (
        {address(digest), address(site.homes[0])}
        | {address(review) for review in site.reviews}
        | tag_pages(site, tags_of(digest))
        | entry_pages(site, cited_by(digest))
        | related(digest)
    )


def test_republishing_a_digest(committed, site, digest):
    """The review in both languages (the Welsh one lists digests still only in English), its
    tag pages, the pages of the entries it cites (they list the digests citing them) and the
    digests sharing a theme (their "Related digests")."""
    digest.summary = "A shorter summary."
    urls = committed(lambda: digest.save_revision().publish())
    assert cited_by(digest) and tags_of(digest)
    assert urls == what_any_digest_change_shows(site, digest)


def test_a_live_welsh_alias_of_a_new_digest_purges_what_a_published_digest_does(committed, site, digest):
    """As wagtail-localize's synchronised trees make one when a Moderator creates a digest and
    publishes it at once: Wagtail sends no publish for the alias."""
    from tests.literature.factories import digest as new_digest

    cited = BibliographyEntry.objects.filter(pk__in=cited_by(digest)).first()
    english = new_digest(
        references=[(cited, "Cited 2015")], sectors=digest.sector_tags.all(), themes=digest.theme_tags.all()
    )
    welsh_review = site.reviews[1]
    urls = committed(lambda: english.copy_for_translation(welsh_review.locale, copy_parents=False, alias=True))
    alias = english.get_translation(welsh_review.locale)
    assert alias.live and alias.alias_of_id == english.pk and cited_by(alias) == {cited.pk}
    # Its home page is the Welsh one; the English digest's language links now point at the alias.
    english_home = {address(site.homes[0])}
    assert urls == what_any_digest_change_shows(site, alias) - english_home | {address(site.homes[1]), address(english)}


def test_a_new_title_also_purges_the_glossary_and_the_pages_linking_to_it(committed, site, digest):
    digest.title = "Pricing outcomes"
    urls = committed(lambda: digest.save_revision().publish())
    assert GlossaryTermDigest.objects.filter(page=digest).exists()
    assert linking_to(digest)  # the self-assessment's questionnaire names it
    assert urls == (
        what_any_digest_change_shows(site, digest)
        | {address(glossary) for glossary in site.glossaries}
        | linking_to(digest)
    )


def test_a_new_slug_purges_the_old_address_and_the_translation(committed, site, digest):
    old = address(digest)
    welsh = digest.get_translation(site.reviews[1].locale)
    digest.slug = "pricing-outcomes"
    urls = committed(lambda: digest.save_revision().publish())
    digest.refresh_from_db()
    old = {old, old.rstrip("/")}  # and the redirect Wagtail makes from it
    assert old == {f"{BASE}/en/literature-review/pricing/", f"{BASE}/en/literature-review/pricing"}
    assert urls == (
        what_any_digest_change_shows(site, digest)
        | old
        | {address(welsh)}
        | {address(glossary) for glossary in site.glossaries}
        | linking_to(digest)
    )


def test_a_removed_theme_purges_its_tag_pages_too(committed, site, digest):
    removed = digest.theme_tags.first()
    digest.theme_tags.set([tag for tag in digest.theme_tags.all() if tag != removed])
    urls = committed(lambda: digest.save_revision().publish())
    published = DigestPage.objects.get(pk=digest.pk)
    assert removed not in published.theme_tags.all()
    # Digests in its language bearing the theme it lost: their "Related digests" may lose it.
    losing = DigestPage.objects.live().filter(locale=digest.locale, theme_items__tag=removed)
    assert urls == (
        what_any_digest_change_shows(site, published)
        | tag_pages(site, [("theme", removed)])
        | {address(page) for page in losing}
    )


def test_unpublishing_a_digest(committed, site, digest):
    welsh = digest.get_translation(site.reviews[1].locale)
    sharing_themes = related(digest)  # while it is live
    urls = committed(lambda: digest.unpublish())
    assert urls == (
        what_any_digest_change_shows(site, digest)
        | {address(welsh)}
        | sharing_themes
        | {address(glossary) for glossary in site.glossaries}
        | linking_to(digest)
    )


@pytest.fixture
def entry(digest):
    """A published entry the pricing digest cites, with tags."""
    return BibliographyEntry.objects.filter(pk__in=cited_by(digest), live=True).exclude(sector_items=None).first()


def what_an_entry_change_shows(site, entry):
    citing = DigestPage.objects.live().filter(references__entry=entry).distinct()
    return (
        {address(pack) for pack in site.packs}
        | entry_pages(site, [entry.pk])
        | tag_pages(site, tags_of(entry))
        | {address(page) for page in citing}
    )


def test_publishing_an_entry(committed, site, entry):
    """The pack in both languages (every filtered list of it goes with its path), the entry's
    pages, its tag pages and the digests citing it, in English and Welsh."""
    entry.summary = "A new summary."
    urls = committed(lambda: entry.save_revision().publish())
    citing = DigestPage.objects.live().filter(references__entry=entry)
    assert {page.locale.language_code for page in citing} == {"en", "cy"}
    assert urls == what_an_entry_change_shows(site, entry)


def test_an_entry_losing_a_sector_purges_its_tag_pages(committed, site, entry):
    removed = entry.sector_tags.first()
    entry.sector_tags.remove(removed)
    urls = committed(lambda: entry.save_revision().publish())
    assert urls == what_an_entry_change_shows(site, entry) | tag_pages(site, [("sector", removed)])


def test_unpublishing_an_entry(committed, site, entry):
    shows = what_an_entry_change_shows(site, entry)
    assert committed(lambda: entry.unpublish()) == shows


def test_deleting_an_entry(committed, site, entry):
    shows = what_an_entry_change_shows(site, entry)
    assert committed(entry.delete) == shows


def test_a_draft_of_an_entry_purges_nothing(committed, entry):
    entry.summary = "Not yet."
    assert committed(entry.save_revision) == set()


def test_a_document_change_purges_the_entries_offering_it(committed, site, entry):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(title="The report", file="documents/report.pdf")
    entry.document = document
    entry.save_revision().publish()
    document.title = "The full report"
    assert committed(document.save) == what_an_entry_change_shows(site, entry)


def test_a_renamed_sector_purges_its_old_and_new_tag_pages(committed, site):
    from toolkit.models import SelfAssessmentPage

    sector = SectorTag.objects.filter(digest_items__isnull=False, entry_items__isnull=False).distinct().first()
    old = tag_pages(site, [("sector", sector)])
    digests = DigestPage.objects.live().filter(sector_items__tag=sector).distinct()
    entries = BibliographyEntry.objects.filter(live=True, sector_items__tag=sector).values_list("pk", flat=True)
    sector.slug = "renamed"
    urls = committed(sector.save)
    open_data = {address(page, "open-data/") for page in SelfAssessmentPage.objects.live()}
    assert len(open_data) == 2
    assert urls == (
        old
        | tag_pages(site, [("sector", sector)])
        | {address(page) for page in digests}
        | entry_pages(site, entries)
        | open_data
        | {address(page) for page in [*site.packs, *site.reviews]}
    )


def test_a_glossary_term_purges_the_glossaries_and_every_digest(committed, site):
    term = GlossaryTerm.objects.filter(locale=site.reviews[0].locale).first()
    term.short_definition = "A clearer definition."
    urls = committed(term.save)
    assert urls == (
        {address(glossary) for glossary in site.glossaries} | {address(page) for page in DigestPage.objects.live()}
    )


def test_a_success_factor_purges_the_open_data_pages(db, committed):
    from toolkit.models import SelfAssessmentPage, SuccessFactor

    factor = SuccessFactor.objects.first()
    factor.name = "A new name"
    assert committed(factor.save) == {address(page, "open-data/") for page in SelfAssessmentPage.objects.live()}


def test_the_pack_at_a_new_address_purges_every_page(committed, site):
    pack = site.packs[0]
    old = {address(pack), address(pack, "entry/*")}
    old.add(f"{BASE}/en/resource-pack")  # the redirect Wagtail makes from it
    pack.slug = "resources"
    urls = committed(lambda: pack.save_revision().publish())
    assert urls == every_address() | old


def test_a_new_full_review_pdf_purges_the_review_in_both_languages(committed, site):
    from literature import review_pdf

    urls = committed(lambda: review_pdf.build("en", force=True))
    assert urls == {address(review) for review in site.reviews}


def test_collecting_an_entry_change_costs_a_few_queries(
    django_capture_on_commit_callbacks,
    purged,
    entry,
    django_assert_max_num_queries,
):
    entry.summary = "Counted."
    with django_capture_on_commit_callbacks() as callbacks:
        entry.save_revision().publish()
    assert purging.send_pending in callbacks
    with django_assert_max_num_queries(10):
        purging.send_pending()
    assert len(set(purged)) > 10
