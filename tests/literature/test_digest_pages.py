"""Digest pages as readers and editors meet them."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from . import factories


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_citation_markers_link_to_the_numbered_reference_list_and_on_to_the_pack(client):
    nao = factories.entry(title="Outcome-based payment schemes", authors=[("National Audit Office", True)])
    webster = factories.entry(title="Lessons from the literature", year=2016)
    page = factories.digest(
        references=[(nao, "NAO 2015"), (webster, "Webster 2016")],
        body_text="<p>Too many goals [Webster 2016]; no central monitoring [NAO 2015].</p>",
    )
    html = soup_of(client.get(page.url))
    markers = html.select("sup.app-citation a")
    assert [a.get_text() for a in markers] == ["[2]", "[1]"]
    assert [a["href"] for a in markers] == ["#ref-2", "#ref-1"]
    first = html.find("li", id="ref-1")
    cited = " ".join(first.find("a").get_text().split())
    assert cited == "National Audit Office (2015) ‘Outcome-based payment schemes’."
    entry_link = first.find("a")["href"]
    assert entry_link.endswith(f"/entry/{nao.pk}/")
    entry_page = client.get(entry_link)
    assert entry_page.status_code == 200
    assert page.title in entry_page.content.decode()  # "digests that cite it"
    # Cited as the entry's page offers it to copy: one Harvard reference on the whole site.
    [harvard] = soup_of(entry_page).select("p.app-reference--harvard")
    assert " ".join(harvard.get_text().split()) == cited


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 40])
def test_digest_query_count_does_not_grow_with_references_or_tags(
    client, count, django_assert_max_num_queries, settings
):
    entries = [factories.entry(authors=[(f"Author{i}, A.", False), ("Other, B.", False)]) for i in range(count)]
    sectors = [factories.sector(slug=f"s{i}", name=f"Sector {i}") for i in range(min(count, 12))]
    themes = [factories.theme(slug=f"t{i}", name=f"Theme {i}") for i in range(min(count, 12))]
    page = factories.digest(
        references=[(item, f"Key {i}") for i, item in enumerate(entries)],
        body_text="<p>" + " ".join(f"[Key {i}]" for i in range(count)) + "</p>",
        sectors=sectors,
        themes=themes,
    )
    client.get(page.url)
    with django_assert_max_num_queries(20):  # the same ceiling for 2 or 40 references
        response = client.get(page.url)
    assert response.status_code == 200
    assert len(soup_of(response).select("ol.app-references > li")) == count


@pytest.mark.django_db
def test_a_deleted_or_unpublished_entry_still_renders_and_the_editor_is_warned(client, admin_client):
    kept = factories.entry(title="Still here")
    doomed = factories.entry(title="About to be deleted", authors=[("Hedderman, Carol", False)], year=2013)
    hidden = factories.entry(title="About to be unpublished", year=2011)
    page = factories.digest(
        references=[(kept, "Kept"), (doomed, "Hedderman 2013"), (hidden, "Hidden 2011")],
        body_text="<p>[Kept] [Hedderman 2013] [Hidden 2011] [Typo 2020]</p>",
    )
    doomed.delete()
    hidden.unpublish()
    response = client.get(page.url)
    assert response.status_code == 200
    html = soup_of(response)
    second = html.find("li", id="ref-2").get_text(" ", strip=True)
    assert "Hedderman, C. (2013) ‘About to be deleted’." in second
    assert "no longer in the resource pack" in second
    assert "no longer in the resource pack" in html.find("li", id="ref-3").get_text()
    assert "no longer in the resource pack" not in html.find("li", id="ref-1").get_text()

    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    text = edit.content.decode()
    assert "no longer point to a published entry" in text
    assert "deleted" in text and "unpublished" in text
    assert "[Typo 2020]" in text  # a marker that matches no reference


@pytest.mark.django_db
def test_digest_metadata_for_search_engines_and_link_previews(client):
    page = factories.digest(
        title="Pricing outcomes",
        summary="What prices should be.",
        references=[(factories.entry(title="Pricing study"), "Webster 2015")],
    )
    html = soup_of(client.get(page.url))
    assert html.title.get_text().startswith("Pricing outcomes")
    assert html.find("meta", attrs={"name": "description"})["content"] == "What prices should be."
    assert html.find("meta", property="og:title")["content"] == "Pricing outcomes"
    data = json.loads(html.find("script", type="application/ld+json").string)
    assert data["@type"] == "ScholarlyArticle"
    assert data["headline"] == "Pricing outcomes"
    assert data["citation"][0].startswith("Webster, R. (2015) ‘Pricing study’.")


@pytest.mark.django_db
def test_related_digests_share_themes(client):
    shared = factories.theme(slug="pricing-x", name="Pricing X")
    other = factories.theme(slug="other-x", name="Other X")
    page = factories.digest(title="Main", themes=[shared])
    factories.digest(title="Sibling on pricing", themes=[shared, other])
    factories.digest(title="Unrelated", themes=[other])
    related = [a.get_text() for a in soup_of(client.get(page.url)).select(".app-related a")]
    assert related == ["Sibling on pricing"]


@pytest.mark.django_db
def test_tag_pages_list_everything_carrying_the_tag(client):
    tag = factories.sector(slug="probation-x", name="Probation X", welsh_name="Prawf X")
    page = factories.digest(title="Tagged digest", sectors=[tag])
    factories.digest(title="Untagged digest")
    entry = factories.entry(title="Tagged entry")
    entry.sector_tags.add(tag)
    entry.save()
    review = page.get_parent().specific
    response = client.get(review.url + "sector/probation-x/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Tagged digest" in text and "Untagged digest" not in text and "Tagged entry" in text
    assert client.get(review.url + "sector/no-such-tag/").status_code == 404


@pytest.mark.django_db
def test_a_tag_with_many_publications_lists_the_newest_and_links_to_the_pack(client):
    """A sector carrying more publications than TAG_PAGE_ENTRIES: the newest are listed, each
    linked to its page in the pack; the count says how many there are, and a link opens the
    pack filtered by the sector, which lists every one."""
    from literature.models import ResourcePackPage
    from literature.models.pages import TAG_PAGE_ENTRIES

    tag = factories.sector(slug="probation-y", name="Probation Y", welsh_name="Prawf Y")
    page = factories.digest(title="Tagged digest Y", sectors=[tag])
    entries = [factories.entry(title=f"Tagged entry {year}", year=year) for year in range(1990, 1990 + 25)]
    for entry in entries:
        entry.sector_tags.add(tag)
        entry.save()
    review = page.get_parent().specific
    html = soup_of(client.get(review.url + "sector/probation-y/"))
    listed = html.select(".app-entry-list li")
    assert len(listed) == TAG_PAGE_ENTRIES
    newest = [f"Tagged entry {year}" for year in range(2014, 2014 - TAG_PAGE_ENTRIES, -1)]
    assert [item.select_one("a").get_text() for item in listed] == newest
    pack = ResourcePackPage.objects.live().get(locale=page.locale)
    assert listed[0].select_one("a")["href"] == pack.entry_url(entries[-1])
    text = html.get_text()
    assert "Publications with this tag: 25" in text
    link = html.find("a", string="See all publications with this tag in the resource pack")
    assert link["href"] == pack.url + "?sector=probation-y"
    in_pack = soup_of(client.get(link["href"]))
    assert in_pack.select_one("#publications").get_text(strip=True) == "25 publications"


@pytest.mark.django_db
def test_index_groups_by_theme_and_filters_by_sector(client):
    tag = factories.sector(slug="health-x", name="Health X")
    theme = factories.theme(slug="evaluation-x", name="Evaluation X")
    factories.digest(title="Health digest", sectors=[tag], themes=[theme])
    factories.digest(title="Other digest", themes=[theme])
    from literature.models import LiteratureIndexPage

    review = LiteratureIndexPage.objects.get(locale__language_code="en")
    everything = client.get(review.url).content.decode()
    assert "Health digest" in everything and "Other digest" in everything and "Evaluation X" in everything
    filtered = client.get(review.url, {"sector": "health-x"}).content.decode()
    assert "Health digest" in filtered and "Other digest" not in filtered
    unknown = client.get(review.url, {"sector": "<script>alert(1)</script>"})
    assert unknown.status_code == 200
    assert "could not find that sector" in unknown.content.decode()
    assert "<script>alert(1)</script>" not in unknown.content.decode()


@pytest.mark.django_db
def test_unknown_entry_ids_are_not_found(client):
    from literature.models import ResourcePackPage

    pack = ResourcePackPage.objects.get(locale__language_code="en")
    assert client.get(pack.url + "entry/999999/").status_code == 404
    assert client.get(pack.url + "entry/abc/").status_code == 404
    hidden = factories.entry(live=False)
    assert client.get(pack.url + f"entry/{hidden.pk}/").status_code == 404


@pytest.mark.django_db
def test_highwire_citation_tags_on_entry_pages(client):
    from literature.models import ResourcePackPage

    item = factories.entry(
        title="Payment by Results in the UK",
        year=2015,
        journal="Evaluation",
        volume="21",
        issue="2",
        authors=[("Battye, Fraser", False)],
    )
    pack = ResourcePackPage.objects.get(locale__language_code="en")
    html = soup_of(client.get(pack.entry_url(item)))
    meta = {tag["name"]: tag["content"] for tag in html.find_all("meta", attrs={"name": True})}
    assert meta["citation_title"] == "Payment by Results in the UK"
    assert meta["citation_author"] == "Battye, Fraser"
    assert meta["citation_journal_title"] == "Evaluation"
    assert meta["citation_publication_date"] == "2015"
    # The reference once, in "Cite this publication" (no second, differently styled copy).
    assert html.get_text().count("Battye, F. (2015) ") == 1  # APA has "(2015)."
