"""The literature review's index page: every digest once, A–Z, with its summary, strength of
evidence and theme links; filters by sector and theme; in Welsh, the digests still only in
English, marked as English."""

import pytest
from bs4 import BeautifulSoup

from literature.models import DigestPage, LiteratureIndexPage


def review(language):
    return LiteratureIndexPage.objects.live().get(locale__language_code=language)


def digests_in(language):
    return list(DigestPage.objects.live().filter(locale__language_code=language).order_by("title"))


def main_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").select_one("main")


def listed(main, selector="#digests ~ .govuk-grid-row .app-digest-list"):
    """(title, href) of each digest in the first list matching `selector`."""
    found = main.select_one(selector)
    return [(a.get_text(strip=True), a["href"]) for a in found.select("li h3 a")] if found else []


@pytest.mark.django_db
def test_each_digest_is_listed_once_a_to_z_with_its_summary_evidence_and_themes(client):
    main = main_of(client, review("en").url)
    digests = digests_in("en")
    assert listed(main) == [(digest.title, digest.url) for digest in digests]
    for digest in digests:
        assert len(main.find_all("a", href=digest.url)) == 1, digest.title
    first = main.select_one(".app-digest-list > li")
    text = " ".join(first.get_text(" ").split())
    assert digests[0].summary.split()[0] in text
    assert f"Strength of evidence: {digests[0].get_evidence_strength_display()}" in text
    assert not main.find_all("a", href="")  # theme headings used to be links to nowhere


@pytest.mark.django_db
def test_theme_links_lead_to_the_theme_pages_that_list_the_digest(client):
    english = review("en")
    main = main_of(client, english.url)
    digest = digests_in("en")[0]
    item = main.find("a", href=digest.url).find_parent("li")
    theme_links = [a["href"] for a in item.select("a") if "/theme/" in a["href"]]
    assert theme_links and {english.tag_url(theme) for theme in digest.theme_tags.all()} == set(theme_links)
    for href in theme_links:
        assert main_of(client, href).find("a", href=digest.url) is not None, href


@pytest.mark.django_db
def test_filtering_by_theme_and_sector(client):
    english = review("en")
    digests = digests_in("en")
    theme = digests[0].theme_tags.first()
    with_theme = [d for d in digests if theme in d.theme_tags.all()]
    main = main_of(client, f"{english.url}?theme={theme.slug}")
    assert [href for _title, href in listed(main)] == [d.url for d in with_theme]
    assert main.select_one(f"select#theme option[value={theme.slug}]").has_attr("selected")
    assert f"{len(with_theme)} digest" in main.select_one("[role=status]").get_text()

    sector = with_theme[0].sector_tags.first()
    both = [d for d in with_theme if sector in d.sector_tags.all()]
    main = main_of(client, f"{english.url}?theme={theme.slug}&sector={sector.slug}")
    assert [href for _title, href in listed(main)] == [d.url for d in both]

    main = main_of(client, f"{english.url}?theme=no-such-theme")
    assert "could not find that theme" in main.get_text()
    assert len(listed(main)) == len(digests)


@pytest.mark.django_db
def test_every_theme_and_sector_a_digest_has_is_offered_in_the_filter(client):
    main = main_of(client, review("en").url)
    offered = {option["value"] for option in main.select("select#theme option") if option["value"]}
    assert offered == {tag.slug for digest in digests_in("en") for tag in digest.theme_tags.all()}
    offered = {option["value"] for option in main.select("select#sector option") if option["value"]}
    assert offered == {tag.slug for digest in digests_in("en") for tag in digest.sector_tags.all()}


@pytest.mark.django_db
def test_the_welsh_index_lists_its_own_digests_then_those_only_in_english_marked_as_english(client):
    main = main_of(client, review("cy").url)
    welsh = digests_in("cy")
    assert welsh and listed(main) == [(digest.title, digest.url) for digest in welsh]
    translated = {digest.translation_key for digest in welsh}
    english_only = [digest for digest in digests_in("en") if digest.translation_key not in translated]
    heading = main.find(id="english-only")
    assert heading.get_text(strip=True) == "Yn Saesneg yn unig hyd yma"
    section = heading.find_next("ul")
    links = section.select("li h3 a")
    assert [(a.get_text(strip=True), a["href"]) for a in links] == [(d.title, d.url) for d in english_only]
    for link in links:
        assert link["lang"] == "en" and link["hreflang"] == "en" and link["href"].startswith("/en/")
    assert all(summary["lang"] == "en" for summary in section.select("li p[lang]"))
    # The English originals of the Welsh digests are not offered again.
    english_urls = {a["href"] for a in main.select("a") if a["href"].startswith("/en/")}
    assert not english_urls & {d.url for d in digests_in("en") if d.translation_key in translated}


@pytest.mark.django_db
def test_the_english_index_has_no_english_only_section(client):
    assert main_of(client, review("en").url).find(id="english-only") is None
