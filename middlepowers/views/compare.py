"""Kazakhstan versus Azerbaijan: small tables for the side-by-side page."""

from __future__ import annotations

import pandas as pd

from .. import schema
from ..policy import HOSTING_ROLES
from .columns import EV, IN, OR
from .geo import name_of

PAIR = ("KAZ", "AZE")
# The organisations table stores each subject's status in its own column.
STATUS_COLUMN = {"KAZ": OR.kaz_status, "AZE": OR.aze_status}
HOSTING_TYPES = ("talks_hosted", "summit")
BROKERING_TYPES = ("talks_hosted", "mediation_offer")
ACTIVE_STATUSES = ("member", "observer", "dialogue partner", "partner", "chair")
# Aid rows listed per country, most recent first: a half-width table; the CSV download has them all.
MAX_AID_ROWS = 100
# Points on the page's timeline of the two, an even sample across time beyond it: a summary at the
# foot of the page (the Timeline page draws up to charts.MAX_TIMELINE_EVENTS).
MAX_TIMELINE_POINTS = 1000


def of(events: pd.DataFrame, actor: str) -> pd.DataFrame:
    """The events where the country acts."""
    return events[(events[EV.actor] == actor).fillna(False).astype(bool)]


def type_counts(events: pd.DataFrame, actors: tuple[str, ...] = PAIR) -> pd.DataFrame:
    """Events by type (rows, schema order) and actor (columns)."""
    sub = events[events[EV.actor].isin(actors).fillna(False).astype(bool)]
    counts = sub.groupby([EV.event_type, EV.actor]).size().unstack(fill_value=0) if len(sub) else pd.DataFrame()
    return counts.reindex(index=list(schema.EVENT_TYPES), columns=list(actors), fill_value=0).fillna(0).astype(int)


def venues_hosted(events: pd.DataFrame, actor: str) -> pd.DataFrame:
    """Where the country hosted talks or summits (as host, not as a guest or a mediator from
    afar: policy.HOSTING_ROLES), busiest first."""
    sub = of(events, actor)
    sub = sub[sub[EV.event_type].isin(HOSTING_TYPES).fillna(False).astype(bool) & sub[EV.venue].notna()
              & sub[EV.actor_role].isin(HOSTING_ROLES).fillna(False).astype(bool)]
    if sub.empty:
        return pd.DataFrame(columns=["venue", "events", "first", "last"])
    # Plain object columns: grouping Arrow-backed strings with min/max took ~40 ms at 20,000 events.
    small = pd.DataFrame({"venue": sub[EV.venue].to_numpy(object),
                          "date": sub[EV.date_start].to_numpy(object, na_value=None)})
    g = small.groupby("venue").agg(events=("venue", "size"), first=("date", "min"), last=("date", "max"))
    return g.sort_values("events", ascending=False, kind="stable").reset_index()


def initiatives_of(initiatives: pd.DataFrame, actor: str) -> pd.DataFrame:
    """The initiatives the country proposed, oldest first."""
    sub = initiatives[(initiatives[IN.proposer] == actor).fillna(False).astype(bool)]
    return sub[[IN.name, IN.first_year, IN.organisations]].sort_values(IN.first_year, na_position="last").reset_index(drop=True)


def memberships(organisations: pd.DataFrame, actors: tuple[str, ...] = PAIR) -> pd.DataFrame:
    """Each organisation with the status of each country (member, observer, chair, ...)."""
    out = organisations[[OR.acronym, OR.name]].copy()
    for a in actors:
        col = STATUS_COLUMN.get(a)
        if col is not None:
            out[a] = organisations[col].fillna("none")
        else:  # another country: member or not, from the member lists
            out[a] = organisations[OR.members].map(lambda m: "member" if a in (m or []) else "none")
    out["shared"] = out[list(actors)].isin(ACTIVE_STATUSES).all(axis=1)
    return out.sort_values([ "shared", OR.acronym], ascending=[False, True]).reset_index(drop=True)


def parties_brought_together(events: pd.DataFrame, actor: str, names: dict[str, str]) -> pd.DataFrame:
    """The parties of the talks the country hosted or offered to mediate, with how often."""
    sub = of(events, actor)
    sub = sub[sub[EV.event_type].isin(BROKERING_TYPES).fillna(False).astype(bool)]
    ex = sub[[EV.event_id, EV.parties]].explode(EV.parties).dropna()
    if ex.empty:
        return pd.DataFrame(columns=["party", "events"])
    c = ex[EV.parties].value_counts()
    return pd.DataFrame({"party": [name_of(p, names) for p in c.index], "events": c.values})


def named_parties(counts: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Party counts (party, events; query.Atlas.parties_of) with the parties' display names."""
    if counts.empty:
        return pd.DataFrame(columns=["party", "events"])
    return pd.DataFrame({"party": [name_of(p, names) for p in counts["party"]], "events": counts["events"].to_numpy()})


def aid(events: pd.DataFrame, actor: str) -> tuple[pd.DataFrame, float]:
    """Aid events with a stated amount, and their total in US dollars."""
    sub = of(events, actor)
    sub = sub[(sub[EV.event_type] == "aid").fillna(False).astype(bool) & sub[EV.amount_usd].notna()]
    rows = sub[[EV.date_start, EV.amount_usd, EV.parties, EV.evidence]].sort_values(EV.date_start, na_position="last")
    return rows.reset_index(drop=True), float(sub[EV.amount_usd].sum())


def occasion_key(events: pd.DataFrame) -> pd.Series:
    """What makes two events the same occasion: its name, else its type, venue and start date."""
    fallback = events[EV.event_type].fillna("") + "|" + events[EV.venue].fillna("?") + "|" + events[EV.date_start].fillna("?")
    return events[EV.name].str.lower().fillna(fallback)


def shared_occasions(events: pd.DataFrame, a: str = PAIR[0], b: str = PAIR[1]) -> pd.DataFrame:
    """Occasions both countries appear in: both act on it, or one acts with the other as a party."""
    keys = occasion_key(events)
    acts_a = (events[EV.actor] == a).fillna(False).astype(bool)
    acts_b = (events[EV.actor] == b).fillna(False).astype(bool)
    both_act = set(keys[acts_a]) & set(keys[acts_b])
    with_other = (acts_a & events[EV.parties].map(lambda p: b in (p or []))) | (acts_b & events[EV.parties].map(lambda p: a in (p or [])))
    mask = keys.isin(both_act) & (acts_a | acts_b) | with_other
    return events[mask.fillna(False).astype(bool)]
