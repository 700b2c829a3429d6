"""Formatted references (literature.references): Harvard and APA through citeproc-py, on the
entry page and on their own, whatever the data."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from literature import formats, references
from literature.models import ResourcePackPage

from . import factories

FOX = formats.Record(
    title="PbR and social impact bonds in the criminal justice sector: new challenges for evidence-based policy?",
    year=2011,
    authors=[("Fox, Chris", False), ("Albertson, Kevin", False)],
    publication_type="research",
    journal="Criminology & Criminal Justice",
    volume="11",
    issue="5",
    pages="395–413",
    doi="10.1177/1748895811415580",
    entry_id=7,
)
NAO = formats.Record(
    title="Outcome-based payment schemes: government's use of payment by results",
    year=2015,
    publication_date=datetime.date(2015, 6, 19),
    authors=[("National Audit Office", True)],
    publication_type="audit",
    publisher="National Audit Office",
    url="https://www.nao.org.uk/report/outcome-based-payment-schemes/",
    entry_id=8,
)


def by_style(record):
    return {reference.style: reference for reference in references.references(record)}


def test_harvard_and_apa_from_citeproc():
    fox = by_style(FOX)
    assert fox["harvard"].formatted and fox["apa"].formatted
    assert fox["harvard"].html == (
        "Fox, C. and Albertson, K. (2011) ‘PbR and social impact bonds in the criminal justice sector: new "
        "challenges for evidence-based policy?’, <i>Criminology &amp; Criminal Justice</i>, 11(5), pp. 395–413. "
        "Available at: https://doi.org/10.1177/1748895811415580."
    )
    assert fox["apa"].html.startswith("Fox, C., &amp; Albertson, K. (2011). PbR and social impact bonds")
    assert "<i>Criminology &amp; Criminal Justice</i>, <i>11</i>(5), 395–413." in fox["apa"].html
    nao = by_style(NAO)
    assert nao["harvard"].html.startswith(
        "National Audit Office (2015) <i>Outcome-based payment schemes: government&#x27;s use of payment by results</i>"
    )
    assert nao["apa"].html.startswith("National Audit Office. (2015). <i>Outcome-based payment schemes")


def test_the_item_is_the_csl_json_exports_item():
    item = formats.csl_item(FOX, "pbr-7")
    assert references.csl_item(FOX) == item  # the same mapping (FOX has no summary to leave out)


def test_text_from_the_data_is_escaped_and_cannot_make_tags():
    record = formats.Record(
        title='<script>alert("x")</script> & \ue000i\ue001 Ltd',
        year=2015,
        authors=[("O'Brien, <b>Pat</b>", False)],
        entry_id=1,
    )
    for reference in references.references(record):
        assert reference.formatted
        assert "<script>" not in reference.html and "<b>" not in reference.html
        assert "&lt;script&gt;" in reference.html
        assert "\ue000" not in reference.html and "\ue001" not in reference.html
        assert BeautifulSoup(reference.html, "html.parser").find_all(lambda tag: tag.name not in ("i", "b")) == []


@pytest.mark.parametrize(
    "record",
    [
        formats.Record(title="No authors at all", year=2015, entry_id=1),
        formats.Record(title="No year", year=None, authors=[("Webster, Russell", False)]),
        formats.Record(
            title="Łódź évaluation",
            year=2019,
            authors=[("Ó Súilleabháin, Séan", False), ("Mason", False), ("van Gogh, Vincent", False)],
        ),
        formats.Record(
            title="Organisations",
            year=2020,
            authors=[("Department of Health, Social Services", True), ("Ernst & Young", True)],
        ),
        formats.Record(
            title="Long " * 100,
            year=2015,
            authors=[("Webster, Russell", False)] * 40,
            journal="J" * 255,
            volume="1" * 30,
            issue="2" * 30,
            pages="x" * 30,
        ),
    ],
    ids=["no authors", "no year", "unicode", "organisations", "very long"],
)
def test_odd_data_always_gives_a_reference(record):
    for reference in references.references(record):
        assert reference.html and reference.label
        assert record.title.strip()[:20] in reference.html


def test_no_authors_gives_the_plain_reference_without_the_title_twice():
    [harvard, apa] = references.references(formats.Record(title="Anonymous report", year=2014, url="https://e.org/"))
    assert not harvard.formatted and not apa.formatted
    assert harvard.html == "Anonymous report (2014). Available at: https://e.org/."


def test_a_failing_formatter_falls_back_to_a_plain_reference(monkeypatch, request):
    import citeproc

    def broken(*args, **kwargs):
        raise RuntimeError("citeproc-py surprised")

    monkeypatch.setattr(citeproc, "CitationStylesStyle", broken)
    # The process remembers what it formatted: forget it before, and the fallbacks after.
    references._formatted.cache_clear()
    request.addfinalizer(references._formatted.cache_clear)
    for reference in references.references(FOX):
        assert not reference.formatted
        assert reference.html == (
            "Fox, C. and Albertson, K. (2011) PbR and social impact bonds in the criminal justice sector: new "
            "challenges for evidence-based policy?. Criminology &amp; Criminal Justice, 11(5), pp. 395–413. "
            "Available at: https://doi.org/10.1177/1748895811415580."
        )


def test_names_known_by_one_name_and_particles_read_right():
    record = formats.Record(
        title="Names",
        year=2016,
        authors=[("Mason", False), ("van Gogh, Vincent", False)],
        publisher="Policy Press",
        entry_id=1,
    )
    styles = by_style(record)
    assert styles["harvard"].html.startswith("Mason and van Gogh, V. (2016)")
    assert styles["apa"].html.startswith("Mason, &amp; van Gogh, V. (2016).")


# --- The entry page -----------------------------------------------------------------------


def entry_page(client, entry, language="en"):
    pack = ResourcePackPage.objects.get(locale__language_code=language)
    response = client.get(pack.entry_url(entry))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_the_entry_page_offers_the_reference_in_harvard_and_apa(client):
    entry = factories.entry(
        title="Payment by <Results> & more",
        year=2015,
        journal="Evaluation",
        volume="21",
        issue="2",
        authors=[("Battye, Fraser", False), ("Sunderland, Jo", False)],
    )
    html = entry_page(client, entry)
    heading = html.find("h2", id="cite")
    assert heading.get_text() == "Cite this publication"
    [harvard] = html.select("p.app-reference--harvard")
    [apa] = html.select("p.app-reference--apa")
    assert harvard["lang"] == apa["lang"] == "en"
    assert harvard.find_previous("h3").get_text() == "Harvard (Cite Them Right)"
    assert apa.find_previous("h3").get_text() == "APA (7th edition)"
    assert harvard.get_text() == (
        "Battye, F. and Sunderland, J. (2015) ‘Payment by <Results> & more’, Evaluation, 21(2)."
    )
    assert apa.get_text().startswith("Battye, F., & Sunderland, J. (2015). Payment by <Results> & more. Evaluation")
    assert [tag.name for tag in harvard.find_all(True)] == ["i"]  # the journal; the title's "<" is text
    export_links = [a.get_text() for a in html.select("ul.app-inline-list a")]
    assert {"BibTeX", "RIS", "CSV", "CSL-JSON"} <= set(export_links)


@pytest.mark.django_db
def test_the_welsh_entry_page_translates_the_interface_not_the_reference(client):
    entry = factories.entry(
        title="Pricing outcomes",
        authors=[("National Audit Office", True)],
        publication_type="audit",
        publisher="National Audit Office",
    )
    html = entry_page(client, entry, "cy")
    assert html.find("h2", id="cite").get_text() == "Dyfynnu'r cyhoeddiad hwn"
    [harvard] = html.select("p.app-reference--harvard")
    assert harvard["lang"] == "en"
    assert harvard.get_text().startswith("National Audit Office (2015) Pricing outcomes.")


@pytest.mark.django_db
def test_an_entry_without_authors_still_has_a_page(client):
    entry = factories.entry(title="Nobody wrote this", authors=())
    html = entry_page(client, entry)
    assert [p.get_text() for p in html.select("p.app-reference")] == ["Nobody wrote this (2015)."] * 2


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 31])
def test_the_entry_page_query_count_does_not_grow_with_authors(count, django_assert_max_num_queries, settings):
    entry = factories.entry(authors=[(f"Author{i}, A.", False) for i in range(count - 1)] + [("Some Trust", True)])
    client = Client()
    entry_page(client, entry)
    # The entry page's budget (tests/core/test_query_budgets.py), whatever the number of authors.
    from tests.core.test_query_budgets import BUDGETS

    with django_assert_max_num_queries(BUDGETS["entry page"]):
        html = entry_page(client, entry)
    assert len(html.select("p.app-reference")) == 2
    assert "Some Trust" in html.select_one("p.app-reference--apa").get_text()  # Harvard: "et al." past 3
