"""Every page under streamlit.testing.v1.AppTest: renders, filters, links and notices."""

import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from middlepowers import store
from middlepowers.synthetic import synthetic_tables
from middlepowers.views.filters import FILTERS
from middlepowers.views.text import md_escape

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
PAGES = ["app.py", "pages/1_Map.py", "pages/2_Timeline.py", "pages/3_Compare.py", "pages/4_Organisations.py",
         "pages/5_Sources.py", "pages/6_Review.py"]
TIMEOUT = 60


@pytest.fixture(scope="module")
def seeded_dir(tmp_path_factory):
    """Synthetic tables of 300 events: enough for every filter to change what a page shows."""
    d = tmp_path_factory.mktemp("seeded")
    store.write_tables(synthetic_tables(300, seed=1), d)
    return d


@pytest.fixture(scope="module")
def empty_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("empty")
    store.write_tables({}, d)
    return d


@pytest.fixture(scope="session")
def seed_tables_dir(tmp_path_factory):
    """The tables the pipeline builds from the seed articles."""
    try:
        from middlepowers.build import build
    except ImportError:
        pytest.skip("middlepowers.build is not there yet")
    d = tmp_path_factory.mktemp("seed-tables")
    build(ROOT / "seeds", d)
    return d


@pytest.fixture(scope="module")
def large_dir(tmp_path_factory):
    """20,000 generated events, the size the dashboard is meant to stay quick at."""
    d = tmp_path_factory.mktemp("large")
    store.write_tables(synthetic_tables(20_000, seed=5), d)
    return d


TABLE_SETS = {"seeds": "seed_tables_dir", "synthetic": "seeded_dir", "empty": "empty_dir", "20k": "large_dir"}


@pytest.fixture
def use_tables(monkeypatch, tmp_path):
    """Point the app at a folder of tables, with no articles folder so nothing is rebuilt."""
    def use(folder):
        monkeypatch.setenv("MIDDLEPOWERS_DATA", str(folder))
        monkeypatch.setenv("MIDDLEPOWERS_ARTICLES", str(tmp_path / "no-articles"))
    return use


def app(params=None, page=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    if page and page != "app.py":
        at.switch_page(page).run()
    return at


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def main_text(at: AppTest) -> str:
    parts = [m.value for m in at.main.markdown] + [c.value for c in at.main.caption] + [t.value for t in at.main.title]
    parts += [str(m.value) for m in at.main.metric]
    return "\n".join(parts)


@pytest.mark.parametrize("tables", TABLE_SETS)
@pytest.mark.parametrize("page", PAGES)
def test_app_page_renders_on_each_table(request, use_tables, tables, page):
    use_tables(request.getfixturevalue(TABLE_SETS[tables]))
    at = app(page=page)
    assert_clean(at)
    assert at.title, "every page has a title"
    if tables == "empty":
        assert any("0 of 0 events" in c.value for c in at.sidebar.caption)
    # The sidebar is drawn after the page's main chart (sidebar.finish), and on pages that stop
    # early (no articles, no organisations) too: every filter, the reset button and the share link.
    assert len(at.sidebar.multiselect) == sum(f.widget == "multiselect" for f in FILTERS)
    assert len(at.sidebar.date_input) == 2 and len(at.sidebar.text_input) == 1 and len(at.sidebar.toggle) == 1
    assert [b.label for b in at.sidebar.button] == ["Reset filters"]
    assert at.sidebar.text and "page=" in at.sidebar.text[0].value


def test_app_missing_tables_show_one_clear_error(use_tables, tmp_path):
    use_tables(tmp_path / "nothing-here")
    at = app()
    assert not at.exception
    assert at.error and "no tables" in at.error[0].value


@pytest.mark.parametrize("key, value, param", [
    ("wf_org", ["SCO"], "org"), ("wf_type", ["talks_hosted"], "type"), ("wf_actor", ["KAZ"], "actor"),
    ("wf_modality", ["planned"], "modality"), ("wf_q", "Astana", "q"),
])
def test_app_each_filter_changes_the_overview(use_tables, seeded_dir, key, value, param):
    use_tables(seeded_dir)
    at = app()
    before = at.main.metric[0].value
    widget = at.sidebar.text_input(key=key) if key == "wf_q" else at.sidebar.multiselect(key=key)
    widget.set_value(value).run()
    assert_clean(at)
    assert at.main.metric[0].value != before
    assert param in at.sidebar.text[0].value  # the share link carries it


def test_app_date_filters_change_the_count(use_tables, seeded_dir):
    import datetime as dt

    use_tables(seeded_dir)
    at = app()
    before = at.main.metric[0].value
    at.sidebar.date_input(key="wf_from").set_value(dt.date(2015, 1, 1)).run()
    mid = at.main.metric[0].value
    at.sidebar.date_input(key="wf_to").set_value(dt.date(2016, 12, 31)).run()
    assert_clean(at)
    assert before != mid != at.main.metric[0].value
    assert "from=2015-01-01" in at.sidebar.text[0].value and "to=2016-12-31" in at.sidebar.text[0].value


def test_app_source_filter_changes_the_sources_page(use_tables, seeded_dir):
    use_tables(seeded_dir)
    at = app(page="pages/5_Sources.py")
    n_before = len(at.main.selectbox(key="wf_article").options)
    source = at.sidebar.multiselect(key="wf_source").options[0]
    at.sidebar.multiselect(key="wf_source").set_value([source]).run()
    assert_clean(at)
    assert len(at.main.selectbox(key="wf_article").options) < n_before


@pytest.mark.parametrize("page", PAGES[1:])
def test_app_filters_change_what_each_page_shows(use_tables, seeded_dir, page):
    use_tables(seeded_dir)
    at = app(page=page)
    before = main_text(at) + str([d.value.shape for d in at.main.dataframe])
    at.sidebar.multiselect(key="wf_type").set_value(["summit"]).run()
    assert_clean(at)
    after = main_text(at) + str([d.value.shape for d in at.main.dataframe])
    assert after != before


def test_app_link_params_select_the_widgets(use_tables, seeded_dir):
    use_tables(seeded_dir)
    at = app({"org": ["SCO", "CICA"], "type": "talks_hosted", "actor": "KAZ", "from": "2010", "to": "2020-06",
              "modality": ["asserted", "planned"], "q": "Astana"})
    assert_clean(at)
    sb = at.sidebar
    assert sb.multiselect(key="wf_org").value == ["SCO", "CICA"]
    assert sb.multiselect(key="wf_type").value == ["talks_hosted"]
    assert sb.multiselect(key="wf_actor").value == ["KAZ"]
    assert str(sb.date_input(key="wf_from").value) == "2010-01-01"
    assert str(sb.date_input(key="wf_to").value) == "2020-06-30"
    assert sb.multiselect(key="wf_modality").value == ["asserted", "planned"]
    assert sb.text_input(key="wf_q").value == "Astana"
    assert not at.warning


def test_app_selection_survives_changing_pages(use_tables, seeded_dir):
    use_tables(seeded_dir)
    at = app({"org": "SCO"})
    for page in PAGES[1:]:
        at.switch_page(page).run()
        assert_clean(at)
        assert at.sidebar.multiselect(key="wf_org").value == ["SCO"], page
        assert at.sidebar.multiselect(key="wf_modality").value == ["asserted"], page


def test_app_only_a_sessions_first_run_pauses_after_its_main_chart(use_tables, seeded_dir, monkeypatch):
    from middlepowers.app import sidebar

    pauses = []
    monkeypatch.setattr(sidebar, "_first_paint_pause", pauses.append)
    use_tables(seeded_dir)
    at = app(page="pages/2_Timeline.py")
    assert_clean(at)
    # the overview's first run, after its table; the timeline after it is not a first visit
    assert pauses == [sidebar.FIRST_PAINT_PAUSE]
    at.sidebar.multiselect(key="wf_org").set_value(["SCO"]).run()
    at.switch_page("pages/3_Compare.py").run()
    assert_clean(at)
    assert len(pauses) == 1
    # a new session (another reader) pauses on its own first run, here a link to Compare, after
    # its plotly chart, and still gets its sidebar
    fresh = app({"page": "compare"})
    assert fresh.title[0].value == "Kazakhstan versus Azerbaijan"
    assert pauses == [sidebar.FIRST_PAINT_PAUSE, sidebar.PLOTLY_FIRST_PAINT_PAUSE]
    assert sidebar.PLOTLY_FIRST_PAINT_PAUSE > sidebar.FIRST_PAINT_PAUSE
    assert fresh.sidebar.multiselect(key="wf_org").value == []


def test_app_page_param_opens_that_page(use_tables, seeded_dir):
    use_tables(seeded_dir)
    seeded = synthetic_tables(300, seed=1)["articles"]["article_id"].iloc[2]
    at = app({"page": "sources", "article": seeded, "org": "SCO"})
    assert_clean(at)
    assert at.title[0].value == "Sources"
    assert at.main.selectbox(key="wf_article").value == seeded
    assert at.sidebar.multiselect(key="wf_org").value == ["SCO"]


PAGE_NAMES = {"app.py": "overview", "pages/1_Map.py": "map", "pages/2_Timeline.py": "timeline",
              "pages/3_Compare.py": "compare", "pages/4_Organisations.py": "organisations", "pages/5_Sources.py": "sources",
              "pages/6_Review.py": "review"}


def opened(params: dict, page: str) -> AppTest:
    """The app opened from a link straight to a page (?page=...), as a reader's browser would."""
    at = app({"page": PAGE_NAMES[page], **params})
    assert at.title and at.title[0].value, "the page ran"
    return at


def plain(md: str) -> str:
    """Markdown written by text.md_escape read back as the text the reader sees."""
    return re.sub(r"\\(.)", r"\1", md).replace("\u2060", "")


MARKDOWN_ELEMENTS = ("markdown", "caption", "warning", "error", "info", "success", "title", "header", "subheader")


def rendered(at: AppTest) -> list[str]:
    """The source of every element that renders markdown, sidebar included, and metric labels and values."""
    out = [e.value for kind in MARKDOWN_ELEMENTS for e in at.get(kind)]
    return out + [m.label for m in at.get("metric")] + [str(m.value) for m in at.get("metric")]


def assert_no_raw(at: AppTest, payloads) -> None:
    """No payload reaches a markdown element as written: each must come through md_escape."""
    for text in rendered(at):
        for p in payloads:
            assert p not in text.replace(md_escape(p), ""), (p, text)
        left = re.sub(r"\\[!-/:-@\[-`{-~]", "", text)  # what no backslash escapes
        for syntax in ("](", "![", "<", "http://"):
            assert syntax not in left, text


@pytest.mark.parametrize("params, fragment", [
    ({"bogus": "1"}, 'unknown parameter "bogus"'),
    ({"from": "notadate"}, 'from="notadate"'),
    ({"type": "war"}, 'type="war"'),
    ({"org": "NOPE"}, 'org="NOPE"'),
    ({"page": "nowhere"}, 'page="nowhere"'),
    ({"article": "no-such-article"}, 'article="no-such-article"'),
])
def test_app_malformed_params_show_a_notice(use_tables, seeded_dir, params, fragment):
    use_tables(seeded_dir)
    at = app(params)
    assert_clean(at)
    assert any(fragment in plain(w.value) for w in at.warning), [w.value for w in at.warning]


PHISH = "[Session expired - log in again](http://127.0.0.1:8651/phish)"


def test_app_link_notice_shows_markdown_as_plain_text(use_tables, seeded_dir):
    use_tables(seeded_dir)
    at = app({"org": PHISH, "q": "![x](http://evil/img.png)", "source": "# big", "actor": "$x^2$",
              "type": "a`b`](http://127.0.0.1:9/tick)"})
    assert_clean(at)
    assert_no_raw(at, [PHISH, "![x](http://evil/img.png)", "# big", "$x^2$"])
    shown = [plain(w.value) for w in at.warning]
    assert f'In the link: org="{PHISH}" is not a known value: ignored' in shown, shown
    assert 'In the link: source="# big" is not a known value: ignored' in shown
    assert 'In the link: actor="$X^2$" is not a known value: ignored' in shown or any("$x^2$" in w for w in shown)


def test_app_notices_are_deduplicated_capped_and_one_line(use_tables, seeded_dir):
    use_tables(seeded_dir)
    # 1,000 values: 975 repeats, and 20 more in one comma-separated value (Streamlit drops a query
    # string of more than 1,000 parameters before the app sees it).
    at = app({"org": ["NOPE"] * 975 + [",".join(f"BAD{i}" for i in range(20))] + ["NOPE"] * 4,
              "actor": "line one\n# line two"})
    assert_clean(at)
    shown = [plain(w.value) for w in at.warning]
    assert len(shown) == 6 and shown[-1] == "… and 17 more problems with the link", shown
    assert shown.count('In the link: org="NOPE" is not a known value: ignored') == 1
    assert all("\n" not in w.value for w in at.warning)


@pytest.mark.parametrize("params, fragment, widget, value", [
    ({"from": "1800"}, 'from="1800" is outside the dates', "wf_from", "1900-01-01"),
    ({"to": "2200"}, 'to="2200" is outside the dates', "wf_to", "2100-12-31"),
    ({"from": "0001"}, 'from="0001" is outside the dates', "wf_from", "1900-01-01"),
    ({"from": "99999"}, 'from="99999" is not a date', "wf_from", "None"),
    ({"from": "2020-02-30"}, 'from="2020-02-30" is not a date', "wf_from", "None"),
    ({"from": "2020-13"}, 'from="2020-13" is not a date', "wf_from", "None"),
])
@pytest.mark.parametrize("page", PAGES)
def test_app_link_dates_out_of_range_are_a_notice_not_an_exception(use_tables, seeded_dir, page, params,
                                                                   fragment, widget, value):
    use_tables(seeded_dir)
    at = opened(params, page)
    assert_clean(at)
    assert any(fragment in plain(w.value) for w in at.warning), [w.value for w in at.warning]
    assert str(at.sidebar.date_input(key=widget).value) == value


def test_app_date_widgets_widen_to_the_data(use_tables, tmp_path):
    tables = synthetic_tables(30, seed=2)
    tables["events"].loc[0, ["date_start", "date_end", "modality"]] = ["1880-05-01", "1880-05-01", "asserted"]
    store.write_tables(tables, tmp_path / "t")
    use_tables(tmp_path / "t")
    at = app({"from": "1885", "to": "1800"})
    assert_clean(at)
    assert str(at.sidebar.date_input(key="wf_from").value) == "1880-05-01"
    assert str(at.sidebar.date_input(key="wf_to").value) == "1885-12-31"
    assert at.sidebar.date_input(key="wf_from").proto.min == "1880-05-01"


# Streamlit itself drops a query string of more than 1,000 parameters, hence 990 repeats.
NASTY_LINKS = [
    {"from": "1800"}, {"to": "2200"}, {"from": "0001", "to": "99999"}, {"org": PHISH},
    {"q": "![x](http://127.0.0.1:9/q.png)"}, {"source": "# big"}, {"actor": "$x^2$"}, {"org": ["NOPE"] * 990},
    {"type": "<img src=http://127.0.0.1:9/t.png>"}, {"article": "x\n# h"}, {"page": ":red[x] `a`"},
    {"[k](http://127.0.0.1:9/k)": "1", "modality": "\x00\u202e"},
]


@pytest.mark.parametrize("page", PAGES)
def test_app_every_page_survives_nasty_links(use_tables, seeded_dir, page):
    use_tables(seeded_dir)
    payloads = [PHISH, "![x](http://127.0.0.1:9/q.png)", "# big", "$x^2$", "<img src=http://127.0.0.1:9/t.png>"]
    for params in NASTY_LINKS:
        at = opened(params, page) if "page" not in params else app(params)  # a bad page: the overview
        assert not at.exception, (params, [e.value for e in at.exception])
        assert not at.error, (params, [e.value for e in at.error])
        assert at.warning or "q" in params, params
        assert_no_raw(at, payloads)
        assert all("\n" not in w.value for w in at.warning)


def test_app_sources_page_escapes_the_article_text(use_tables, tmp_path):
    tables = synthetic_tables(30, seed=2)
    art = tables["articles"]
    art.loc[0, "text"] = "<script>alert(1)</script> " + art.loc[0, "text"]
    ev = tables["events"]
    shift = len("<script>alert(1)</script> ")
    hit = ev["article_id"] == art.loc[0, "article_id"]
    ev.loc[hit, "evidence_start"] += shift
    ev.loc[hit, "evidence_end"] += shift
    store.write_tables(tables, tmp_path / "t")
    use_tables(tmp_path / "t")
    at = app({"page": "sources", "article": art.loc[0, "article_id"], "modality": ""})
    assert_clean(at)
    body = at.main.get("html")[0].proto.body
    assert "<script>" not in body and "&lt;script&gt;" in body and "<mark" in body


def test_app_share_link_and_downloads_are_in_the_sidebar(use_tables, seeded_dir):
    use_tables(seeded_dir)
    at = app({"org": "SCO"}, page="pages/1_Map.py")
    assert "page=map" in at.sidebar.text[0].value and "org=SCO" in at.sidebar.text[0].value
    names = [b.proto.label for b in at.sidebar.get("download_button")]
    assert names == ["Events (CSV)", "Venues (GeoJSON)"]


def fake_build(monkeypatch, ensure_built):
    """Stand in for the lead's middlepowers.build so the app's build-on-start path runs."""
    import sys
    import types

    module = types.ModuleType("middlepowers.build")
    module.ensure_built = ensure_built
    monkeypatch.setitem(sys.modules, "middlepowers.build", module)


def test_app_builds_missing_tables_on_start(monkeypatch, tmp_path):
    calls = []

    def ensure_built(articles_dir, out_dir):
        calls.append((articles_dir, out_dir))
        store.write_tables(synthetic_tables(50, seed=6), out_dir)
        return True

    fake_build(monkeypatch, ensure_built)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Kazakhstan hosted talks in Astana.", encoding="utf-8")
    monkeypatch.setenv("MIDDLEPOWERS_ARTICLES", str(tmp_path / "articles"))
    monkeypatch.setenv("MIDDLEPOWERS_DATA", str(tmp_path / "processed"))
    at = app()
    assert_clean(at)
    assert calls == [(tmp_path / "articles", tmp_path / "processed")]
    at.run()  # cached: a rerun does not build again
    assert len(calls) == 1


def test_app_build_failure_is_one_error_line_not_a_crash(monkeypatch, tmp_path):
    from middlepowers.errors import BuildError

    def ensure_built(articles_dir, out_dir):
        raise BuildError("no readable article in the folder")

    fake_build(monkeypatch, ensure_built)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "b.txt").write_text("x", encoding="utf-8")
    monkeypatch.setenv("MIDDLEPOWERS_ARTICLES", str(tmp_path / "articles"))
    monkeypatch.setenv("MIDDLEPOWERS_DATA", str(tmp_path / "processed"))
    at = app()
    assert not at.exception
    assert "no readable article in the folder" in at.error[0].value


def test_app_failed_rebuild_keeps_showing_the_older_tables(monkeypatch, tmp_path):
    from middlepowers.errors import BuildError

    def ensure_built(articles_dir, out_dir):
        raise BuildError("article x.txt is not UTF-8")

    fake_build(monkeypatch, ensure_built)
    store.write_tables(synthetic_tables(40, seed=7), tmp_path / "processed")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "x.txt").write_text("x", encoding="utf-8")
    monkeypatch.setenv("MIDDLEPOWERS_ARTICLES", str(tmp_path / "articles"))
    monkeypatch.setenv("MIDDLEPOWERS_DATA", str(tmp_path / "processed"))
    at = app(page="pages/1_Map.py")
    assert not at.exception and not at.error
    assert any("article x.txt is not UTF-8" in plain(w.value) for w in at.warning)
    assert at.title[0].value == "Map of mediation venues"


def test_app_build_failure_is_retried_not_cached(monkeypatch, tmp_path):
    from middlepowers.errors import BuildError

    fixed = []

    def ensure_built(articles_dir, out_dir):
        if not fixed:
            raise BuildError("reference file missing")
        store.write_tables(synthetic_tables(40, seed=8), out_dir)
        return True

    fake_build(monkeypatch, ensure_built)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "y.txt").write_text("y", encoding="utf-8")
    monkeypatch.setenv("MIDDLEPOWERS_ARTICLES", str(tmp_path / "articles"))
    monkeypatch.setenv("MIDDLEPOWERS_DATA", str(tmp_path / "processed"))
    at = app()
    assert "reference file missing" in at.error[0].value
    fixed.append(True)
    at.run()
    assert_clean(at)
    assert at.main.metric[0].value == "40" or int(at.main.metric[0].value.replace(",", "")) > 0


def test_app_map_venue_picker_lists_its_events(use_tables, seeded_dir):
    from middlepowers.views import filters, geo, maps

    t = synthetic_tables(300, seed=1)
    top = maps.venues_frame(filters.apply(t["events"], t["articles"], filters.Filters()), geo.country_names()).iloc[0]
    use_tables(seeded_dir)
    at = app(page="pages/1_Map.py")
    assert not at.main.subheader
    picker = at.main.selectbox(key="venue_pick")
    assert picker.value is None and picker.options[0].startswith(top.venue)
    picker.set_value(f"{top.venue}|{top.venue_country}").run()
    assert_clean(at)
    assert not at.warning
    assert at.main.subheader[0].value == f"Events at {top.venue}"
    shown = at.main.dataframe[0].value
    assert len(shown) == top.n_events and set(shown["venue"]) == {top.venue}


TITLE = "# Heading ![i](http://127.0.0.1:9/i.png) [click](http://127.0.0.1:9/x) $x^2$"
SOURCE = "<img src=http://127.0.0.1:9/j.png> [s](http://127.0.0.1:9/s)"
AUTHOR = "**Jane** :red[Doe] `x` http://127.0.0.1:9/a"


@pytest.fixture
def payload_tables(tmp_path):
    """Synthetic tables whose article, venue and organisation strings carry markdown and HTML."""
    t = synthetic_tables(60, seed=2)
    art, ev, org = t["articles"], t["events"], t["organisations"]
    art.loc[0, ["title", "source", "author", "url"]] = [TITLE, SOURCE, AUTHOR, "javascript:alert(1)"]
    art.loc[1, ["title", "url"]] = ["data one", "data:text/html,<script>alert(1)</script>"]
    art.loc[2, ["title", "url"]] = ["web one", "https://example.org/a"]
    placed = ev["lat"].notna()
    ev.loc[placed, "venue"] = "[v](http://127.0.0.1:9/v) # V"
    org.loc[0, ["name", "source_url"]] = ["![o](http://127.0.0.1:9/o.png) $y$", "http://127.0.0.1:9/org"]
    store.write_tables(t, tmp_path / "payload")
    return t, tmp_path / "payload"


PAYLOADS = [TITLE, SOURCE, AUTHOR, "[v](http://127.0.0.1:9/v)", "![o](http://127.0.0.1:9/o.png)", "# Heading"]


def test_app_sources_page_shows_article_metadata_as_plain_text(use_tables, payload_tables):
    t, folder = payload_tables
    use_tables(folder)
    at = app({"page": "sources", "article": t["articles"].loc[0, "article_id"], "modality": ""})
    assert_clean(at)
    assert at.main.subheader[0].value == md_escape(TITLE)
    assert plain(at.main.subheader[0].value) == TITLE
    meta = at.main.markdown[0].value
    assert md_escape(SOURCE) in meta and md_escape(AUTHOR) in meta
    assert_no_raw(at, PAYLOADS)
    assert not at.main.get("link_button"), "a javascript: address is no link"


@pytest.mark.parametrize("row, has_button", [(1, False), (2, True)])
def test_app_sources_page_links_only_web_addresses(use_tables, payload_tables, row, has_button):
    t, folder = payload_tables
    use_tables(folder)
    at = app({"page": "sources", "article": t["articles"].loc[row, "article_id"], "modality": ""})
    assert_clean(at)
    buttons = at.main.get("link_button")
    assert bool(buttons) is has_button
    if has_button:
        assert buttons[0].proto.url == "https://example.org/a"


@pytest.mark.parametrize("page", PAGES)
def test_app_table_strings_are_plain_text_on_every_page(use_tables, payload_tables, page):
    t, folder = payload_tables
    use_tables(folder)
    at = opened({"modality": "", "org": "SCO"}, page)
    assert_clean(at)
    assert_no_raw(at, PAYLOADS)
    if page == "pages/1_Map.py":  # the venue's own heading
        placed = t["events"][t["events"]["lat"].notna() & (t["events"]["organisations"].map(lambda o: "SCO" in o))]
        at.main.selectbox(key="venue_pick").set_value(f"{placed['venue'].iloc[0]}|{placed['venue_country'].iloc[0]}").run()
        assert_clean(at)
        assert plain(at.main.subheader[0].value) == f"Events at {placed['venue'].iloc[0]}"
        assert_no_raw(at, PAYLOADS)
    if page == "pages/4_Organisations.py":
        assert any("http://127.0.0.1:9/org" in plain(c.value) for c in at.main.caption)


def test_app_dates_kept_from_wider_tables_fit_narrower_ones(use_tables, seeded_dir, tmp_path):
    tables = synthetic_tables(30, seed=2)
    tables["events"].loc[0, ["date_start", "date_end"]] = ["1850-03-01", "1850-03-01"]
    store.write_tables(tables, tmp_path / "wide")
    use_tables(tmp_path / "wide")
    at = app({"from": "1860"})
    assert str(at.sidebar.date_input(key="wf_from").value) == "1860-01-01"
    use_tables(seeded_dir)  # the tables were rebuilt without the old event
    at.run()
    assert_clean(at)
    assert str(at.sidebar.date_input(key="wf_from").value) == "1900-01-01"
