"""Read an admin form as the browser would submit it: every field the rendered HTML holds,
with the values it shows (ticked boxes, the chosen radio button, hidden inputs, the CSRF
token). Tests change what a person would change and post the rest back as it was."""

from bs4 import BeautifulSoup


def rendered_form(response, selector="main form[method=post]"):
    """(fields, offered): {name: value} the form would post as it stands, and the names of
    every field it offers (ticked or not, file inputs included)."""
    html = BeautifulSoup(response.content, "html.parser")
    form = html.select_one(selector)
    assert form is not None, f"no form matching {selector!r}"
    fields, offered = {}, set()
    for element in form.select("input[name], textarea[name], select[name]"):
        name = element["name"]
        offered.add(name)
        kind = element.get("type", "text") if element.name == "input" else element.name
        if kind in ("checkbox", "radio"):
            if element.has_attr("checked"):
                fields[name] = element.get("value", "on")
        elif kind == "file" or kind in ("submit", "button"):
            continue
        elif kind == "select":
            chosen = element.select_one("option[selected]") or element.select_one("option")
            if chosen is not None:
                fields[name] = chosen.get("value", chosen.get_text())
        elif kind == "textarea":
            fields[name] = element.get_text()
        else:
            fields[name] = element.get("value", "")
    return fields, offered
