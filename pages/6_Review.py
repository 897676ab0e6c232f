"""Review: the filtered events least confident first, each with its evidence in its paragraph; a
reviewer accepts, rejects or corrects them, or adds one the extractor missed. Decisions go to
reviews.csv beside the articles and take effect when the tables are rebuilt."""

import math
import os
from dataclasses import replace

import streamlit as st

from middlepowers import reviews, schema
from middlepowers.app import data, sidebar
from middlepowers.errors import AtlasError
from middlepowers.policy import ACTOR_ROLES
from middlepowers.views import review, text
from middlepowers.views.geo import name_of
from middlepowers.views.text import md_escape

PER_PAGE = 10

view = sidebar.setup("review")
st.title("Review")
folder = data.articles_dir()
path = reviews.reviews_path(folder)

secret = data.review_secret()
typed = None
if secret and not review.review_allowed(os.environ, None, None):
    typed = st.text_input("Review password", type="password", key="review_password",
                          help="Reviewing on this server needs the password its maintainers set.")
allowed = review.review_allowed(os.environ, {review.SECRET_KEY: secret} if secret else None, typed) and folder.is_dir()
if not allowed:
    st.info("Read-only: this server shows the review queue but takes no decisions. To review, start the app with "
            f"{review.ENV_FLAG}=1 or set review_password in its secrets.", icon=":material/lock:")

# The decisions already written, latest per event, so a decision shows before the rebuild applies it.
written, problems = reviews.read_reviews(path) if path.is_file() else ([], [])
for p in problems[:3]:
    st.warning(md_escape(p), icon=":material/warning:")
latest = reviews.latest(written)

top = st.columns([3, 2, 2])
if allowed:
    reviewer = top[0].text_input("Your name (saved with each decision)", key="reviewer", max_chars=80)
if path.is_file():
    top[1].download_button("reviews.csv", data=path.read_bytes(), file_name=reviews.REVIEWS, mime="text/csv",
                           icon=":material/download:", on_click="ignore",
                           help="Commit this file beside the articles to apply the decisions on a hosted atlas.")
if allowed and written:
    if top[2].button("Apply the decisions", icon=":material/published_with_changes:",
                     help="Rebuild the tables with every decision in reviews.csv."):
        try:
            with st.spinner("Rebuilding the tables with the decisions…"):
                data.apply_reviews_now()
        except AtlasError as err:
            st.error(md_escape(f"The tables were not rebuilt: {err}"), icon=":material/error:")
        else:
            st.rerun()

n = view.n_events
st.caption(f"{n:,} events match the filters: not yet reviewed first, least confident first. "
           "Decisions are written to reviews.csv beside the articles and take effect when the tables are rebuilt.")
if not n:
    st.info("No events match the filters.", icon=":material/filter_alt_off:")

pages = max(1, math.ceil(n / PER_PAGE))
if not 1 <= st.session_state.get("review_page", 1) <= pages:
    st.session_state["review_page"] = 1
page = int(st.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, step=1, key="review_page")) if n > PER_PAGE else 1
queue = view.q.review_queue(view.filters, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
texts: dict[str, str] = {}


def write(decision: dict) -> None:
    try:
        reviews.append_review(folder, decision)
    except AtlasError as err:
        st.error(md_escape(str(err)), icon=":material/error:")
    else:
        st.toast("Decision saved to reviews.csv.", icon=":material/check:")


def listed(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


for i, ev in enumerate(queue.to_dict("records")):
    event_id = ev["event_id"]
    with st.container(border=True, key=f"queued_{event_id}"):
        kind = schema.EVENT_TYPE_LABELS.get(ev["event_type"], ev["event_type"])
        head = f"{kind} · {name_of(ev['actor'], view.names)}"
        if isinstance(ev.get("actor_role"), str):
            head += f" ({ev['actor_role']})"
        st.markdown(f"**{md_escape(head)}**")
        facts = [("Parties", ", ".join(name_of(p, view.names) for p in ev["parties"] or []) or "none"),
                 ("Venue", ev["venue"] or ev["venue_country"] or "none"),
                 ("Date", review.date_of(ev) or "undated"), ("Modality", ev["modality"]),
                 ("Organisations", ", ".join(ev["organisations"] or []) or "none"),
                 ("Confidence", f"{ev['confidence']:.2f}" if ev["confidence"] == ev["confidence"] else "?")]
        st.caption(" · ".join(f"{label}: {md_escape(value)}" for label, value in facts))
        status = ev.get("reviewed")
        pending = latest.get(((ev["file"], int(ev["evidence_start"]), int(ev["evidence_end"]), ev["event_type"]), ev["actor"]))
        if pending is not None:
            st.caption(md_escape(f"Decided: {pending.decision}" + (f" by {pending.reviewer}" if pending.reviewer else "")
                                 + ("" if isinstance(status, str) else " (applied at the next rebuild)")))
        elif isinstance(status, str):
            st.caption(md_escape(f"Reviewed: {status}"))
        if ev["article_id"] not in texts:
            art = view.q.article(ev["article_id"])
            texts[ev["article_id"]] = (art or {}).get("text") or ""
        # The paragraph is escaped by review.evidence_html; its <mark> is the only markup.
        st.html(review.evidence_html(texts[ev["article_id"]], int(ev["evidence_start"]), int(ev["evidence_end"])))
        links = st.columns([2, 2, 6])
        links[0].page_link("pages/5_Sources.py", label="Article in the atlas", icon=":material/article:",
                           query_params=replace(view.filters, page="sources", article=ev["article_id"]).to_query())
        original = text.web_url(ev.get("url"))
        if original:
            links[1].link_button("Original", original, icon=":material/open_in_new:")
        if not allowed:
            continue
        note = st.text_input("Note", key=f"note_{event_id}", max_chars=300, label_visibility="collapsed",
                             placeholder="Note (optional)")
        act = st.columns([1, 1, 4])
        if act[0].button("Accept", key=f"accept_{event_id}", icon=":material/check:"):
            write(review.decision(ev, ev["file"], "accept", reviewer, note))
        if act[1].button("Reject", key=f"reject_{event_id}", icon=":material/close:"):
            write(review.decision(ev, ev["file"], "reject", reviewer, note))
        with st.expander("Correct this event"):
            with st.form(key=f"correct_{event_id}", border=False):
                c = st.columns(2)
                etype = c[0].selectbox("Type", schema.EVENT_TYPES, index=list(schema.EVENT_TYPES).index(ev["event_type"]),
                                       format_func=lambda t: schema.EVENT_TYPE_LABELS.get(t, t))
                actor = c[1].text_input("Actor (ISO3)", value=ev["actor"] or "", max_chars=3)
                roles = ("",) + ACTOR_ROLES
                role = c[0].selectbox("Role", roles, index=roles.index(ev["actor_role"]) if ev.get("actor_role") in roles else 0)
                modality = c[1].selectbox("Modality", schema.MODALITIES, index=list(schema.MODALITIES).index(ev["modality"])
                                          if ev["modality"] in schema.MODALITIES else 0)
                parties = c[0].text_input("Parties (ISO3 or names, comma-separated)", value=", ".join(ev["parties"] or []))
                orgs = c[1].text_input("Organisations (comma-separated)", value=", ".join(ev["organisations"] or []))
                venue = c[0].text_input("Venue (city)", value=ev["venue"] or "")
                when = c[1].text_input("Date (YYYY, YYYY-MM or YYYY-MM-DD)", value=review.date_of(ev) or "")
                if st.form_submit_button("Save the correction", icon=":material/edit:"):
                    changes = {"event_type": etype, "actor": actor.strip().upper(), "actor_role": role,
                               "modality": modality, "parties": listed(parties), "organisations": listed(orgs),
                               "venue": venue.strip(), "date": when.strip()}
                    write(review.decision(ev, ev["file"], "correct", reviewer, note, changes))

if allowed:
    st.subheader("Add an event the extractor missed")
    arts, _ = view.q.article_list(view.filters.sources, 2000, None)
    if not arts.empty:
        titles = dict(zip(arts["article_id"], arts["title"]))
        aid = st.selectbox("Article", arts["article_id"].tolist(), format_func=lambda a: titles.get(a) or a, key="add_article")
        art = view.q.article(aid) or {}
        sents = review.sentences(art.get("text") or "")
        if sents:
            k = st.selectbox("Evidence sentence", range(len(sents)), format_func=lambda j: sents[j][2][:160], key="add_sentence")
            with st.form(key="add_event"):
                c = st.columns(2)
                etype = c[0].selectbox("Type", schema.EVENT_TYPES, format_func=lambda t: schema.EVENT_TYPE_LABELS.get(t, t))
                actor = c[1].text_input("Actor (ISO3)", max_chars=3)
                role = c[0].selectbox("Role", ("",) + ACTOR_ROLES)
                modality = c[1].selectbox("Modality", schema.MODALITIES)
                parties = c[0].text_input("Parties (comma-separated)")
                orgs = c[1].text_input("Organisations (comma-separated)")
                venue = c[0].text_input("Venue (city)")
                when = c[1].text_input("Date (YYYY, YYYY-MM or YYYY-MM-DD)")
                note = st.text_input("Note", max_chars=300)
                if st.form_submit_button("Add the event", icon=":material/add:"):
                    if not actor.strip():
                        st.error("Name the acting state (ISO3) of the event to add.", icon=":material/error:")
                    else:
                        start, end, _ = sents[k]
                        write(review.addition(art["file"], start, end, etype, actor.strip().upper(), reviewer, note,
                                              {"actor_role": role, "modality": modality, "parties": listed(parties),
                                               "organisations": listed(orgs), "venue": venue.strip(), "date": when.strip()}))
sidebar.finish(view)  # last: see sidebar.setup
