"""Feeds at the reader's own origin, named in every page's <head> in its language, and a
language switcher that keeps the reader's place (an entry, a tag page, filters, a search).

Everything here acts as a reader or a feed reader does: read the rendered page, follow the
link it holds, parse the feed."""

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from pbr_site.core.models import HomePage, StandardPage

from literature.models import BibliographyEntry, DigestPage, LiteratureIndexPage, ResourcePackPage, SectorTag, ThemeTag
from search.engine import KINDS

ATOM = {"a": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PUBLIC_HOST = "pbr.example.org"
OTHER_HOST = "toolkit.example.net"
FEED_TITLES = {
    "en": {"New in the payment by results resource pack", "New digests in the payment by results literature review"},
    "cy": {
        "Newydd yn y pecyn adnoddau talu yn ôl canlyniadau",
        "Crynodebau newydd yn yr adolygiad o'r llenyddiaeth ar dalu yn ôl canlyniadau",
    },
}


@pytest.fixture(autouse=True)
def public_hosts(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, PUBLIC_HOST, OTHER_HOST]


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def switcher_link(response, language):
    """The switcher's link to that language, as a reader without JavaScript follows it."""
    nav = soup_of(response).find("nav", class_="govuk-language-navigation")
    return nav.find("a", lang=language)["href"]


def follow(client, href, **extra):
    assert href.startswith("/") and not href.startswith("//"), href  # a path on this site
    response = client.get(href, **extra)
    assert response.status_code == 200, href
    return response


def feed_links(response):
    return [
        (link.get("title"), link["href"])
        for link in soup_of(response).find_all("link", rel="alternate", type="application/atom+xml")
    ]


def atom_links(root):
    """Every URL a feed reader takes from the feed: ids and link hrefs, the feed's and each entry's."""
    urls = [element.text for element in root.iter("{http://www.w3.org/2005/Atom}id")]
    urls += [element.get("href") for element in root.iter("{http://www.w3.org/2005/Atom}link")]
    return urls


def read_feed(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


# --- the feeds ---------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_resource_pack_feed_links_to_the_origin_the_reader_asked_for(client, demo_page, language):
    pack = demo_page(ResourcePackPage, language)
    root = read_feed(client, pack.url + "feed/", HTTP_HOST=PUBLIC_HOST, secure=True)
    origin = f"https://{PUBLIC_HOST}"
    urls = atom_links(root)
    assert urls and all(url.startswith(origin + "/") for url in urls), urls
    assert "localhost" not in ET.tostring(root, encoding="unicode")
    assert root.find("a:id", ATOM).text == origin + pack.url
    assert {link.get("rel"): link.get("href") for link in root.findall("a:link", ATOM)} == {
        "alternate": origin + pack.url,
        "self": origin + pack.url + "feed/",
    }
    # In the pack's language: its title, its xml:lang, and entries on that language's pack.
    assert root.get(XML_LANG) == language
    assert root.find("a:title", ATOM).text in FEED_TITLES[language]
    entries = root.findall("a:entry", ATOM)
    assert 0 < len(entries) <= 50
    live = set(BibliographyEntry.objects.filter(live=True).values_list("title", flat=True))
    for item in entries:
        link = item.find("a:link", ATOM).get("href")
        assert item.find("a:id", ATOM).text == link
        assert link.startswith(f"{origin}{pack.url}entry/")
        assert item.find("a:title", ATOM).text in live
    # A feed reader following an entry's link lands on that entry, in the feed's language.
    first = entries[0]
    page = follow(client, path_of(first.find("a:link", ATOM).get("href")), HTTP_HOST=PUBLIC_HOST, secure=True)
    html = soup_of(page)
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == first.find("a:title", ATOM).text


@pytest.mark.django_db
def test_behind_a_proxy_the_feed_says_https(client, demo_page, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    pack = demo_page(ResourcePackPage, "en")
    root = read_feed(client, pack.url + "feed/", HTTP_HOST=PUBLIC_HOST, HTTP_X_FORWARDED_PROTO="https")
    assert all(url.startswith(f"https://{PUBLIC_HOST}/") for url in atom_links(root))
    plain = read_feed(client, pack.url + "feed/", HTTP_HOST=PUBLIC_HOST)
    assert all(url.startswith(f"http://{PUBLIC_HOST}/") for url in atom_links(plain))


@pytest.mark.django_db
def test_a_host_django_refuses_gets_no_feed(client, demo_page):
    pack = demo_page(ResourcePackPage, "en")
    assert client.get(pack.url + "feed/", HTTP_HOST="evil.example").status_code == 400


@pytest.mark.django_db
def test_feeds_and_pages_for_one_host_are_never_served_to_another(client, demo_page):
    """Each host gets links to itself, and a page for one host is never kept for another
    (the HTTP cache in front keys on the host: site/varnish/pbr.vcl)."""
    pack = demo_page(ResourcePackPage, "en")
    for host in (PUBLIC_HOST, OTHER_HOST, PUBLIC_HOST):
        root = read_feed(client, pack.url + "feed/", HTTP_HOST=host)
        assert all(url.startswith(f"http://{host}/") for url in atom_links(root)), host
    first = client.get(pack.url, HTTP_HOST=PUBLIC_HOST)
    other = client.get(pack.url, HTTP_HOST=OTHER_HOST)
    assert feed_links(other) and all(href.startswith(f"http://{OTHER_HOST}/") for _title, href in feed_links(other))
    assert all(href.startswith(f"http://{PUBLIC_HOST}/") for _title, href in feed_links(first))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_literature_review_has_a_feed_of_its_digests(client, demo_page, language):
    review = demo_page(LiteratureIndexPage, language)
    root = read_feed(client, review.url + "feed/", HTTP_HOST=PUBLIC_HOST)
    origin = f"http://{PUBLIC_HOST}"
    assert all(url.startswith(origin + "/") for url in atom_links(root))
    assert root.get(XML_LANG) == language
    assert root.find("a:title", ATOM).text in FEED_TITLES[language]
    digests = DigestPage.objects.child_of(review).live()
    entries = root.findall("a:entry", ATOM)
    assert sorted(item.find("a:title", ATOM).text for item in entries) == sorted(d.title for d in digests)
    published = [item.find("a:published", ATOM).text for item in entries]
    assert published == sorted(published, reverse=True)  # newest first
    for item in entries:
        link = item.find("a:link", ATOM).get("href")
        assert link.startswith(origin + review.url)
        html = soup_of(follow(client, path_of(link), HTTP_HOST=PUBLIC_HOST))
        assert html.html["lang"] == language
        assert html.h1.get_text(strip=True) == item.find("a:title", ATOM).text


@pytest.mark.django_db
def test_a_new_digest_is_first_in_the_feed_and_a_draft_is_not_in_it(client, demo_page):
    review = demo_page(LiteratureIndexPage, "en")
    template = DigestPage.objects.child_of(review).live().first()
    for title, publish in (("A digest published just now", True), ("A digest still in draft", False)):
        digest = DigestPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            summary="What it says.",
            key_messages=template.key_messages.raw_data,
            body=template.body.raw_data,
            evidence_strength=template.evidence_strength,
        )
        review.add_child(instance=digest)
        revision = digest.save_revision()
        if publish:
            revision.publish()
        else:
            DigestPage.objects.filter(pk=digest.pk).update(live=False)
    titles = [
        item.find("a:title", ATOM).text for item in read_feed(client, review.url + "feed/").findall("a:entry", ATOM)
    ]
    assert titles[0] == "A digest published just now"
    assert "A digest still in draft" not in titles


# --- autodiscovery -------------------------------------------------------------------------
def page_urls(demo_page, language):
    """One page of each kind a reader lands on, in that language."""
    review = demo_page(LiteratureIndexPage, language)
    pack = demo_page(ResourcePackPage, language)
    sector = SectorTag.objects.filter(digest_items__isnull=False).first()
    entry = BibliographyEntry.objects.filter(live=True).first()
    return {
        "home": demo_page(HomePage, language).url,
        "standard page": demo_page(StandardPage, language).url,
        "literature review": review.url,
        "sector page": review.tag_url(sector),
        "digest": demo_page(DigestPage, language).url,
        "resource pack": pack.url,
        "entry page": pack.entry_url(entry),
        "search": f"/{language}/search/?q=payment",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_page_names_the_feeds_in_its_language(client, demo_page, language):
    seen = None
    for kind, url in page_urls(demo_page, language).items():
        response = client.get(url, HTTP_HOST=PUBLIC_HOST)
        assert response.status_code == 200, kind
        links = feed_links(response)
        assert {title for title, _href in links} == FEED_TITLES[language], kind
        assert all(href.startswith(f"http://{PUBLIC_HOST}/{language}/") for _title, href in links), (kind, links)
        assert seen is None or links == seen, kind  # the same feeds on every page
        seen = links
    for _title, href in seen:  # each one a working feed in the page's language
        root = read_feed(client, path_of(href), HTTP_HOST=PUBLIC_HOST)
        assert root.get(XML_LANG) == language
        assert urlsplit(root.find("a:link[@rel='self']", ATOM).get("href")) == urlsplit(href)


@pytest.mark.django_db
def test_the_not_found_page_names_the_feeds_too(client):
    response = client.get("/cy/dim-tudalen-fel-hon/")
    assert response.status_code == 404
    assert {title for title, _href in feed_links(response)} == FEED_TITLES["cy"]


@pytest.mark.django_db
def test_an_unpublished_pack_is_not_named(client, demo_page):
    pack = demo_page(ResourcePackPage, "cy")
    pack.unpublish()
    links = feed_links(client.get(demo_page(HomePage, "cy").url))
    assert [title for title, _href in links] == [
        "Crynodebau newydd yn yr adolygiad o'r llenyddiaeth ar dalu yn ôl canlyniadau"
    ]


# --- the language switcher keeps the reader's place -------------------------------------------
@pytest.mark.django_db
def test_from_an_entry_to_the_same_entry_in_welsh_and_back(client, demo_page):
    pack, pack_cy = demo_page(ResourcePackPage, "en"), demo_page(ResourcePackPage, "cy")
    entry = BibliographyEntry.objects.filter(live=True).exclude(summary_cy="").first()
    english = client.get(pack.entry_url(entry))
    href = switcher_link(english, "cy")
    assert href == pack_cy.entry_url(entry)
    welsh = follow(client, href)
    html = soup_of(welsh)
    assert html.html["lang"] == "cy"
    assert html.h1.get_text(strip=True) == entry.title
    # hreflang alternates name the same entry in both languages.
    alternates = {
        link["hreflang"]: path_of(link["href"]) for link in html.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {"en": pack.entry_url(entry), "cy": pack_cy.entry_url(entry)}
    back = follow(client, switcher_link(welsh, "en"))
    assert soup_of(back).h1.get_text(strip=True) == entry.title and soup_of(back).html["lang"] == "en"


def result_titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".app-entry-result__title a")]


def checked(response, name):
    html = soup_of(response)
    return sorted(box["value"] for box in html.select(f"input[name={name}]") if box.has_attr("checked"))


@pytest.mark.django_db
@pytest.mark.parametrize(("start", "other"), [("en", "cy"), ("cy", "en")])
def test_a_filtered_pack_keeps_its_filters_sort_and_page_in_the_other_language(client, demo_page, start, other):
    pack, pack_other = demo_page(ResourcePackPage, start), demo_page(ResourcePackPage, other)
    # Filters that find something: a published entry's sector, type and a word of its title.
    entry = BibliographyEntry.objects.filter(live=True, sector_tags__isnull=False).order_by("pk").first()
    sector = entry.sector_tags.first()
    word = max(entry.title.split(), key=len).strip(",.:;()")
    types = sorted({entry.publication_type, "audit"})
    query = {
        "sector": sector.slug,
        "sort": "title",
        "type": types,
        "q": word,
        "year_from": "",
        "csrfmiddlewaretoken": "junk",
        "utm_source": "newsletter",
    }
    response = client.get(pack.url, query)
    assert entry.title in result_titles(response)
    href = switcher_link(response, other)
    assert urlsplit(href).path == pack_other.url
    carried = parse_qs(urlsplit(href).query)
    assert carried == {"sector": [sector.slug], "sort": ["title"], "type": types, "q": [word]}
    landed = follow(client, href)
    assert soup_of(landed).html["lang"] == other
    assert result_titles(landed) == result_titles(response)  # the same entries, in the same order
    assert checked(landed, "sector") == checked(response, "sector") == [sector.slug]
    assert checked(landed, "type") == checked(response, "type")
    # Page 2 of the unfiltered pack stays page 2.
    second = client.get(pack.url, {"sort": "title", "page": "2"})
    landed = follow(client, switcher_link(second, other))
    assert result_titles(landed) == result_titles(second) and result_titles(second) != result_titles(
        client.get(pack.url, {"sort": "title"})
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("start", "other"), [("en", "cy"), ("cy", "en")])
def test_sector_and_theme_pages_and_the_reviews_filter_keep_their_place(client, demo_page, start, other):
    review, review_other = demo_page(LiteratureIndexPage, start), demo_page(LiteratureIndexPage, other)
    for tag in (
        SectorTag.objects.filter(digest_items__isnull=False).first(),
        ThemeTag.objects.filter(digest_items__isnull=False).first(),
    ):
        response = client.get(review.tag_url(tag))
        href = switcher_link(response, other)
        assert href == review_other.tag_url(tag)
        landed = soup_of(follow(client, href))
        assert landed.html["lang"] == other
        assert landed.h1.get_text(strip=True) == (tag.welsh_name or tag.name if other == "cy" else tag.name)
    # A sector that digests in both languages are about, so the filter offers it in both.
    sector = (
        SectorTag.objects.filter(digest_items__content_object__locale=review.locale)
        .filter(digest_items__content_object__locale=review_other.locale)
        .first()
    )
    response = client.get(review.url, {"sector": sector.slug})
    href = switcher_link(response, other)
    assert urlsplit(href).path == review_other.url and parse_qs(urlsplit(href).query) == {"sector": [sector.slug]}
    landed = soup_of(follow(client, href))
    chosen = [option["value"] for option in landed.select("select[name=sector] option[selected]")]
    chosen += [box["value"] for box in landed.select("input[name=sector][checked]")]
    assert chosen == [sector.slug]


@pytest.mark.django_db
@pytest.mark.parametrize(("start", "other"), [("en", "cy"), ("cy", "en")])
def test_search_results_keep_the_search_in_the_other_language(client, start, other):
    kind = "digest"
    assert kind in KINDS
    response = client.get(f"/{start}/search/", {"q": "payment by results", "type": kind})
    href = switcher_link(response, other)
    assert urlsplit(href).path == f"/{other}/search/"
    assert parse_qs(urlsplit(href).query) == {"q": ["payment by results"], "type": [kind]}
    landed = soup_of(follow(client, href))
    assert landed.html["lang"] == other
    assert landed.select_one("input#search-q")["value"] == "payment by results"


@pytest.mark.django_db
def test_a_hostile_query_is_carried_escaped_and_never_leaves_the_site(client, demo_page):
    pack = demo_page(ResourcePackPage, "en")
    nasty = '"><script>alert(1)</script>&page=//evil.example/'
    response = client.get(pack.url, {"q": nasty})
    assert b"<script>alert(1)" not in response.content
    href = switcher_link(response, "cy")
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc and parts.path == demo_page(ResourcePackPage, "cy").url
    assert parse_qs(parts.query) == {"q": [nasty]}
    follow(client, href)
    # A query string longer than any of our forms makes is not carried at all.
    long = client.get(pack.url, {"q": "x" * 300, "country": "y" * 300})
    assert switcher_link(long, "cy") == demo_page(ResourcePackPage, "cy").url


@pytest.mark.django_db
def test_a_path_naming_another_host_is_never_linked_to(client):
    response = client.get("/en/", PATH_INFO="//evil.example/", follow=True)
    html = soup_of(response)
    for link in html.find("nav", class_="govuk-language-navigation").find_all("a"):
        assert link["href"].startswith("/") and not link["href"].startswith("//"), link["href"]
        assert "evil.example" not in link["href"]


@pytest.mark.django_db
def test_routes_tied_to_one_visit_go_to_the_other_languages_pack(client, demo_page):
    """The suggestion form is not a place to keep: the switcher leads to the pack itself."""
    pack = demo_page(ResourcePackPage, "en")
    response = client.get(pack.url + "suggest/", {"utm_source": "x"})
    assert switcher_link(response, "cy") == demo_page(ResourcePackPage, "cy").url
