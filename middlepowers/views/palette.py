"""Colours shared by the map and the charts, so a country or a type looks the same everywhere."""

from __future__ import annotations

import zlib

from .. import schema

# Kazakhstan's sky blue and Azerbaijan's red: the two subjects of the atlas stand out.
ACTOR_COLOURS: dict[str, tuple[int, int, int]] = {"KAZ": (0, 145, 194), "AZE": (214, 40, 57)}
# Other actors: muted, colour-blind-friendly tones picked by a stable hash of the code.
_OTHERS = [(117, 112, 179), (27, 158, 119), (230, 171, 2), (102, 102, 102), (166, 118, 29), (231, 41, 138), (102, 166, 30)]

EVENT_TYPE_COLOURS: dict[str, str] = dict(zip(schema.EVENT_TYPES, (
    "#0072B2",  # talks_hosted
    "#56B4E9",  # mediation_offer
    "#009E73",  # summit
    "#E69F00",  # initiative
    "#CC79A7",  # leadership_role
    "#D55E00",  # aid
    "#7F3C8D",  # agreement
    "#444444",  # disarmament
    "#A89200",  # peacekeeping
)))

OCEAN = (214, 231, 242)
LAND = (236, 236, 228)
# Neighbouring countries take different tints, so borders read without a stroke (a line layer
# costs the map's first paint about a second in a browser without a GPU).
LAND_TINTS = (LAND, (225, 229, 214), (240, 231, 219), (228, 226, 236))
MEMBER = (150, 132, 206)  # lavender: unlike any actor's colour, readable under the points


def actor_rgb(iso3: str | None) -> tuple[int, int, int]:
    """An actor's colour: fixed for KAZ and AZE, stable across reruns for the others."""
    if not iso3:
        return (150, 150, 150)
    if iso3 in ACTOR_COLOURS:
        return ACTOR_COLOURS[iso3]
    return _OTHERS[zlib.crc32(iso3.encode()) % len(_OTHERS)]


def actor_hex(iso3: str | None) -> str:
    """The actor's colour as #rrggbb for plotly."""
    r, g, b = actor_rgb(iso3)
    return f"#{r:02x}{g:02x}{b:02x}"
