"""Place-name gazetteer and matcher for Chinese regional-development news.

Data
----
``resources/gazetteer/places.tsv`` (UTF-8, tab-separated, ``#`` comment lines) has the header
``name	level	parent	aliases``:

* ``name``: canonical name, unique in the file (宝坻区, 河北省, 雄安新区 ...). Official names
  that occur twice in the covered area are qualified by their prefecture (石家庄市桥西区).
* ``level``: ``province`` (省级), ``city`` (地级), ``district`` (市辖区), ``county`` (县, 县级市,
  自治县), ``zone`` (parks, new areas, development zones, ports ...) or ``region``
  (cross-boundary areas such as 京津冀, 长三角).
* ``parent``: canonical name of the enclosing entry, empty at the top.
* ``aliases``: ``|``-separated other spellings (宝坻 for 宝坻区, 天开园 for 天开高教科创园).

``resources/gazetteer/alias_stop.txt`` lists words that are never matched on their own
(``和平``) and words that are rejected in a given context: ``大兴<TAB>土木|调查`` rejects 大兴
when followed by 土木 or 调查, ``海口<TAB><出`` rejects 海口 when preceded by 出.

Matching rules
--------------
* Every canonical name and alias of at least two characters is a key; single characters
  (京, 津, 冀) never are. Keys written with a separator get look-alike variants:
  ``·`` also matches ``•・‧.．`` or nothing, ``—`` also matches ``-－–──`` or ``——`` or
  nothing, full-width brackets ``（）`` also match ``()``.
* The text is scanned left to right; at each position the longest key that is allowed there
  wins, and scanning resumes after it, so matches never overlap:
  ``北京大兴国际机场临空经济区`` is one zone, not 北京 + 大兴.
* A key is not allowed where ``alias_stop.txt`` says so, nor when a key ending in 区 is
  followed by 域 (``河北区域`` is 河北, not Tianjin's 河北区) or one ending in 市 is followed
  by 场 (``北京市场`` is 北京 + 市场); the next shorter key at the same position is tried
  instead.

The data is loaded lazily on first use and cached for the life of the process.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from desktop.core.resources import resource_path

log = logging.getLogger(__name__)

GAZETTEER_PARTS = ("gazetteer", "places.tsv")
ALIAS_STOP_PARTS = ("gazetteer", "alias_stop.txt")

LEVELS = ("province", "city", "district", "county", "zone", "region")

_MIN_KEY_LEN = 2

# A key ending in the first character is rejected when the second follows it: 河北区域 is
# 河北 + 区域 (not Tianjin's 河北区), 北京市场 is 北京 + 市场.
_BAD_FOLLOWERS: dict[str, str] = {"区": "域", "市": "场"}

# Separator characters in keys and the spellings they also match in running text.
_VARIANTS: dict[str, tuple[str, ...]] = {
    "·": ("·", "•", "・", "‧", ".", "．", ""),
    "—": ("—", "-", "－", "–", "─", "——", ""),
    "（": ("（", "("),
    "）": ("）", ")"),
}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    level: str
    parent: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place found in a text."""

    text: str  # as written
    span: tuple[int, int]  # [start, end) in the input
    name: str  # canonical name (e.g. 宝坻区 for 宝坻)
    level: str  # province/city/district/county/zone/region
    parent: str | None  # canonical parent name


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    places: dict[str, Place]
    keys: dict[str, str]  # surface form -> canonical name
    lengths: dict[str, tuple[int, ...]]  # first two characters -> key lengths, longest first
    start_re: re.Pattern[str]  # one character class of all first characters
    never: frozenset[str]
    not_after: dict[str, tuple[str, ...]]  # key -> following texts that reject it
    not_before: dict[str, tuple[str, ...]]  # key -> preceding texts that reject it


def _variants(key: str) -> list[str]:
    """The key and its spellings with look-alike separators."""
    if not any(ch in _VARIANTS for ch in key):
        return [key]
    choices = [_VARIANTS.get(ch, (ch,)) for ch in key]
    return ["".join(parts) for parts in itertools.product(*choices)]


def _read_rows(lines: Iterable[str]) -> list[Place]:
    places: list[Place] = []
    header_seen = False
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not header_seen:
            header_seen = True
            if fields[:2] == ["name", "level"]:
                continue
        if len(fields) < 2 or not fields[0]:
            log.warning("places.tsv:%d: malformed line skipped", lineno)
            continue
        fields += [""] * (4 - len(fields))
        name, level, parent, aliases = fields[:4]
        if level not in LEVELS:
            log.warning("places.tsv:%d: unknown level %r for %s", lineno, level, name)
        alias_list = tuple(a.strip() for a in aliases.split("|") if a.strip() and a.strip() != name)
        places.append(Place(name, level, parent or None, alias_list))
    return places


def _read_alias_stop(
    lines: Iterable[str],
) -> tuple[set[str], dict[str, list[str]], dict[str, list[str]]]:
    never: set[str] = set()
    after: dict[str, list[str]] = {}
    before: dict[str, list[str]] = {}
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition("\t")
        word = word.strip()
        rest = rest.strip()
        if not rest:
            never.add(word)
            continue
        for ctx in rest.split("|"):
            ctx = ctx.strip()
            if ctx.startswith("<") and len(ctx) > 1:
                before.setdefault(word, []).append(ctx[1:])
            elif ctx:
                after.setdefault(word, []).append(ctx)
    return never, after, before


def _build(places: list[Place], stop_lines: Iterable[str]) -> _Gazetteer:
    by_name: dict[str, Place] = {}
    for place in places:
        if place.name in by_name:
            log.warning("places.tsv: duplicate name %s; first entry kept", place.name)
            continue
        by_name[place.name] = place

    keys: dict[str, str] = {}
    # Canonical names first: an alias never shadows another entry's canonical name.
    for place in by_name.values():
        for variant in _variants(place.name):
            if len(variant) >= _MIN_KEY_LEN:
                keys.setdefault(variant, place.name)
    ambiguous: set[str] = set()
    alias_owner: dict[str, str] = {}
    for place in by_name.values():
        for alias in place.aliases:
            for variant in _variants(alias):
                if len(variant) < _MIN_KEY_LEN or variant in by_name:
                    continue
                owner = alias_owner.setdefault(variant, place.name)
                if owner != place.name:
                    ambiguous.add(variant)
    for variant, owner in alias_owner.items():
        if variant in ambiguous:
            log.warning("places.tsv: alias %s is ambiguous; not matched", variant)
            continue
        keys.setdefault(variant, owner)

    lengths: dict[str, set[int]] = {}
    for key in keys:
        lengths.setdefault(key[:2], set()).add(len(key))
    first_chars = sorted({key[0] for key in keys})
    start_re = re.compile(
        "[" + "".join(re.escape(ch) for ch in first_chars) + "]" if first_chars else "(?!)"
    )

    never, after, before = _read_alias_stop(stop_lines)
    return _Gazetteer(
        places=by_name,
        keys=keys,
        lengths={k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
        start_re=start_re,
        never=frozenset(never),
        not_after={k: tuple(v) for k, v in after.items()},
        not_before={k: tuple(v) for k, v in before.items()},
    )


def _read_lines(parts: tuple[str, ...]) -> list[str]:
    try:
        return resource_path(*parts).read_text(encoding="utf-8").splitlines()
    except OSError as exc:  # a broken install must not take the viewer down
        log.error("cannot read %s: %s", "/".join(parts), exc)
        return []


@cache
def _gazetteer() -> _Gazetteer:
    return _build(_read_rows(_read_lines(GAZETTEER_PARTS)), _read_lines(ALIAS_STOP_PARTS))


def _allowed(gaz: _Gazetteer, text: str, start: int, key: str) -> bool:
    if key in gaz.never:
        return False
    end = start + len(key)
    follower = _BAD_FOLLOWERS.get(key[-1])
    if follower and text.startswith(follower, end):
        return False
    after = gaz.not_after.get(key)
    if after and any(text.startswith(ctx, end) for ctx in after):
        return False
    before = gaz.not_before.get(key)
    return not (before and any(text.endswith(ctx, 0, start) for ctx in before))


def find_places(text: str) -> list[PlaceMention]:
    """Longest match, left to right, non-overlapping. Never raises."""
    if not isinstance(text, str) or not text:
        return []
    try:
        gaz = _gazetteer()
        keys, lengths, places = gaz.keys, gaz.lengths, gaz.places
        found: list[PlaceMention] = []
        end = 0
        for m in gaz.start_re.finditer(text):
            i = m.start()
            if i < end:
                continue
            candidates = lengths.get(text[i : i + 2])
            if not candidates:
                continue
            room = len(text) - i
            for size in candidates:
                if size > room:
                    continue
                surface = text[i : i + size]
                name = keys.get(surface)
                if name is None or not _allowed(gaz, text, i, surface):
                    continue
                place = places[name]
                found.append(PlaceMention(surface, (i, i + size), name, place.level, place.parent))
                end = i + size
                break
        return found
    except Exception:  # pragma: no cover - defensive: matching must never break a caller
        log.exception("find_places failed")
        return []


def place_names(text: str) -> list[str]:
    """Canonical names found, deduplicated, in order of first occurrence."""
    return list(dict.fromkeys(m.name for m in find_places(text)))


def get_place(name: str) -> Place | None:
    """The entry for a canonical name or an alias, or None."""
    if not isinstance(name, str):
        return None
    gaz = _gazetteer()
    place = gaz.places.get(name)
    if place is None:
        canonical = gaz.keys.get(name)
        place = gaz.places.get(canonical) if canonical else None
    return place


def hierarchy(name: str) -> list[str]:
    """Canonical name and its ancestors: hierarchy('宝坻区') == ['宝坻区', '天津市'].

    Aliases are resolved (hierarchy('宝坻') gives the same); unknown names give ``[]``.
    """
    place = get_place(name)
    chain: list[str] = []
    places = _gazetteer().places
    while place is not None and place.name not in chain:
        chain.append(place.name)
        place = places.get(place.parent) if place.parent else None
    return chain


def all_places() -> list[Place]:
    """Every gazetteer entry, in file order."""
    return list(_gazetteer().places.values())
