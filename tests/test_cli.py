"""The `middlepowers` command: build | evaluate | export, exit codes and one-line errors."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from middlepowers.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_GOLD = ROOT / "tests" / "data" / "seeds_events.json"
ARTICLE = ("Kazakhstan hosts talks\n\n"
           "Kazakhstan hosted talks between Armenia and Azerbaijan in Almaty on 10 May 2024.\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seeds built once through the command, for export tests."""
    out = tmp_path_factory.mktemp("cli_out")
    assert main(["-q", "build", "--articles", str(SEEDS), "--out", str(out)]) == 0
    return out


@pytest.fixture
def articles(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return d


def one_error_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error:"), err
    return lines[0]


# --- subprocess: the real entry point ----------------------------------------------------------


def test_cli_module_build_exits_zero_with_summary(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "middlepowers", "build", "--articles", str(SEEDS), "--out", str(out), "--no-progress"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"built (\d+) articles, (\d+) events into (\S+) in [\d.]+ s", proc.stdout)
    assert m, proc.stdout
    assert int(m.group(1)) == 3 and int(m.group(2)) > 0
    assert proc.stderr.strip() == ""
    for t in ("articles", "events", "initiatives", "organisations", "places"):
        assert (out / f"{t}.parquet").is_file()


def test_cli_module_missing_folder_exits_non_zero_with_one_line(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "middlepowers", "build", "--articles", str(tmp_path / "missing"), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert proc.returncode != 0
    line = one_error_line(proc.stderr)
    assert "missing" in line
    assert not (tmp_path / "out").exists()


# --- build ---------------------------------------------------------------------------------------


def test_cli_build_prints_summary(articles, tmp_path, capsys):
    assert main(["build", "--articles", str(articles), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    out, err = capsys.readouterr()
    assert re.fullmatch(r"built 1 articles, \d+ events into \S+ in [\d.]+ s\n", out), out
    assert err == ""


def test_cli_build_missing_articles_folder(tmp_path, capsys):
    code = main(["build", "--articles", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert code != 0
    out, err = capsys.readouterr()
    assert "nowhere" in one_error_line(err)
    assert out == ""


def test_cli_build_empty_folder(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["build", "--articles", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) != 0
    one_error_line(capsys.readouterr().err)


def test_cli_build_warns_about_a_skipped_article_by_name(articles, tmp_path, capsys):
    (articles / "broken.html").write_bytes(b"\x00\x01binary\x00" * 50)
    assert main(["build", "--articles", str(articles), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    out, err = capsys.readouterr()
    warnings = [ln for ln in err.splitlines() if ln.strip()]
    assert len(warnings) == 1 and warnings[0].startswith("warning:") and "broken.html" in warnings[0]
    assert "built 1 articles" in out and "(1 skipped)" in out


def test_cli_build_quiet_prints_nothing(articles, tmp_path, capsys):
    assert main(["-q", "build", "--articles", str(articles), "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out == ""


def test_cli_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code != 0


# --- evaluate ------------------------------------------------------------------------------------


def test_cli_evaluate_prints_precision_recall_f1(capsys):
    assert main(["evaluate", "--gold", str(SEED_GOLD), "--articles", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    m = re.search(r"precision (\d\.\d+)\s+recall (\d\.\d+)\s+F1 (\d\.\d+)", out)
    assert m, out
    p, r, f = map(float, m.groups())
    assert 0 <= p <= 1 and 0 <= r <= 1
    assert f == pytest.approx(2 * p * r / (p + r) if p + r else 0.0, abs=2e-3)
    assert "venue accuracy" in out and "date accuracy" in out


def test_cli_evaluate_json(capsys):
    assert main(["evaluate", "--gold", str(SEED_GOLD), "--articles", str(SEEDS), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"precision", "recall", "f1", "tp", "fp", "fn", "venue_accuracy", "date_accuracy", "by_type"} <= set(data)
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    assert data["tp"] + data["fn"] == len(gold)


def test_cli_evaluate_missing_gold(tmp_path, capsys):
    code = main(["evaluate", "--gold", str(tmp_path / "gold.json"), "--articles", str(SEEDS)])
    assert code != 0
    out, err = capsys.readouterr()
    assert "gold.json" in one_error_line(err)
    assert out == ""


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"file": "a.txt"}',
        '[{"file": "a.txt", "event_type": "summit"}]',
        '["just a string"]',
    ],
)
def test_cli_evaluate_malformed_gold(tmp_path, capsys, content):
    gold = tmp_path / "gold.json"
    gold.write_text(content, encoding="utf-8")
    assert main(["evaluate", "--gold", str(gold), "--articles", str(SEEDS)]) != 0
    assert "gold.json" in one_error_line(capsys.readouterr().err)


def test_cli_evaluate_missing_articles_folder(tmp_path, capsys):
    assert main(["evaluate", "--gold", str(SEED_GOLD), "--articles", str(tmp_path / "none")]) != 0
    one_error_line(capsys.readouterr().err)


# --- export --------------------------------------------------------------------------------------


def test_cli_export_writes_csv(built, tmp_path, capsys):
    target = tmp_path / "events.csv"
    assert main(["export", "--out", str(built), "--csv", str(target)]) == 0
    events = pd.read_parquet(built / "events.parquet")
    with target.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(events) > 0
    assert list(rows[0]) == list(events.columns)
    assert [r["event_id"] for r in rows] == events["event_id"].tolist()
    # Lists become '|'-joined cells.
    for r, parties in zip(rows, events["parties"]):
        assert r["parties"] == "|".join(parties)


def test_cli_export_to_stdout(built, capsys):
    assert main(["export", "--out", str(built), "--csv", "-"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("event_id,article_id,event_type,actor")


def test_cli_export_without_tables_is_one_line_error(tmp_path, capsys):
    assert main(["export", "--out", str(tmp_path / "nothing"), "--csv", str(tmp_path / "e.csv")]) != 0
    one_error_line(capsys.readouterr().err)
    assert not (tmp_path / "e.csv").exists()


def test_cli_export_to_unwritable_path_is_one_line_error(built, tmp_path, capsys):
    assert main(["export", "--out", str(built), "--csv", str(tmp_path / "no" / "such" / "dir" / "e.csv")]) != 0
    one_error_line(capsys.readouterr().err)
