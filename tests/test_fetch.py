"""`middlepowers fetch` against a real HTTP server on 127.0.0.1 serving pages written for these
tests: good pages, missing metadata, slow, 404, 500, redirect loops, huge pages, other types."""

from __future__ import annotations

import csv
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from middlepowers import fetch as fetch_mod
from middlepowers import ingest
from middlepowers.build import build
from middlepowers.cli import main
from middlepowers.fetch import fetch, file_name_for
from middlepowers.html import read_page

FULL = """<!doctype html><html lang="en"><head>
<title>Kazakhstan hosts Caspian talks | Steppe Herald</title>
<meta property="og:title" content="Kazakhstan hosts Caspian talks in Aktau">
<meta property="og:site_name" content="Steppe Herald">
<meta name="author" content="Aigerim Sadykova">
<meta property="article:published_time" content="2024-05-11T09:30:00+05:00">
<link rel="canonical" href="https://steppeherald.example/politics/caspian-talks">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Oman offered to host the next round, says the menu.</nav>
<article>
<h1>Kazakhstan hosts Caspian talks in Aktau</h1>
<p>AKTAU, May 10 - Kazakhstan hosted talks between Azerbaijan and Turkmenistan in Aktau on Friday,
the foreign ministry said, the first such meeting on the seabed boundary in three years.</p>
<p>The delegations agreed to meet again in the autumn and thanked the host for its hospitality,
according to a statement released after the session ended late in the evening.</p>
<p>Officials said the next round could take place in Baku if both sides confirm the agenda in time.</p>
</article>
<aside>Related: Qatar hosted unrelated talks in Doha last year.</aside>
<footer>Copyright Steppe Herald. All rights reserved.</footer>
</body></html>"""

BARE = """<html><body><div>
<p>Uzbekistan convened a regional conference on Afghanistan in Termez on 12 March 2024, with
envoys from Kazakhstan, Tajikistan and Turkmenistan taking part in the two days of sessions.</p>
<p>The organisers said the meeting would become a yearly event for the neighbouring states.</p>
</div></body></html>"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hits: list[tuple[str, float]] = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", extra: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - the http.server API
        Handler.hits.append((self.path, time.monotonic()))
        path = self.path.split("?")[0]
        if path.startswith("/full"):
            self._send(200, FULL.encode())
        elif path == "/bare":
            self._send(200, BARE.encode())
        elif path == "/cp1251":
            self._send(200, FULL.replace("Aigerim Sadykova", "Айгерим Садыкова").encode("cp1251"),
                       "text/html; charset=windows-1251")
        elif path == "/missing":
            self._send(404, b"<html><body>Not here</body></html>")
        elif path == "/broken":
            self._send(500, b"<html><body>Server error</body></html>")
        elif path == "/loop":
            self._send(302, b"", extra={"Location": "/loop2"})
        elif path == "/loop2":
            self._send(302, b"", extra={"Location": "/loop"})
        elif path == "/moved":
            self._send(301, b"", extra={"Location": "/full-after-move"})
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4 not a page", "application/pdf")
        elif path == "/huge":
            self._send(200, b"<html><body>" + b"<p>Kazakhstan hosted talks.</p>" * 40000 + b"</body></html>")
        elif path == "/huge-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(200):
                self.wfile.write(b"<p>" + b"x" * 10000 + b"</p>")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, FULL.encode())
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(60):
                    self.wfile.write(b"<p>a</p>")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
        else:
            self._send(404, b"")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a client that hung up on a huge page is expected
        pass


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _manifest(folder: Path) -> dict[str, dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        return {r["file"]: r for r in csv.DictReader(fh)}


def test_fetch_saves_the_page_and_its_manifest_row(server, tmp_path):
    url = f"{server}/full"
    (o,) = fetch([url], tmp_path, delay=0, timeout=2)
    assert o.status == "fetched" and o.file == file_name_for(url)
    assert (tmp_path / o.file).read_bytes() == FULL.encode()
    row = _manifest(tmp_path)[o.file]
    assert row["url"] == url
    assert row["title"] == "Kazakhstan hosts Caspian talks in Aktau"
    assert row["author"] == "Aigerim Sadykova"
    assert row["published"] == "2024-05-11"
    assert row["source"] == "steppeherald.example"


def test_fetch_file_names_are_stable_and_distinct():
    a = file_name_for("https://www.example.org/news/2024/05/kazakh-talks.html")
    assert a == file_name_for("https://www.example.org/news/2024/05/kazakh-talks.html")
    assert a.startswith("example.org_kazakh-talks_") and a.endswith(".html")
    assert a != file_name_for("https://www.example.org/news/2024/05/kazakh-talks.html?page=2")


@pytest.mark.parametrize("path, reason", [
    ("/missing", "HTTP 404"),
    ("/broken", "HTTP 500"),
    ("/loop", "redirects"),
    ("/pdf", "not an HTML page (application/pdf)"),
    ("/huge", "larger than"),
    ("/huge-unannounced", "larger than"),
    ("/slow", "timed out"),
    ("/trickle", "too slow"),
])
def test_fetch_failures_are_listed_with_their_reason(server, tmp_path, monkeypatch, path, reason):
    monkeypatch.setattr(fetch_mod, "MAX_BYTES", 1_000_000)
    t0 = time.monotonic()
    (o,) = fetch([f"{server}{path}"], tmp_path, delay=0, timeout=1.0, max_bytes=1_000_000)
    assert o.status == "failed" and reason in o.reason, o
    assert time.monotonic() - t0 < 10  # bounded by the timeouts: never hangs
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".html"]


def test_fetch_follows_a_redirect(server, tmp_path):
    (o,) = fetch([f"{server}/moved"], tmp_path, delay=0, timeout=2)
    assert o.status == "fetched"
    assert _manifest(tmp_path)[o.file]["url"] == f"{server}/moved"


def test_fetch_skips_what_it_has_unless_refreshed(server, tmp_path):
    url = f"{server}/full?again"
    assert fetch([url], tmp_path, delay=0)[0].status == "fetched"
    Handler.hits.clear()
    assert fetch([url], tmp_path, delay=0)[0].status == "skipped"
    assert Handler.hits == []
    assert fetch([url], tmp_path, delay=0, refresh=True)[0].status == "fetched"
    assert len(Handler.hits) == 1


def test_fetch_keeps_what_the_user_wrote_in_the_manifest(server, tmp_path):
    url = f"{server}/full?kept"
    name = file_name_for(url)
    (tmp_path / "manifest.csv").write_text(f"file,title,source,url,published,author,notes\n{name},My own title,,,,,mine\n",
                                           encoding="utf-8")
    fetch([url], tmp_path, delay=0)
    row = _manifest(tmp_path)[name]
    assert row["title"] == "My own title" and row["notes"] == "mine"
    assert row["author"] == "Aigerim Sadykova" and row["url"] == url


def test_fetch_waits_between_requests_to_one_host(server, tmp_path):
    Handler.hits.clear()
    fetch([f"{server}/full?a", f"{server}/full?b"], tmp_path, delay=0.6)
    (_, t1), (_, t2) = Handler.hits
    assert t2 - t1 >= 0.55


def test_fetch_refuses_what_is_not_a_web_address(tmp_path):
    outcomes = fetch(["ftp://example.org/x", "file:///etc/passwd", "not a url"], tmp_path, delay=0)
    assert [o.status for o in outcomes] == ["failed"] * 3
    assert all(o.reason == "not an http(s) address" for o in outcomes)


def test_fetch_command_lists_failures_and_exits_non_zero(server, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# reading list\n{server}/full?cli\n\n{server}/missing\n", encoding="utf-8")
    code = main(["fetch", "--urls", str(urls), "--articles", str(tmp_path / "arts"), "--delay", "0", "--timeout", "2"])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"failed: {server}/missing: HTTP 404" in err
    assert "1 fetched, 0 already there, 1 failed" in out


def test_fetch_command_without_urls_is_one_line(capsys):
    assert main(["fetch"]) == 2
    assert capsys.readouterr().err.strip() == "error: no URLs: give them as arguments or with --urls FILE"


def test_fetched_pages_build_with_the_pages_metadata(server, tmp_path):
    fetch([f"{server}/full?build", f"{server}/bare", f"{server}/cp1251"], tmp_path, delay=0)
    res = build(tmp_path, tmp_path / "out")
    assert res.skipped == []
    arts, _, _ = ingest.load_articles(tmp_path)
    by_url = {a.url: a for a in arts}
    full = by_url[f"{server}/full?build"]
    assert full.title == "Kazakhstan hosts Caspian talks in Aktau" and full.published == "2024-05-11"
    assert "Kazakhstan hosted talks between Azerbaijan and Turkmenistan" in full.text
    for decoy in ("Oman offered", "Qatar hosted", "Copyright"):
        assert decoy not in full.text
    bare = by_url[f"{server}/bare"]
    assert bare.published == "2024-03-12" and bare.published_inferred  # no metadata: the text's date
    assert by_url[f"{server}/cp1251"].author == "Айгерим Садыкова"


# --- reading saved pages -------------------------------------------------------------------------


def test_html_page_text_title_date_and_author():
    page = read_page(FULL)
    assert page.extractor == "trafilatura"
    assert page.title == "Kazakhstan hosts Caspian talks in Aktau"
    assert (page.published, page.author, page.source) == ("2024-05-11", "Aigerim Sadykova", "steppeherald.example")
    assert page.text.count("\n\n") >= 2 and "Home" not in page.text


def test_html_page_without_metadata_has_none():
    page = read_page(BARE)
    assert "Uzbekistan convened a regional conference" in page.text
    assert page.title is None and page.author is None and page.published is None


def test_html_page_trafilatura_cannot_read_falls_back(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    page = read_page(FULL)
    assert page.extractor == "fallback"
    assert "Kazakhstan hosted talks between Azerbaijan and Turkmenistan" in page.text
    assert page.title == "Kazakhstan hosts Caspian talks in Aktau"


def test_html_manifest_wins_over_the_page(tmp_path):
    (tmp_path / "p.html").write_text(FULL, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,title,author\np.html,Edited title,Desk\n", encoding="utf-8")
    (art,), _, _ = ingest.load_articles(tmp_path)
    assert (art.title, art.author, art.published) == ("Edited title", "Desk", "2024-05-11")
