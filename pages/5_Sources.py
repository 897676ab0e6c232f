"""Sources: each article with its metadata, a link to the original and its evidence highlighted."""

import streamlit as st

from middlepowers.app import sidebar, widgets
from middlepowers.app.sidebar import bound
from middlepowers.app.state import K
from middlepowers.views import text
from middlepowers.views.text import md_escape
from middlepowers.views.columns import AR, EV

view = sidebar.setup("sources")
arts = view.tables.articles
if view.filters.sources:
    arts = arts[arts[AR.source].isin(view.filters.sources).fillna(False)]

st.title("Sources")
if arts.empty:
    st.info("No articles match the filters.")
    st.stop()
ids = arts[AR.article_id].tolist()
titles = dict(zip(arts[AR.article_id], arts[AR.title].fillna(arts[AR.file])))
counts = view.events[EV.article_id].value_counts()
if st.session_state.get(K["article"]) not in ids:
    st.session_state[K["article"]] = ids[0]
bound(st.selectbox, "Article", K["article"], options=ids,
      format_func=lambda a: f"{titles.get(a) or a} ({int(counts.get(a, 0))} events)")
art = arts[arts[AR.article_id] == st.session_state[K["article"]]].iloc[0]

# Title, source and author come from the articles (manifest, HTML title, first line): plain text.
st.subheader(md_escape(art[AR.title] if isinstance(art[AR.title], str) else art[AR.file]))
meta = [("Source", art[AR.source]), ("Published", art[AR.published]), ("Author", art[AR.author]),
        ("Words", f"{int(art[AR.n_words]):,}")]
st.markdown(" · ".join(f"**{label}:** {md_escape(value)}" for label, value in meta if isinstance(value, str)))
original = text.web_url(art[AR.url])
if original:
    st.link_button("Open the original", original, icon=":material/open_in_new:")

mine = view.events[view.events[EV.article_id] == art[AR.article_id]]
spans = list(zip(mine[EV.evidence_start], mine[EV.evidence_end]))
st.caption(f"{len(mine)} events from this article match the filters; their evidence is highlighted.")
# Every piece of the article is escaped by text.article_html; only its own <mark> tags are markup.
st.html(text.article_html(art[AR.text] or "", spans))
st.subheader("Events read from this article")
widgets.events_table(view, mine, key="article_events")
