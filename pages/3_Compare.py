"""Kazakhstan versus Azerbaijan: side by side, and what they share."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from middlepowers.app import sidebar, widgets
from middlepowers.views import charts, compare, listing
from middlepowers.views.columns import EV, IN, OR
from middlepowers.views.text import md_escape

view = sidebar.setup("compare")
pair = compare.PAIR
q = view.q
# The comparison is always of the two subjects: every filter applies except the acting country,
# and only their events are kept.
fp = replace(view.filters, actors=pair)
names = view.names


# Filter-independent parts, made once per table set (cache_resource: shared by every session,
# so the page only reads them): each subject's initiatives, and the memberships.
@st.cache_resource(max_entries=2, show_spinner=False)
def reference(folder: str, fingerprint: tuple, _tables) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, list[str]]:
    ini = {}
    for actor in pair:
        own = compare.initiatives_of(_tables.initiatives, actor)
        ini[actor] = own.assign(**{IN.organisations: own[IN.organisations].map(", ".join)})
    ms = compare.memberships(_tables.organisations, pair)
    return ini, ms, ms.loc[ms["shared"], OR.acronym].tolist()


def table(df: pd.DataFrame, key: str, empty: str, **kw) -> None:
    """A compact table, or a caption when there is nothing to show."""
    if len(df):
        st.dataframe(df, hide_index=True, width="stretch", key=key, **kw)
    else:
        st.caption(empty)


st.title("Kazakhstan versus Azerbaijan")
if view.filters.actors:
    st.caption("The acting-country filter does not apply here: this page always compares the two.")
# Their events by type first, for the chart; then venues hosted, parties, aid and the rest from
# one read of their filtered events.
by_type = q.type_counts(fp, pair)
st.plotly_chart(charts.type_counts_figure(by_type, names), key="type_counts", width="stretch",
                config={"displaylogo": False})
# The shared occasions' table further down shows the page of them its reader left: read with the rest.
both = q.pair(fp, pair, compare.HOSTING_TYPES, compare.BROKERING_TYPES, compare.MAX_AID_ROWS,
              compare.MAX_TIMELINE_POINTS, widgets.page_first("shared_events"), listing.MAX_ROWS)
sidebar.finish(view, pause=sidebar.PLOTLY_FIRST_PAINT_PAUSE)  # after the main chart: see sidebar.finish

initiatives, ms, shared = reference(str(view.tables.q.folder), view.tables.fingerprint, view.tables)
for col, actor in zip(st.columns(2), pair):
    with col:
        ini = initiatives[actor]
        st.header(md_escape(names.get(actor, actor)))
        m = st.columns(3)
        m[0].metric("Events", f"{int(by_type[actor].sum()):,}")
        m[1].metric("Talks hosted", f"{int(by_type.at['talks_hosted', actor]):,}")
        m[2].metric("Initiatives", f"{len(ini):,}")
        st.subheader("Venues hosted")
        table(both["venues"][actor], f"venues_{actor}", "None in the filtered events.")
        st.subheader("Initiatives")
        table(ini, f"ini_{actor}", "None recorded.")
        st.subheader("Parties brought together")
        table(compare.named_parties(both["parties"][actor], names), f"parties_{actor}",
              "None in the filtered events.")
        st.subheader("Aid where an amount is stated")
        aid, total, n_aid = both["aid"][actor]
        if n_aid:
            st.metric("Total stated", f"US${total:,.0f}")
        if n_aid > len(aid):
            st.caption(f"The {len(aid):,} most recent of {n_aid:,}; download the CSV for all of them.")
        table(aid.assign(**{EV.parties: aid[EV.parties].map(", ".join)}), f"aid_{actor}",
              "No stated amounts in the filtered events.",
              column_config={EV.amount_usd: st.column_config.NumberColumn("amount (US$)", format="%,.0f")})

st.header("Organisation memberships and roles")
st.markdown("**Both take part in:** "
            + md_escape(f"{', '.join(shared) if shared else 'no organisation in the reference data'}."))
table(ms.rename(columns={a: names.get(a, a) for a in pair}), "memberships", "No reference data on organisations.")

st.header("Shared occasions")
st.caption("Occasions where both act (same name, or same type, venue and date), or one acts with the other as a party.")
widgets.events_table(view, key="shared_events", rids=both["shared"], read=both["shared_rows"])

st.header("Both over time")
lanes = both["lanes"]
st.plotly_chart(charts.timeline_from_points(both["points"], charts.lanes_from_counts(lanes), int(lanes.sum()), names),
                key="pair_timeline", width="stretch", config={"displaylogo": False})
