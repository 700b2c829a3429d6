"""The one reader of rendered forms (tests/forms.py) follows HTML's rules for what a browser
sends: every test that posts a form back relies on it."""

from types import SimpleNamespace

import pytest

from tests.forms import form_data, read_form

PAGE = b"""<html><body>
<form method="get" action="/search/"><input name="q" value="x"></form>
<form method="post" action="save/">
  <input type="hidden" name="csrfmiddlewaretoken" value="t">
  <input name="title" value="A &amp; B">
  <input name="locked" value="no" disabled>
  <fieldset disabled><input name="in-disabled-fieldset" value="no"></fieldset>
  <input type="checkbox" name="themes" value="pricing" checked>
  <input type="checkbox" name="themes" value="gaming">
  <input type="checkbox" name="agree">
  <input type="radio" name="role" value="commissioner" checked>
  <input type="radio" name="role" value="provider">
  <select name="sector"><option value="">Any</option><option value="health">Health</option></select>
  <select name="types" multiple><option value="a" selected>A</option><option selected>B</option></select>
  <select name="none" multiple><option value="a">A</option></select>
  <textarea name="body">
First line</textarea>
  <input type="file" name="document">
  <button type="submit" name="action-publish" value="yes">Publish</button>
  <input type="submit" name="other" value="Other">
</form></body></html>"""


def response(content=PAGE, path="/admin/pages/3/edit/", query=""):
    return SimpleNamespace(content=content, request={"PATH_INFO": path, "QUERY_STRING": query})


def test_it_sends_what_a_browser_sends_from_the_first_post_form():
    form = read_form(response())
    assert form.action == "/admin/pages/3/edit/save/"  # relative to the page, as a browser resolves it
    assert form.fields == {
        "csrfmiddlewaretoken": ["t"],
        "title": ["A & B"],
        "themes": ["pricing"],
        "role": ["commissioner"],
        "sector": [""],
        "types": ["a", "B"],
        "body": ["First line"],
    }
    assert {"locked", "agree", "document", "none"} <= form.offered
    assert "action-publish" not in form.offered and "other" not in form.offered


def test_filling_in_replaces_text_chooses_a_radio_and_ticks_another_box():
    data = form_data(response(), title="New", role="provider", themes="gaming", agree="on")
    assert data["title"] == ["New"] and data["role"] == ["provider"]
    assert data["themes"] == ["pricing", "gaming"] and data["agree"] == ["on"]


def test_the_button_clicked_is_sent_and_a_form_without_action_posts_to_its_page():
    assert form_data(response(), button="action-publish")["action-publish"] == ["yes"]
    bare = response(b'<form method="post"><input name="a" value="1"></form>', path="/suggest/", query="x=1")
    assert read_form(bare).action == "/suggest/?x=1"


def test_filling_in_is_held_to_what_the_form_offers_and_a_forged_post_is_not():
    form = read_form(response())
    for wrong in ({"themes": "unknown"}, {"role": "judge"}, {"sector": "space"}, {"no_such_field": "x"}):
        with pytest.raises(AssertionError):
            form.filled(**wrong)
    assert form.forged(role="judge", no_such_field="x")["role"] == ["judge"]
