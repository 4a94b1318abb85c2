"""User corrections, kept in a project file and re-applied to every extraction.

A user can edit an event (dates, precision, title, category, places, tense), hide a false
event, merge two events that report one happening or split one out of a merged item
(:mod:`desktop.core.project.links`), add a manual event on a span of source text, or set an article's publication date
(``published``: every relative date of that article is resolved again against it, by
:func:`apply_project`, which needs the extracted corpus, not only its events). Each of these is a
:class:`Correction` anchored on the text it was made on (:class:`Anchor`: the file, the
hash of its decoded text, the span, the text there and some context around it). The
corrections of a corpus live in a :class:`Project`, saved as JSON next to the corpus (or
in the app's data folder) and re-applied by :func:`apply_corrections` to the events the
engine extracts — also when a newer engine gives the events other ids, and when the file
itself changed (the anchor is found again through its context).

A project file that cannot be used is never half-read: :meth:`Project.load` validates it
strictly and moves a damaged file aside (``<name>.damaged-<YYYYmmdd-HHMMSS>``) so that the
next save cannot overwrite what the user may still want to recover.
"""

from desktop.core.project.apply import (
    Applied,
    apply_corrections,
    apply_project,
    apply_published,
    describe,
)
from desktop.core.project.links import Links, cluster_links, clustered
from desktop.core.project.locate import locate
from desktop.core.project.make import (
    anchor_for,
    make_edit,
    make_hide,
    make_manual,
    make_merge,
    make_published,
    make_split,
)
from desktop.core.project.model import (
    PROJECT_FILE_NAME,
    RESOLVED_BY_USER,
    SCHEMA,
    SCHEMA_VERSION,
    Anchor,
    Correction,
    ProjectDamaged,
    ProjectError,
)
from desktop.core.project.paths import default_project_path, fallback_project_path
from desktop.core.project.storage import Project

__all__ = [
    "PROJECT_FILE_NAME", "RESOLVED_BY_USER", "SCHEMA", "SCHEMA_VERSION", "fallback_project_path", "Anchor", "Applied", "Correction", "Project",
    "ProjectDamaged", "ProjectError", "anchor_for", "apply_corrections", "apply_project", "apply_published",
    "default_project_path", "describe", "locate", "make_edit", "make_hide", "make_manual", "make_published",
    "Links", "cluster_links", "clustered", "make_merge", "make_split",
]
