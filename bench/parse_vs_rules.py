"""The dependency parse against today's rules, field by field, on a gold-annotated corpus.

Usage: python bench/parse_vs_rules.py [--gold ../shared/realnews/gold.json] [--articles ../shared/realnews/articles]

For every gold event whose evidence lies in a sentence where the extractor found an event of the
same type, compares the rules' actor, parties and venue with what `nlp.parse.read_roles` reads
from the parse of that sentence, and with the parse where it has an answer and the rules else.
Also times the parse of the sentences triggers fired on, and the build without it, to project
the build's throughput with the parse on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from middlepowers import ingest  # noqa: E402
from middlepowers.build import process_article  # noqa: E402
from middlepowers.nlp import parse  # noqa: E402
from middlepowers.nlp.pipeline import analyse  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "realnews" / "gold.json"))
    ap.add_argument("--articles", default=str(ROOT.parent / "shared" / "realnews" / "articles"))
    args = ap.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    arts, _, _ = ingest.load_articles(args.articles)
    parse.get_parser()
    stats = {f: {"rules": 0, "parse": 0, "parse_else_rules": 0, "n": 0} for f in ("actor", "venue", "parties")}
    precision = {k: [0, 0] for k in ("rules", "parse", "parse_else_rules")}  # party hits, parties named
    t_build = t_parse = 0.0
    n_sent = n_tok = 0
    for art in arts:
        t0 = time.perf_counter()
        _, events, _ = process_article(art)
        t_build += time.perf_counter() - t0
        an = analyse(art.text, art.published)
        by_start = {s.start_char: s for s in an.sentences}
        todo = [(e, by_start[e["evidence_start"]]) for e in events if e["evidence_start"] in by_start]
        sents = list(dict.fromkeys(s.index for _, s in todo))
        texts = {i: an.sentences[i].text for i in sents}
        t0 = time.perf_counter()
        docs = dict(zip(sents, parse.parse([texts[i] for i in sents])))
        t_parse += time.perf_counter() - t0
        n_sent += len(sents)
        n_tok += sum(len(d) for d in docs.values())
        roles = []
        for e, s in todo:
            trig = (e.get("trigger") or "").lower()
            pos = s.text.lower().find(trig) if trig else -1
            r = parse.read_roles(docs[s.index], (pos, pos + len(trig)), parse.names_in_sentence(an, s)) if pos >= 0 else parse.Roles()
            roles.append((e, s, r))
        for g in (g for g in gold if g["file"] == art.file):
            at = art.text.find(g["evidence"])
            hit = next(((e, r) for e, s, r in roles if e["event_type"] == g["event_type"]
                        and s.start_char <= at < s.end_char), None) if at >= 0 else None
            if hit is None:
                continue
            e, r = hit
            st = stats["actor"]
            st["n"] += 1
            st["rules"] += e["actor"] == g["actor"]
            st["parse"] += r.actor == g["actor"]
            st["parse_else_rules"] += (r.actor or e["actor"]) == g["actor"]
            if g.get("venue_city"):
                st = stats["venue"]
                st["n"] += 1
                st["rules"] += (e["venue"] or "") == g["venue_city"]
                st["parse"] += (r.venue or "") == g["venue_city"]
                st["parse_else_rules"] += (r.venue or e["venue"] or "") == g["venue_city"]
            gp = set(g.get("parties") or [])
            for key, got in (("rules", set(e["parties"])), ("parse", set(r.parties)),
                             ("parse_else_rules", set(r.parties) | set(e["parties"]))):
                precision[key][0] += len(got & gp)
                precision[key][1] += len(got)
            if gp:
                st = stats["parties"]
                st["n"] += len(gp)
                st["rules"] += len(gp & set(e["parties"]))
                st["parse"] += len(gp & set(r.parties))
                st["parse_else_rules"] += len(gp & (set(r.parties) | set(e["parties"])))
    info = parse.model_info()
    print(f"model {info['name']} {info['version']} ({info['license']}), dep UAS {info['dep_uas']:.3f}, LAS {info['dep_las']:.3f}")
    print(f"{'field':<8} {'n':>4} {'rules':>7} {'parse':>7} {'parse, else rules':>18}")
    for f, st in stats.items():
        n = max(st["n"], 1)
        print(f"{f:<8} {st['n']:>4} {st['rules'] / n:>7.3f} {st['parse'] / n:>7.3f} {st['parse_else_rules'] / n:>18.3f}")
    print("party precision on those events: " + ", ".join(
        f"{k.replace('_', ' ')} {h / max(n, 1):.3f} ({h}/{n})" for k, (h, n) in precision.items()))
    per_art_build = t_build / len(arts)
    per_art_parse = t_parse / len(arts)
    print(f"articles {len(arts)}: build {1 / per_art_build:.1f} articles/s on one core without the parse; "
          f"{n_sent} trigger sentences ({n_tok} tokens) parsed at {n_tok / t_parse:,.0f} tokens/s; "
          f"with the parse {1 / (per_art_build + per_art_parse):.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
