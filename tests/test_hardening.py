"""Hostile and broken input: nothing outside the articles folder is read, no input crashes or
hangs a build, every failure is one line, and a killed build leaves one whole table set."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from middlepowers import ingest, store
from middlepowers.build import build, is_current
from middlepowers.cli import main
from middlepowers.encoding import decode_bytes
from middlepowers.errors import BuildError

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "dev"
ARTICLE = ("Kazakhstan hosts talks\n\n"
           "Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 10 May 2024.\n")
SECRET = "TOP-SECRET-LINE Uzbekistan hosted a summit in Tashkent in 2020 with Kyrgyzstan."


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return d


def one_line(msgs: list[str]) -> None:
    for m in msgs:
        assert "\n" not in m and "\r" not in m, repr(m)


def run_cli(*args: str, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "middlepowers", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, **kw)


def assert_one_error_line(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode != 0, proc.stdout
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip() and not ln.startswith("warning:")]
    assert len(lines) == 1 and lines[0].startswith("error:"), proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


# --- 1. nothing outside the folder -----------------------------------------------------------------


def test_hardening_link_out_of_the_folder_is_skipped(folder, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text(SECRET, encoding="utf-8")
    (folder / "y.txt").symlink_to(outside)
    (folder / "etc.txt").symlink_to("/etc/hostname")
    (folder / "inside.txt").symlink_to(folder / "good.txt")  # a link within the folder is fine
    res = build(folder, tmp_path / "out")
    arts = store.read_tables(tmp_path / "out")["articles"]
    assert sorted(arts["file"]) == ["good.txt", "inside.txt"]
    assert not arts["text"].str.contains("TOP-SECRET").any()
    assert sorted(res.skipped) == ["etc.txt", "y.txt"]
    assert any("y.txt" in w and "outside the articles folder" in w for w in res.warnings)


def test_hardening_broken_and_looping_links_and_subfolders_are_named(folder):
    (folder / "broken.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "dir.txt").mkdir()
    arts, warnings, skipped = ingest.load_articles(folder)
    assert [a.file for a in arts] == ["good.txt"]
    text = " | ".join(warnings)
    assert "broken.txt: a link to a missing file" in text
    assert "loop.txt: a link that loops" in text
    assert "sub/: sub-folders are not read" in text
    assert "dir.txt: a folder" in text
    assert sorted(skipped) == ["broken.txt", "dir.txt", "loop.txt"]
    one_line(warnings)


# --- 4-6. names, permissions, pipes and devices ----------------------------------------------------


def test_hardening_file_name_that_is_not_utf8_is_read_and_reported(folder, tmp_path):
    with open(bytes(folder) + b"/bad\xff.txt", "wb") as fh:
        fh.write(ARTICLE.replace("Almaty", "Astana").encode())
    res = build(folder, tmp_path / "out")
    files = set(store.read_tables(tmp_path / "out")["articles"]["file"])
    assert files == {"good.txt", "bad\ufffd.txt"}
    assert any("bad\\xff.txt" in w and "not UTF-8" in w for w in res.warnings)
    one_line(res.warnings)
    assert is_current(folder, tmp_path / "out")


def test_hardening_file_name_with_a_newline_gives_a_one_line_warning(folder):
    (folder / "two\nlines.txt").write_bytes(b"")
    arts, warnings, skipped = ingest.load_articles(folder)
    assert skipped == ["two\nlines.txt"]
    assert warnings == ["skipped two\\nlines.txt: empty file"]


def test_hardening_unreadable_article_is_skipped(folder, tmp_path, monkeypatch):
    (folder / "locked.txt").write_text(ARTICLE, encoding="utf-8")
    real = os.open

    def deny(path, *a, **k):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, *a, **k)

    monkeypatch.setattr(ingest.os, "open", deny)
    res = build(folder, tmp_path / "out")
    assert res.n_articles == 1 and res.skipped == ["locked.txt"]
    assert "skipped locked.txt: cannot be read (Permission denied)" in res.warnings


@pytest.mark.parametrize("kind", ["folder", "fifo", "dev_zero", "outside"])
def test_hardening_manifest_that_is_not_a_file_is_ignored_without_hanging(folder, tmp_path, kind):
    m = folder / "manifest.csv"
    if kind == "folder":
        m.mkdir()
    elif kind == "fifo":
        os.mkfifo(m)
    elif kind == "dev_zero":
        m.symlink_to("/dev/zero")
    else:
        (tmp_path / "elsewhere.csv").write_text("file,title\ngood.txt,Leaked title\n", encoding="utf-8")
        m.symlink_to(tmp_path / "elsewhere.csv")
    proc = run_cli("build", "--articles", str(folder), "--out", str(tmp_path / "out"), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "warning: ignoring manifest.csv" in proc.stderr and "Traceback" not in proc.stderr
    assert store.read_tables(tmp_path / "out")["articles"]["title"].tolist() == ["Kazakhstan hosts talks"]


@pytest.mark.parametrize("kind", ["fifo", "dev_zero"])
def test_hardening_article_that_is_a_pipe_or_device_is_skipped(folder, tmp_path, kind):
    p = folder / "odd.txt"
    os.mkfifo(p) if kind == "fifo" else p.symlink_to("/dev/zero")
    proc = run_cli("build", "--articles", str(folder), "--out", str(tmp_path / "out"), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "warning: skipped odd.txt" in proc.stderr
    assert "(1 skipped)" in proc.stdout


def test_hardening_read_limited_refuses_a_device_and_a_large_file(tmp_path):
    with pytest.raises(ingest.ArticleError, match="not a regular file"):
        ingest.read_limited(Path("/dev/zero"))
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 101)
    with pytest.raises(ingest.ArticleError, match="too large"):
        ingest.read_limited(big, limit=100)


# --- 7. output problems ------------------------------------------------------------------------------


def test_hardening_out_that_is_a_file_is_one_line(folder, tmp_path):
    f = tmp_path / "plain"
    f.write_text("x")
    line = assert_one_error_line(run_cli("build", "--articles", str(folder), "--out", str(f)))
    assert "is a file, not a folder" in line
    assert f.read_text() == "x"


def test_hardening_unwritable_out_is_one_line(folder, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    build(folder, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    real = os.access
    monkeypatch.setattr(store.os, "access", lambda p, mode: False if Path(p) == out else real(p, mode))
    assert main(["build", "--articles", str(folder), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: cannot write to the output folder") and "\n" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_hardening_full_disk_is_one_line_and_keeps_the_old_tables(folder, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    build(folder, out)
    (folder / "more.txt").write_text(ARTICLE.replace("Almaty", "Baku"), encoding="utf-8")
    real = pd.DataFrame.to_parquet

    def full(self, path, *a, **k):
        real(self, path, *a, **k)
        with open(path, "r+b") as fh:  # half a file written, then the disk is full
            fh.truncate(10)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", full)
    assert main(["build", "--articles", str(folder), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert "No space left on device" in err and "previous tables are unchanged" in err and "\n" not in err
    monkeypatch.undo()
    assert store.read_tables(out)["articles"]["file"].tolist() == ["good.txt"]
    assert not list(out.glob(".tmp-*"))


# --- 9. evaluate and export ---------------------------------------------------------------------------


GOLD_OK = {"file": "good.txt", "event_type": "talks_hosted", "actor": "KAZ", "parties": ["ARM", "AZE"],
           "venue_city": "Almaty", "venue_country": "KAZ", "date": "2024-05-10", "organisations": [], "evidence": "x"}


@pytest.mark.parametrize("gold, needle", [
    ([dict(GOLD_OK, file=["good.txt"])], "'file' must be a file name"),
    ([dict(GOLD_OK, parties="ARM")], "'parties' must be a list of strings"),
    ([dict(GOLD_OK, event_type="talks")], "unknown event_type"),
    ([dict(GOLD_OK, actor="Kazakhstan")], "not an ISO 3166-1 alpha-3 code"),
    ([dict(GOLD_OK, date="10 May 2024")], "is not YYYY"),
    ([dict(GOLD_OK, file="missing.txt")], "not in"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ({"events": []}, "JSON list"),
])
def test_hardening_malformed_gold_is_one_line(folder, tmp_path, gold, needle):
    g = tmp_path / "gold.json"
    g.write_text(gold if isinstance(gold, str) else json.dumps(gold), encoding="utf-8")
    line = assert_one_error_line(run_cli("evaluate", "--gold", str(g), "--articles", str(folder)))
    assert needle in line


def test_hardening_valid_gold_still_scores(folder, tmp_path, capsys):
    g = tmp_path / "gold.json"
    g.write_text(json.dumps([GOLD_OK]), encoding="utf-8")
    assert main(["evaluate", "--gold", str(g), "--articles", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["tp"] == 1


@pytest.mark.parametrize("damage", ["corrupt", "foreign"])
def test_hardening_export_of_a_bad_table_is_one_line(folder, tmp_path, damage):
    out = tmp_path / "out"
    build(folder, out)
    target = store.current_set(out) / "events.parquet"
    if damage == "corrupt":
        target.write_bytes(b"PAR1" + os.urandom(200))
    else:
        pd.DataFrame({"a": [1, 2]}).to_parquet(target)
    line = assert_one_error_line(run_cli("export", "--out", str(out), "--csv", str(tmp_path / "e.csv")))
    assert "events.parquet" in line and "rebuild" in line
    assert not (tmp_path / "e.csv").exists()


def test_hardening_export_to_a_closed_pipe_is_quiet(tmp_path):
    out = tmp_path / "out"
    build(DEV, out)
    proc = subprocess.run(f"{sys.executable} -m middlepowers export --out {out} --csv - | head -1", shell=True,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.stdout.startswith("event_id,")
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr, proc.stderr


def test_hardening_export_on_a_full_disk_leaves_no_truncated_csv(folder, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    build(folder, out)
    target = tmp_path / "events.csv"
    target.write_text("the previous export\n")
    real = pd.DataFrame.to_csv

    def full(self, path=None, *a, **k):
        real(self, path, *a, **k)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_csv", full)
    assert main(["export", "--out", str(out), "--csv", str(target)]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert target.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# --- 10-11. killed builds --------------------------------------------------------------------------------


def _corpus(tmp_path: Path, copies: int, tag: str) -> Path:
    d = tmp_path / f"corpus-{tag}"
    d.mkdir()
    texts = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".md", ".html"))
    for i in range(copies):
        for p in texts:
            (d / f"{tag}{i:03d}-{p.name}").write_bytes(p.read_bytes())
    return d


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _start_build(articles: Path, out: Path, workers: int = 2) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "middlepowers", "-q", "build", "--articles", str(articles),
                             "--out", str(out), "--workers", str(workers), "--no-progress"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_hardening_killed_build_leaves_no_process_and_no_folder(tmp_path, sig):
    articles = _corpus(tmp_path, 12, "k")
    out = tmp_path / "out"
    proc = _start_build(articles, out)
    deadline = time.monotonic() + 60
    kids: list[int] = []
    while time.monotonic() < deadline and len(kids) < 3:  # the janitor and two workers
        time.sleep(0.05)
        kids = _children(proc.pid)
    assert len(kids) >= 3, "the build never started its workers"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    limit = time.monotonic() + 5  # everything gone within 5 seconds of the signal
    while time.monotonic() < limit and ([k for k in kids if _alive(k)] or list(out.glob(".tmp-*"))):
        time.sleep(0.1)
    assert [k for k in kids if _alive(k)] == []
    assert not list(out.glob(".tmp-*")) and not list(out.glob("v-*"))
    assert not list(tmp_path.glob(".build-*"))
    if sig != signal.SIGKILL:
        assert proc.returncode == 130 and err.strip() == "error: interrupted; the previous tables are unchanged"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_hardening_kill_at_any_moment_leaves_a_whole_set(tmp_path):
    old, new = _corpus(tmp_path, 1, "old"), _corpus(tmp_path, 2, "new")
    out = tmp_path / "out"
    assert build(old, out).n_articles > 0
    old_files = set(store.read_tables(out)["articles"]["file"])
    new_files = {p.name for p in new.iterdir()}
    seen = set()
    # Kills at growing delays, then one build left to finish: on a loaded machine the switch
    # comes later, so the last run makes sure the new set is seen too.
    for delay in (0.5, 1.2, 1.8, 2.2, 2.5, 2.8, 3.1, 3.5, 4.0, 5.0, None):
        proc = _start_build(new, out, workers=1)
        if delay is None:
            proc.communicate(timeout=300)
        else:
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=30)
        t = store.read_tables(out)
        files = set(t["articles"]["file"])
        assert files in (old_files, new_files)
        assert set(t["events"]["article_id"]) <= set(t["articles"]["article_id"])
        assert set(t["places"]["venue"].dropna()) <= set(t["events"]["venue"].dropna())
        seen.add("new" if files == new_files else "old")
        if files == new_files:
            break
    assert seen == {"old", "new"}  # killed both before and after the switch
    time.sleep(1)
    assert not list(out.glob(".tmp-*"))


# --- 12-13. encodings and long articles ------------------------------------------------------------------


SAMPLES = {
    "russian_cp1251": ("Министр иностранных дел Казахстана провёл переговоры с делегацией в Астане.", "cp1251"),
    "kazakh_cp1251": ("Астанада келіссөздер өтті, делегация бейбітшілік туралы айтты.".replace("ө", "о"), "cp1251"),
    "kazakh_kz1048": ("Қазақстан Сыртқы істер министрі Астанада келіссөздер өткізді.", "kz1048"),
    "turkish_cp1254": ("Türkiye Dışişleri Bakanı İstanbul'da barış görüşmelerine ev sahipliği yaptı.", "cp1254"),
    "azerbaijani_cp1254": ("Azerbaycan Dışişleri Bakanı Bakü'de görüşmelere ev sahipliği yaptı.", "cp1254"),
    "french_latin1": ("Le ministre suisse a accueilli à Genève les négociations de paix très attendues.", "latin-1"),
    "german_latin1": ("Die Außenminister trafen sich in Zürich; Österreich übernahm den Vorsitz der Gespräche.", "latin-1"),
    "utf16_bom": ("Kazakhstan hosted talks in Astana, «переговоры», on 5 May 2024.", "utf-16"),
    "utf16be_bom": ("Qatar hosted talks in Doha on 5 May 2024.", "utf-16-be-bom"),
    "utf16le_no_bom": ("Qatar hosted talks in Doha on 5 May 2024 between the two sides.", "utf-16-le"),
    "utf8_bom": ("Azerbaijan hosted COP29 in Baku in November 2024.", "utf-8-sig"),
}


@pytest.mark.parametrize("name", list(SAMPLES))
def test_hardening_encodings_decode_to_the_right_text(name):
    text, codec = SAMPLES[name]
    data = (b"\xfe\xff" + text.encode("utf-16-be")) if codec == "utf-16-be-bom" else text.encode(codec)
    d = decode_bytes(data, name)
    assert d.text == text, (d.encoding, d.text)
    # A byte-order mark is certain; a code page or a UTF-16 without its mark is a guess, and says so.
    assert d.guessed == (codec in ("cp1251", "kz1048", "cp1254", "latin-1", "utf-16-le"))


def test_hardening_guessed_encoding_is_reported_as_a_guess(folder):
    (folder / "tr.txt").write_bytes(SAMPLES["turkish_cp1254"][0].encode("cp1254"))
    arts, warnings, _ = ingest.load_articles(folder)
    assert "tr.txt: not UTF-8; read as cp1254 (guessed from the text)" in warnings


def test_hardening_article_over_a_million_characters_is_processed(folder, tmp_path):
    body = ("Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 10 May 2024. "
            "Officials described the weather and the traffic at length. ") * 9000
    assert 1_000_000 < len(body) < ingest.MAX_BYTES
    (folder / "long.txt").write_text("A long report\n\n" + body, encoding="utf-8")
    res = build(folder, tmp_path / "out")
    assert res.skipped == [] and res.n_articles == 2


# --- 14. manifest problems --------------------------------------------------------------------------------


def test_hardening_manifest_problems_name_the_line(folder):
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "c.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,title,published\n"
        "good.txt,First title,２０２４-０５-１０\n"
        "b.txt,B,10/05/2024\n"
        "good.txt,Second title,2024\n"
        "c.txt,C,2024,extra\n"
        'd.txt,"unbalanced,2024\n'
        "c.txt,swallowed,2020\n", encoding="utf-8")
    arts, warnings, _ = ingest.load_articles(folder)
    by = {a.file: a for a in arts}
    assert by["good.txt"].title == "First title" and by["good.txt"].published == "2024-05-10"
    joined = "\n".join(warnings)
    assert "no column source, url, author" in joined
    assert "manifest.csv line 3 (b.txt): published date 10/05/2024 is not YYYY[-MM[-DD]]" in joined
    assert "manifest.csv line 4: good.txt is listed again (first on line 2); the first row is used" in joined
    assert "manifest.csv line 5: 1 more field(s) than columns" in joined
    assert "manifest.csv line 6: a field runs over several lines (an unbalanced quote?)" in joined
    one_line(warnings)


# --- 15. messages ------------------------------------------------------------------------------------------


def test_hardening_skipped_counts_files_not_warnings(folder, tmp_path, capsys):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sub").mkdir()
    (folder / "manifest.csv").write_text("file,title,published\ngood.txt,T,someday\n", encoding="utf-8")
    assert main(["build", "--articles", str(folder), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "(1 skipped, 3 other warnings)" in out, out


def test_hardening_every_article_broken_names_them(tmp_path):
    d = tmp_path / "broken"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "noise.txt").write_bytes(b"\x00\x01" * 50)
    (d / "out.txt").symlink_to("/etc/hostname")
    with pytest.raises(BuildError) as err:
        build(d, tmp_path / "out")
    msg = str(err.value)
    assert "\n" not in msg and "3 skipped" in msg
    for name in ("empty.txt", "noise.txt", "out.txt"):
        assert name in msg


# --- fuzz ---------------------------------------------------------------------------------------------------


def test_hardening_fuzzed_folder_builds_with_one_line_warnings(tmp_path):
    from fuzzing import KINDS, make_corpus

    n = make_corpus(tmp_path / "fuzz", per_kind=60, seed=20261202)
    assert n == 60 * len(KINDS)
    (tmp_path / "fuzz" / "anchor.txt").write_text(ARTICLE, encoding="utf-8")
    res = build(tmp_path / "fuzz", tmp_path / "out", workers=2)
    one_line(res.warnings)
    tables = store.read_tables(tmp_path / "out")
    assert res.n_articles + len(res.skipped) == n + 1
    assert len(set(res.skipped)) == len(res.skipped)
    assert (tables["articles"]["text"].str.len() > 0).all()
    ev = tables["events"]
    for _, e in ev.iterrows():
        text = tables["articles"].set_index("article_id").at[e["article_id"], "text"]
        assert text[e["evidence_start"]:e["evidence_end"]] == e["evidence"]


# --- the dashboard over a folder the build finds odd -------------------------------------------------------


def test_hardening_dashboard_opens_on_a_folder_with_an_undecodable_name(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "good.txt").write_text(ARTICLE, encoding="utf-8")
    with open(bytes(arts) + b"/bad\xff.txt", "wb") as fh:
        fh.write(ARTICLE.replace("Almaty", "Astana").encode())
    (arts / "out.txt").symlink_to("/etc/hostname")
    monkeypatch.setenv("MIDDLEPOWERS_ARTICLES", str(arts))
    monkeypatch.setenv("MIDDLEPOWERS_DATA", str(tmp_path / "out"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert sorted(store.read_tables(tmp_path / "out")["articles"]["file"]) == ["bad\ufffd.txt", "good.txt"]
