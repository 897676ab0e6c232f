"""Sources: each article with its metadata, a link to the original and its evidence highlighted."""

import streamlit as st

from middlepowers.app import sidebar, widgets
from middlepowers.app.sidebar import bound
from middlepowers.app.state import K
from middlepowers.views import query, text
from middlepowers.views.columns import AR, EV
from middlepowers.views.text import md_escape

MAX_ARTICLES = 2000  # a longer list would be sent whole on every rerun; the source filter narrows it

view = sidebar.setup("sources")
# Ids and titles only: the text is read for the one article shown.
arts, n_articles = view.q.article_list(view.filters.sources, MAX_ARTICLES, st.session_state.get(K["article"]))

st.title("Sources")
if arts.empty:
    st.info("No articles match the filters.")
    sidebar.stop(view)
ids = arts[AR.article_id].tolist()
titles = dict(zip(arts[AR.article_id], arts["title"]))
counts = view.q.article_counts(view.filters, ids)
if st.session_state.get(K["article"]) not in ids:
    st.session_state[K["article"]] = ids[0]
bound(st.selectbox, "Article", K["article"], options=ids,
      format_func=lambda a: f"{titles.get(a) or a} ({int(counts.get(a, 0))} events)")
if n_articles > len(ids):
    st.caption(f"The first {MAX_ARTICLES:,} of {n_articles:,} articles are listed; choose a source outlet to narrow "
               "the list, or open an article from any table of events.")
art = view.q.article(st.session_state[K["article"]])

# Title, source and author come from the articles (manifest, HTML title, first line): plain text.
st.subheader(md_escape(art[AR.title] if isinstance(art[AR.title], str) else art[AR.file]))
meta = [("Source", art[AR.source]), ("Published", art[AR.published]), ("Author", art[AR.author]),
        ("Words", f"{int(art[AR.n_words]):,}")]
st.markdown(" · ".join(f"**{label}:** {md_escape(value)}" for label, value in meta if isinstance(value, str)))
original = text.web_url(art[AR.url])
if original:
    st.link_button("Open the original", original, icon=":material/open_in_new:")

mine = query.of_article(art[AR.article_id])
spans = view.q.rows(view.filters, mine, limit=None, columns=(EV.evidence_start, EV.evidence_end))
st.caption(f"{len(spans)} events from this article match the filters; their evidence is highlighted.")
# Every piece of the article is escaped by text.article_html; only its own <mark> tags are markup.
st.html(text.article_html(art[AR.text] or "", list(zip(spans[EV.evidence_start], spans[EV.evidence_end]))))
sidebar.finish(view)  # after the article: see sidebar.setup
st.subheader("Events read from this article")
widgets.events_table(view, key="article_events", subset=mine)
