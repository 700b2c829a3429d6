"""Fewer queries for serving a page: Wagtail's routing and view-restriction check, tightened.

Wagtail's `Page.route` looks each URL segment up with two queries (the generic page, then
`.specific`), and `get_view_restrictions` fetches the ancestors before it asks for their
restrictions. For our page types one query does each job:

- a child and its specific fields come together, joined through the tables of the page types
  its parent allows (a handful: on PostgreSQL, more joins cost more planning than a query);
- the ancestors' paths are prefixes of the page's own path, so their restrictions (or, for
  aliases, their source pages' restrictions) are found in one query without fetching them.

Which page a URL segment means, and the site's view restrictions, are remembered per
content version (memo.py).

Routing also remembers each page's parent (`_cached_parent_obj`, as Wagtail's own routing
does), which `routed_ancestors` reads for breadcrumbs without another query.

`public(queryset)` is `queryset.public()` with the site's view restrictions read once per
content version rather than once per call (Wagtail reads them all each time).

Delete the routing parts if Wagtail's routing fetches specific pages in one query itself.
"""

import copy
from functools import cache

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction

from .memo import per_content_version


@cache
def _page_type_joins(parent_class):
    """{content type id: reverse one-to-one name} for the page types allowed below pages of
    this class (only those: each join makes PostgreSQL's planner work harder)."""
    from django.contrib.contenttypes.models import ContentType

    allowed = set(parent_class.allowed_subpage_models())
    joins = {}
    for relation in Page._meta.related_objects:
        model = relation.related_model
        if relation.one_to_one and relation.field.remote_field.parent_link and model in allowed:
            joins[ContentType.objects.get_for_model(model, for_concrete_model=False).pk] = relation.get_accessor_name()
    return joins


def specific_child(parent, slug):
    """The child page with this slug as its specific model, in one query (or None). A child of
    a type its parent does not allow (moved there by code) costs Wagtail's second query."""
    joins = _page_type_joins(type(parent))
    children = parent.get_children().filter(slug=slug).order_by()
    if joins:
        children = children.select_related(*joins.values())
    child = next(iter(children[:1]), None)
    if child is None:
        return None
    name = joins.get(child.content_type_id)
    specific = getattr(child, name, None) if name else None
    return specific if specific is not None else child.specific


def remembered_child(parent, slug):
    """specific_child, remembered per content version: which page a URL means is site
    structure, like the navigation (memo.py). Each request gets its own copy of the page
    object (with its own field cache), so what one request attaches to it stays there.
    A slug that matches nothing is not remembered: anyone can type any URL."""
    child = per_content_version(("child", parent.pk, slug), lambda: specific_child(parent, slug),
                                keep=lambda found: found is not None)
    return copy.copy(child) if child is not None else None


class FastServeMixin:
    """Mixed into our page models (before Page)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = remembered_child(self, path_components[0])
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def get_view_restrictions(self):
        """The same restrictions as Wagtail's (this page's, its ancestors', an alias's
        source's instead of its own), as one query; none at all, without asking, while the
        site has no view restrictions anywhere (known once per content version)."""
        if not view_restrictions():
            return PageViewRestriction.objects.none()
        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        aliased = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of_id")
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page_id__in=aliased)
        )


def routed_ancestors(page):
    """The page's ancestors below the tree root, top first, from the parents routing kept;
    None when routing did not reach this page (then ask the database)."""
    chain = []
    current = page
    while current.depth > 2:
        parent = current.__dict__.get("_cached_parent_obj")
        if parent is None:
            return None
        chain.append(parent)
        current = parent
    return list(reversed(chain))


# --- view restrictions, once per content version -----------------------------------------------
def view_restrictions():
    """Every view restriction with its page, read once per content version."""
    return per_content_version(
        "view-restrictions", lambda: list(PageViewRestriction.objects.select_related("page"))
    )


def public(pages):
    """`pages.public()`: without the pages in a private section (a view restriction), with
    the restrictions read from the database once per content version (Wagtail reads them all
    on every call; adding or removing a restriction changes the content version). The same
    condition as Wagtail's PageQuerySet.private_q, built from the remembered restrictions."""
    private = Q()
    for restriction in view_restrictions():
        private |= pages.descendant_of_q(restriction.page, inclusive=True)
    return pages.exclude(private) if private else pages
