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


@pytest.fixture
def most_digests_only_in_english(db):
    """Every demo digest is in Welsh; a real site has English digests not yet translated. Take
    the Welsh away from all but two (their tags differ from the rest's)."""
    kept = DigestPage.objects.filter(
        locale__language_code="en", slug__in=["pricing", "gaming-cream-skimming-and-parking"]
    )
    for page in (
        DigestPage.objects.live()
        .filter(locale__language_code="cy")
        .exclude(translation_key__in=kept.values("translation_key"))
    ):
        page.unpublish()


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
@pytest.mark.usefixtures("most_digests_only_in_english")
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


# --- in Welsh, the filter covers the digests only in English too ---------------------------------
def english_only_digests():
    translated = {digest.translation_key for digest in digests_in("cy")}
    return [digest for digest in digests_in("en") if digest.translation_key not in translated]


def english_only_listed(main):
    """(title, href) of each digest in the 'Only in English so far' list, checking its marking."""
    heading = main.find(id="english-only")
    if heading is None:
        return []
    links = heading.find_next("ul").select("li h3 a")
    assert all(link["lang"] == "en" and link["hreflang"] == "en" for link in links)
    return [(link.get_text(strip=True), link["href"]) for link in links]


def own_listed(main):
    """(title, href) of each digest listed in the page's own language (not the English-only list)."""
    heading = main.find(id="english-only")
    english = heading.find_next("ul") if heading is not None else None
    return [
        (link.get_text(strip=True), link["href"])
        for found in main.select("#digests ~ .govuk-grid-row .app-digest-list")
        if found is not english
        for link in found.select("li h3 a")
    ]


def switcher_link(main_page_response, language):
    nav = BeautifulSoup(main_page_response.content, "html.parser").find("nav", class_="govuk-language-navigation")
    return nav.find("a", lang=language)["href"]


@pytest.mark.django_db
@pytest.mark.usefixtures("most_digests_only_in_english")
def test_the_welsh_filter_offers_the_tags_of_every_digest_it_lists(client):
    listed_digests = digests_in("cy") + english_only_digests()
    main = main_of(client, review("cy").url)
    for kind in ("theme", "sector"):
        offered = {option["value"] for option in main.select(f"select#{kind} option") if option["value"]}
        expected = {tag.slug for digest in listed_digests for tag in getattr(digest, f"{kind}_tags").all()}
        welsh_only = {tag.slug for digest in digests_in("cy") for tag in getattr(digest, f"{kind}_tags").all()}
        assert expected > welsh_only, kind  # the demo content has tags only English digests carry
        assert offered == expected, kind


@pytest.mark.django_db
@pytest.mark.usefixtures("most_digests_only_in_english")
def test_switching_to_welsh_keeps_a_theme_only_english_digests_have(client):
    """/en/literature-review/?theme=X -> the switcher -> /cy/...?theme=X: the theme is chosen,
    no Welsh digest is shown, and the English-only digests with that theme are, marked English."""
    welsh_themes = {tag.pk for digest in digests_in("cy") for tag in digest.theme_tags.all()}
    theme = next(
        tag for digest in english_only_digests() for tag in digest.theme_tags.all() if tag.pk not in welsh_themes
    )
    with_theme = [digest for digest in english_only_digests() if theme in digest.theme_tags.all()]
    assert 0 < len(with_theme) < len(english_only_digests())

    response = client.get(review("en").url, {"theme": theme.slug})
    assert response.status_code == 200
    href = switcher_link(response, "cy")
    assert href.startswith(review("cy").url) and f"theme={theme.slug}" in href
    main = main_of(client, href)
    assert main.select_one(f"select#theme option[value={theme.slug}]").has_attr("selected")
    assert "dod o hyd i'r thema" not in main.get_text()  # "We could not find that theme"
    assert own_listed(main) == []
    assert english_only_listed(main) == [(digest.title, digest.url) for digest in with_theme]
    assert main.find(id="none-translated").get_text(strip=True) == (
        "Nid oes unrhyw grynodeb yn Gymraeg yn cyfateb i'r hidlyddion hyn eto."
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("most_digests_only_in_english")
def test_switching_to_welsh_with_a_sector_filters_both_lists(client):
    """A sector Welsh and English-only digests share, but not every English-only digest has."""
    welsh, english_only = digests_in("cy"), english_only_digests()
    sector = next(
        tag
        for digest in welsh
        for tag in digest.sector_tags.all()
        if 0 < sum(tag in other.sector_tags.all() for other in english_only) < len(english_only)
    )
    response = client.get(review("en").url, {"sector": sector.slug})
    main = main_of(client, switcher_link(response, "cy"))
    assert main.select_one(f"select#sector option[value={sector.slug}]").has_attr("selected")
    assert own_listed(main) == [(d.title, d.url) for d in welsh if sector in d.sector_tags.all()]
    assert english_only_listed(main) == [(d.title, d.url) for d in english_only if sector in d.sector_tags.all()]
    assert main.find(id="none-translated") is None  # some Welsh digests match


@pytest.mark.django_db
@pytest.mark.usefixtures("most_digests_only_in_english")
def test_a_welsh_filter_no_digest_matches_says_so(client):
    """Both lists filtered to nothing: the old sentence, and no English-only section."""
    welsh, english_only = digests_in("cy"), english_only_digests()
    theme_slugs = {tag.slug for d in welsh + english_only for tag in d.theme_tags.all()}
    sector_slugs = {tag.slug for d in welsh + english_only for tag in d.sector_tags.all()}
    pair = next(
        (theme, sector)
        for theme in sorted(theme_slugs)
        for sector in sorted(sector_slugs)
        if not any(
            {theme} <= {t.slug for t in d.theme_tags.all()} and sector in {s.slug for s in d.sector_tags.all()}
            for d in welsh + english_only
        )
    )
    main = main_of(client, f"{review('cy').url}?theme={pair[0]}&sector={pair[1]}")
    assert own_listed(main) == [] and main.find(id="english-only") is None
    assert "Nid oes unrhyw grynodeb yn cyfateb i'r hidlyddion hyn." in main.get_text()
