"""Post back what a rendered form holds, as a browser would send it.

The team's rule for testing a form (DEVELOPERS.md, "Test as the user acts"): read the form
the page rendered, change only what a person would change, and send everything else as it
stands. A hand-built dict of a few fields is how a 400 on the questionnaire's save went
unnoticed. Every test that posts a rendered form reads it here, so there is one reading of
HTML's rules, not one per module:

- a disabled control, or one inside a disabled fieldset, is not sent;
- a checkbox or radio button is sent only when ticked, as its value ("on" without one);
- a select sends its selected options (a single select with none selected, its first);
- a textarea sends its text without the one leading newline HTML's parser drops;
- buttons and file inputs are not sent (a test adds the button it clicks, or the file).

Filling in is held to what the screen offers: a box ticked or an option chosen must be one the
form shows, enabled. A tampered post says so (`forged`).
"""

from dataclasses import dataclass
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

POST_FORM = "form[method=post], form[method=POST]"
# The admin's page form: its header and menus may hold other forms.
ADMIN_FORM = "main form[method=post]"
NOT_SENT = ("submit", "button", "image", "reset", "file")


@dataclass
class RenderedForm:
    action: str  # where the browser sends it: the form's action, or the page's own address
    fields: dict  # name -> [value, ...], what it would send as it stands
    offered: set  # every field name it shows, ticked or not, file inputs included
    boxes: dict  # name -> "checkbox" or "radio", for the names that are boxes
    choices: dict  # name -> the values its enabled boxes or options offer (boxes and selects)

    def filled(self, **values):
        """What it sends after the person fills in `values`: a text field or select takes
        the value (a list for several), a radio button that value; a checkbox is ticked
        as well as any already ticked. Each box or option must be one the form offers."""
        for name, value in values.items():
            assert name in self.fields or name in self.offered, f"the form shows no field {name!r}"
            if name in self.choices:
                for item in value if isinstance(value, list | tuple) else [value]:
                    assert str(item) in self.choices[name], f"the form offers no {item!r} for {name!r}"
        return self.forged(**values)

    def forged(self, **values):
        """As `filled`, without asking whether the form offers it: a tampered post."""
        data = {name: list(sent) for name, sent in self.fields.items()}
        for name, value in values.items():
            value = [str(item) for item in value] if isinstance(value, list | tuple) else [str(value)]
            if self.boxes.get(name) == "checkbox":
                data[name] = [*data.get(name, []), *(item for item in value if item not in data.get(name, []))]
            else:
                data[name] = value
        return data


def read_form(page, selector=POST_FORM, button=None):
    """The first form matching `selector` on the rendered page (a test client's response), or
    this form (one already found in the page's HTML). `button`: the name of the button the
    person clicks; its name and value are sent too."""
    if isinstance(page, Tag) and page.name == "form":
        form, address = page, ""
    else:
        form = BeautifulSoup(page.content, "html.parser").select_one(selector)
        assert form is not None, f"no form {selector!r} on {page.request['PATH_INFO']}"
        address = page.request["PATH_INFO"]
        if page.request.get("QUERY_STRING"):
            address += "?" + page.request["QUERY_STRING"]
    fields, offered, boxes, choices = {}, set(), {}, {}
    for element in form.select("input[name], select[name], textarea[name]"):
        name = element["name"]
        kind = element.get("type", "text").lower() if element.name == "input" else element.name
        if kind not in NOT_SENT[:-1]:
            offered.add(name)
        if element.has_attr("disabled") or element.find_parent("fieldset", disabled=True) or kind in NOT_SENT:
            continue
        if kind in ("checkbox", "radio"):
            boxes[name] = kind
            choices.setdefault(name, set()).add(element.get("value", "on"))
            if element.has_attr("checked"):
                fields.setdefault(name, []).append(element.get("value", "on"))
        elif kind == "select":
            choices.setdefault(name, set()).update(
                option.get("value", option.get_text()) for option in element.select("option:not([disabled])")
            )
            chosen = element.select("option[selected]")
            if not chosen and not element.has_attr("multiple"):
                chosen = element.select("option")[:1]
            for option in chosen:
                fields.setdefault(name, []).append(option.get("value", option.get_text()))
        elif kind == "textarea":
            fields.setdefault(name, []).append(element.get_text().removeprefix("\n"))
        else:
            fields.setdefault(name, []).append(element.get("value", ""))
    if button:
        clicked = form.select_one(f"button[name={button}], input[type=submit][name={button}]")
        assert clicked is not None, f"no button {button!r} in the form"
        fields[button] = [clicked.get("value", "")]
    return RenderedForm(urljoin(address, form.get("action") or address), fields, offered, boxes, choices)


def form_data(page, selector=POST_FORM, button=None, **values):
    """What the browser sends from the rendered form once `values` are filled in."""
    return read_form(page, selector, button).filled(**values)
