"""pydeck builders: venues, the parties they brought together, member states. No web tiles."""

from __future__ import annotations

import json
import math

import geopandas as gpd
import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from ..policy import HOSTING_ROLES
from .columns import EV, OR
from .geo import name_of
from .palette import LAND_TINTS, MEMBER, OCEAN, actor_rgb

# A fixed view centred between the Caucasus and Central Asia. Keeping it constant is what stops
# the map from jumping back on reruns: Streamlit keeps the user's pan/zoom while the initial
# view state it is given does not change.
VIEW = pdk.ViewState(latitude=38.0, longitude=55.0, zoom=1.7, min_zoom=0.5, max_zoom=12)
VENUE_LAYER = "venues"
HOSTED_TYPES = ("talks_hosted",)
_WORLD = [[[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]]]


VENUE_COLUMNS = ["venue", "venue_country", "lat", "lon", "n_events", "actor", "actors", "color", "radius", "label"]


def venue_groups(events: pd.DataFrame) -> pd.DataFrame:
    """Per venue and acting country: events, how many hosted, coordinates (what query.Atlas.venue_groups
    returns from DuckDB), from an events frame."""
    keep = (events[EV.lat].notna() & events[EV.lon].notna()).to_numpy(bool)
    # A small frame of plain object columns: Arrow-backed strings are slow to group and iterate.
    small = pd.DataFrame({
        "venue": events[EV.venue].to_numpy(object, na_value=None)[keep],
        "venue_country": events[EV.venue_country].fillna("").to_numpy(object)[keep],
        "actor": events[EV.actor].fillna("?").to_numpy(object)[keep],
        "host": events[EV.actor_role].isin(HOSTING_ROLES).fillna(False).to_numpy(bool)[keep],
        "lat": events[EV.lat].to_numpy(float)[keep],
        "lon": events[EV.lon].to_numpy(float)[keep],
    })
    small["venue"] = small["venue"].where(small["venue"].notna(), small["venue_country"]).replace("", "unnamed place")
    return small.groupby(["venue", "venue_country", "actor"], sort=False).agg(
        n=("lat", "size"), hosted=("host", "sum"), lat=("lat", "first"), lon=("lon", "first")).reset_index()


def venues_frame(events: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """One row per venue with coordinates: counts, main actor, colour, radius and tooltip label."""
    return venues_from_groups(venue_groups(events), names)


def venues_from_groups(per: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """venues_frame from the per-(venue, country, actor) groups, however they were counted."""
    if per.empty:
        return pd.DataFrame(columns=VENUE_COLUMNS)
    # The venue takes the colour of the state that hosted most there, not of a guest that attended.
    per = per.sort_values(["venue", "venue_country", "hosted", "n", "actor"], ascending=[True, True, False, False, True],
                          kind="stable")
    out = per.groupby(["venue", "venue_country"], sort=False).agg(
        lat=("lat", "first"), lon=("lon", "first"), n_events=("n", "sum"), actor=("actor", "first")).reset_index()
    top = per.groupby(["venue", "venue_country"], sort=False).head(4)
    top = top.assign(_s=[f"{name_of(a, names)} {n}" for a, n in zip(top["actor"], top["n"])])
    summary = top.groupby(["venue", "venue_country"], sort=False)["_s"].agg(", ".join).to_dict()
    out["actors"] = [summary.get(k, "") for k in zip(out["venue"], out["venue_country"])]
    out["color"] = [list(actor_rgb(a)) + [210] for a in out["actor"]]
    # Log-scaled: one busy capital must not hide its neighbours.
    out["radius"] = [min(30.0, 3.0 + 4.0 * math.log1p(n)) for n in out["n_events"]]
    out["label"] = [
        f"{v} ({name_of(c, names)}): {n} event{'s' if n != 1 else ''}. {a}"
        for v, c, n, a in zip(out["venue"], out["venue_country"], out["n_events"], out["actors"])
    ]
    # Busiest first; ties in name order, so the same counts draw the same list however grouped.
    return out[VENUE_COLUMNS].sort_values(["n_events", "venue", "venue_country"], ascending=[False, True, True],
                                          kind="stable").reset_index(drop=True)


ARC_COLUMNS = ["venue", "party", "source", "target", "n", "color", "label"]


def arc_groups(events: pd.DataFrame, centres: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """Per venue and state party of the talks hosted there (query.Atlas.arc_groups), from a frame."""
    hosted = events[events[EV.event_type].isin(HOSTED_TYPES).fillna(False).astype(bool) & events[EV.lat].notna()]
    ex = hosted[[EV.venue, EV.lat, EV.lon, EV.actor, EV.parties]].explode(EV.parties)
    # Non-state parties ("syrian opposition") have no territory to draw an arc to.
    ex = ex[ex[EV.parties].isin(centres.keys())]
    g = ex.groupby([EV.venue, EV.parties], sort=False).agg(
        lat=(EV.lat, "first"), lon=(EV.lon, "first"), actor=(EV.actor, "first"), n=(EV.lat, "size")
    ).reset_index()
    return g.rename(columns={EV.parties: "party"})


def arcs_frame(events: pd.DataFrame, centres: dict[str, tuple[float, float]], names: dict[str, str]) -> pd.DataFrame:
    """Arcs from a venue to each state party of the talks hosted there, one per (venue, party)."""
    return arcs_from_groups(arc_groups(events, centres), centres, names)


def arcs_from_groups(g: pd.DataFrame, centres: dict[str, tuple[float, float]], names: dict[str, str]) -> pd.DataFrame:
    """arcs_frame from the per-(venue, party) groups."""
    if g.empty:
        return pd.DataFrame(columns=ARC_COLUMNS)
    return pd.DataFrame({
        "venue": g["venue"],
        "party": g["party"],
        "source": [[round(lon, 4), round(lat, 4)] for lon, lat in zip(g["lon"], g["lat"])],
        "target": [[round(x, 2), round(y, 2)] for x, y in (centres[p] for p in g["party"])],
        "n": g["n"],
        "color": [list(actor_rgb(a)) + [160] for a in g["actor"]],
        "label": [f"{v} hosted talks with {name_of(p, names)} ({n}x)" for v, p, n in zip(g["venue"], g["party"], g["n"])],
    })[ARC_COLUMNS]


def members_of(organisations: pd.DataFrame, acronyms: tuple[str, ...] | list[str]) -> dict[str, list[str]]:
    """ISO3 -> the selected organisations it belongs to, from the organisations table."""
    out: dict[str, list[str]] = {}
    rows = organisations[organisations[OR.acronym].isin(list(acronyms)).fillna(False).astype(bool)]
    for acr, members in zip(rows[OR.acronym], rows[OR.members]):
        for iso in members if members is not None else []:
            out.setdefault(iso, []).append(acr)
    return out


def _rounded(coords):
    # Two decimals (about 1 km) is finer than the 1:110m shapes: it halves the JSON sent per rerun.
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 2), round(coords[1], 2)]
    return [_rounded(c) for c in coords]


_SHAPES: dict[int, list[dict]] = {}


SIMPLIFY = 0.1  # degrees: invisible at the zooms the atlas opens at, and a fifth less to send


def _shapes(countries: gpd.GeoDataFrame) -> list[dict]:
    key = id(countries)
    if key not in _SHAPES:  # the countries frame is loaded once per process (geo.load_countries)
        shapes = countries.geometry.simplify(SIMPLIFY, preserve_topology=True) if len(countries) else countries.geometry
        feats = shapes.__geo_interface__["features"] if len(countries) else []
        _SHAPES[key] = [{"type": f["geometry"]["type"], "coordinates": _rounded(f["geometry"]["coordinates"])} for f in feats]
    return _SHAPES[key]


_TINTS: dict[int, list[int]] = {}


def land_tints(countries: gpd.GeoDataFrame) -> list[int]:
    """For each country, an index into LAND_TINTS that no neighbour shares where four allow
    (DSatur greedy colouring; an island keeps the first tint)."""
    key = id(countries)
    if key not in _TINTS:
        n = len(countries)
        neighbours: list[set[int]] = [set() for _ in range(n)]
        if n:
            tree = countries.sindex
            left, right = tree.query(countries.geometry, predicate="intersects")
            for a, b in zip(left.tolist(), right.tolist()):
                if a != b:
                    neighbours[a].add(b)
                    neighbours[b].add(a)
        tint = [-1] * n
        for _ in range(n):  # DSatur: the country whose neighbours already use the most tints next
            i = max((i for i in range(n) if tint[i] < 0),
                    key=lambda i: (len({tint[j] for j in neighbours[i]} - {-1}), len(neighbours[i]), -i))
            taken = [tint[j] for j in neighbours[i] if tint[j] >= 0]
            free = [t for t in range(len(LAND_TINTS)) if t not in taken]
            tint[i] = free[0] if free else min(range(len(LAND_TINTS)), key=taken.count)
        _TINTS[key] = tint
    return _TINTS[key]


def countries_geojson(countries: gpd.GeoDataFrame, members: dict[str, list[str]] | None = None) -> dict:
    """The country shapes as GeoJSON, members of the selected organisations shaded."""
    members = members or {}
    feats = []
    for iso, name, geometry, tint in zip(countries["iso_a3"], countries["name"], _shapes(countries), land_tints(countries)):
        orgs = members.get(iso)
        if orgs:
            fill = list(MEMBER) + [min(230, 110 + 40 * len(orgs))]
            label = f"{name}: member of {', '.join(orgs)}"
        else:
            fill, label = list(LAND_TINTS[tint]) + [255], name
        feats.append({"type": "Feature", "geometry": geometry, "properties": {"iso_a3": iso, "label": label, "fill": fill}})
    return {"type": "FeatureCollection", "features": feats}


def _base_layers(countries: gpd.GeoDataFrame, members: dict[str, list[str]] | None) -> list[pdk.Layer]:
    # An ocean rectangle and the bundled country shapes: the map stays a map with no tiles.
    # Borders are told by neighbouring tints, not by a stroke: a line layer would add about a
    # second to the map's first paint where the browser draws WebGL without a GPU.
    ocean = pdk.Layer("PolygonLayer", data=[{"polygon": _WORLD[0]}], id="ocean", get_polygon="polygon",
                      get_fill_color=list(OCEAN), stroked=False, pickable=False)
    land = pdk.Layer("GeoJsonLayer", data=countries_geojson(countries, members), id="countries",
                     get_fill_color="properties.fill", stroked=False, filled=True, pickable=True, auto_highlight=False)
    return [ocean, land]


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation: pydeck indents by 2, tripling what each rerun sends."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def _deck(layers: list[pdk.Layer]) -> pdk.Deck:
    # map_provider=None and the default map_style (a sentinel) draw no base map; map_style=None
    # would make Streamlit fetch its own Carto style from the web.
    return CompactDeck(layers=layers, initial_view_state=VIEW, map_provider=None,
                    tooltip={"text": "{label}"})


def venue_deck(events: pd.DataFrame | None, countries: gpd.GeoDataFrame, names: dict[str, str],
               centres: dict[str, tuple[float, float]], members: dict[str, list[str]] | None = None,
               venues: pd.DataFrame | None = None, arcs: pd.DataFrame | None = None) -> pdk.Deck:
    """The map of mediation venues: points sized by events and coloured by actor, arcs to parties.
    `venues` and `arcs` are venues_frame and arcs_frame when the caller already has them (the
    dashboard counts them in DuckDB and passes no events)."""
    venues = venues_frame(events, names) if venues is None else venues
    arcs = arcs_frame(events, centres, names) if arcs is None else arcs
    layers = _base_layers(countries, members)
    # Only the columns the layers draw or show travel to the browser.
    arcs = arcs[["source", "target", "color", "label"]].assign(width=[1.0 + math.sqrt(n) for n in arcs["n"]])
    venues = venues[["venue", "venue_country", "lat", "lon", "n_events", "color", "radius", "label"]]
    layers.append(pdk.Layer("ArcLayer", data=arcs, id="arcs", get_source_position="source",
                            get_target_position="target", get_source_color="color", get_target_color=[90, 90, 90, 120],
                            get_width="width", width_units="pixels", pickable=True,
                            # Arcs rise above the ground; writing depth would put them in front of
                            # the venues they start from, and a click on a venue would pick an arc.
                            parameters={"depthWriteEnabled": False}))
    layers.append(pdk.Layer("ScatterplotLayer", data=venues, id=VENUE_LAYER, get_position=["lon", "lat"],
                            get_radius="radius", radius_units="pixels", get_fill_color="color",
                            get_line_color=[255, 255, 255], line_width_min_pixels=1, stroked=True,
                            pickable=True, auto_highlight=True))
    return _deck(layers)


def members_deck(countries: gpd.GeoDataFrame, members: dict[str, list[str]]) -> pdk.Deck:
    """A map of one or more organisations' member states."""
    return _deck(_base_layers(countries, members))
