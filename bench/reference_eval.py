#!/usr/bin/env python3
"""Reference evaluator for ClinConsensus scores: the metric definitions of
../../shared/DESIGN.md written plainly in Python (standard library only), to check the
numbers of `clinconsensus score` (to 1e-9) and to time it against them.

    reference_eval.py score --cases CASES.jsonl --verdicts PATH... [--k 10] [--k-sweep]
                            [--judge NAME] [--bootstrap 0] [--seed 1] [--ci 95] --out REF.json
    reference_eval.py compare REF.json SCORE_OUT_DIR [--tol 1e-9]

Cases: a public-format JSONL export (care_stage, audience and rubric axis / critical read
when present; audience otherwise from user_role). Verdicts: our JSONL (one verdict per
line) and the public `<model>_judge.json` layout (criteria under criteria_results,
rubric_results or rubric_judgments; matched by criterion_id, else by position). The input
is assumed valid: this is a reference for the figures, not a validator.

Metrics, for case i with s_i of R_i criteria met, N cases:
  Rubric Accuracy = 100 * sum(met) / sum(judged criteria)
  pass@k          = 100 * (1/N) * #{i: s_i >= k}
  CACS@k          = 100 * (1/N) * sum_i max(0, s_i - k + 1) / (R_i - k + 1)   (0 when R_i < k)
The bootstrap follows the stream specification in tools/scoring/prng.h exactly, so the
intervals match bit for bit in the resamples drawn.
"""
import argparse
import json
import math
import os
import sys
import time

M64 = (1 << 64) - 1
PROFESSIONAL_MARKERS = ["医生", "医师", "护士", "药师", "医学", "规培", "实习", "麻醉", "带教", "校医", "医务"]
TRUE_WORDS = {"true", "1", "yes", "met"}
FALSE_WORDS = {"false", "0", "no", "not met", "not_met", "unmet"}
LIST_KEYS = ("criteria_results", "rubric_results", "rubric_judgments")


# ---- random streams (tools/scoring/prng.h) --------------------------------------------
def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return state, z ^ (z >> 31)


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & M64
    return h


def resample_key(seed, name, b):
    _, x = splitmix64((seed ^ fnv1a64(name)) & M64)
    _, key = splitmix64(x ^ b)
    return key


class Xoshiro256:
    def __init__(self, key):
        s = []
        for _ in range(4):
            key, out = splitmix64(key)
            s.append(out)
        self.s = s

    def next(self):
        s0, s1, s2, s3 = self.s
        r = ((((s1 * 5) & M64) << 7 | ((s1 * 5) & M64) >> 57) & M64) * 9 & M64
        t = (s1 << 17) & M64
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = ((s3 << 45) | (s3 >> 19)) & M64
        self.s = [s0, s1, s2, s3]
        return r

    def below(self, n):
        return (self.next() * n) >> 64


def quantile_sorted(v, q):
    h = (len(v) - 1) * q
    i = int(h)
    if i + 1 >= len(v):
        return v[-1]
    return v[i] + (h - i) * (v[i + 1] - v[i])


# ---- inputs -----------------------------------------------------------------------------
def load_cases(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            crit = row.get("rubrics", row.get("criteria", []))
            audience = row.get("audience") or ("professional" if any(m in row.get("user_role", "") for m in PROFESSIONAL_MARKERS) else "lay")
            cases.append({
                "case_id": row["case_id"], "difficulty": row.get("difficulty", ""), "subject": row.get("subject", ""),
                "subject_labels": row.get("subject_labels", []), "task": row.get("task", ""),
                "task_labels": row.get("task_labels", []), "care_stage": row.get("care_stage", ""), "audience": audience,
                "ids": [c["criterion_id"] for c in crit], "axes": [c.get("axis", "") for c in crit],
                "critical": [bool(c.get("critical", False)) for c in crit]})
    cases.sort(key=lambda c: c["case_id"].encode("utf-8"))
    return cases


def verdict_value(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)) and v in (0, 1):
        return v == 1
    if isinstance(v, str):
        w = v.strip().lower()
        if w in TRUE_WORDS:
            return True
        if w in FALSE_WORDS:
            return False
    raise ValueError("unreadable criteria_met %r" % (v,))


def verdict_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith((".json", ".jsonl", ".ndjson")):
                    yield os.path.join(p, name)
        else:
            yield p


def model_from_name(path):
    stem = os.path.basename(path).rsplit(".", 1)[0]
    return stem[:-6] if stem.endswith("_judge") and len(stem) > 6 else stem


def load_verdicts(paths, cases):
    """{(judge, model): {case_index: {position: met}}}"""
    index = {c["case_id"]: i for i, c in enumerate(cases)}
    pos_of = [{cid: p for p, cid in enumerate(c["ids"])} for c in cases]
    tables = {}

    def place(judge, model, case_id, cid, position, met):
        ci = index[case_id]
        p = pos_of[ci][cid] if cid is not None else position
        cells = tables.setdefault((judge, model), {}).setdefault(ci, {})
        if p in cells:
            raise ValueError("duplicate verdict %s %s %s" % (model, case_id, p))
        cells[p] = verdict_value(met)

    def place_row(row, default_model):
        model, judge = row.get("model", default_model), row.get("judge", "")
        items = next(row[k] for k in LIST_KEYS if k in row)
        for i, it in enumerate(items):
            place(judge, model, row["case_id"], it.get("criterion_id"), i, it["criteria_met"])

    for path in verdict_files(paths):
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
        if text.lstrip().startswith("["):
            for row in json.loads(text):
                place_row(row, model_from_name(path))
            continue
        order = {}
        for line in text.splitlines():
            if not line.strip():
                continue
            v = json.loads(line)
            if any(k in v for k in LIST_KEYS):
                place_row(v, model_from_name(path))
                continue
            cid = v.get("criterion_id")
            position = None
            if cid is None:
                key = (v["model"], v.get("judge", ""), v["case_id"])
                position = order.get(key, 0)
                order[key] = position + 1
            place(v.get("judge", ""), v["model"], v["case_id"], cid, position, v["criteria_met"])
    return tables


# ---- slices and figures -----------------------------------------------------------------
def build_slices(cases):
    """[(name, per_criterion, [case indices], {case index: [positions]})]"""
    slices = [("overall", False, list(range(len(cases))), None)]
    for dim in ("difficulty", "subject", "task", "care_stage", "audience"):
        members = {}
        for i, c in enumerate(cases):
            values = c[dim + "_labels"] if dim in ("subject", "task") and c[dim + "_labels"] else [c[dim]]
            for v in dict.fromkeys(values):
                if v:
                    members.setdefault(v, []).append(i)
        for v in sorted(members):
            name = v if dim == "difficulty" else "%s:%s" % (dim, v)  # the public evaluator's names
            slices.append((name, False, members[v], None))
    axes = sorted({a for c in cases for a in c["axes"] if a})
    selectors = [("axis:" + a, (lambda a: lambda c, p: c["axes"][p] == a)(a)) for a in axes]
    if any(any(c["critical"]) for c in cases):
        selectors.append(("critical:true", lambda c, p: c["critical"][p]))
    for name, sel in selectors:
        cells = {i: [p for p in range(len(c["ids"])) if sel(c, p)] for i, c in enumerate(cases)}
        cells = {i: ps for i, ps in cells.items() if ps}
        slices.append((name, True, sorted(cells), cells))
    return slices


def excess(s, k):
    return s - k + 1 if s >= k else 0


def cacs_pct(met, rub, idx, k):
    if not idx:
        return 0.0
    r0 = rub[idx[0]]
    n = float(len(idx))
    if all(rub[i] == r0 for i in idx):
        if r0 - k + 1 <= 0:
            return 0.0
        return 100.0 * sum(excess(met[i], k) for i in idx) / (float(r0 - k + 1) * n)
    total = 0.0
    for i in idx:
        den = rub[i] - k + 1
        total += excess(met[i], k) / den if den > 0 else 0.0
    return 100.0 * total / n


def slice_point(sl, cells_met, met, rub, k):
    name, per_crit, idx, cells = sl
    if per_crit:
        judged = sum(len(cells[i]) for i in idx)
        positive = sum(sum(1 for p in cells[i] if cells_met[i][p]) for i in idx)
        return {"cases": len(idx), "rubrics": judged, "positive": positive,
                "rubric_accuracy_pct": 100.0 * positive / judged, "pass_at_k_pct": None, "cacs_at_k_pct": None}
    positive = sum(met[i] for i in idx)
    judged = sum(rub[i] for i in idx)
    return {"cases": len(idx), "rubrics": judged, "positive": positive,
            "rubric_accuracy_pct": 100.0 * positive / judged,
            "pass_at_k_pct": 100.0 * sum(1 for i in idx if met[i] >= k) / len(idx),
            "cacs_at_k_pct": cacs_pct(met, rub, idx, k)}


def bootstrap_slice(sl, models, k, resamples, seed):
    """per model: list of (ra, pass, cacs) per resample"""
    name, per_crit, idx, cells = sl
    n = len(idx)
    rub = [len(cells[i]) if per_crit else models[0]["rub"][i] for i in idx]
    mets = []
    for m in models:
        if per_crit:
            mets.append([sum(1 for p in cells[i] if m["cells"][i][p]) for i in idx])
        else:
            mets.append([m["met"][i] for i in idx])
    uniform = all(r == rub[0] for r in rub)
    den = rub[0] - k + 1
    out = [[] for _ in models]
    for b in range(resamples):
        rng = Xoshiro256(resample_key(seed, name, b))
        w = [0] * n
        for _ in range(n):
            w[rng.below(n)] += 1
        judged = float(sum(wi * r for wi, r in zip(w, rub)))
        for mi, met in enumerate(mets):
            ra = 100.0 * sum(wi * x for wi, x in zip(w, met)) / judged
            if per_crit:
                out[mi].append((ra, None, None))
                continue
            pa = 100.0 * sum(wi for wi, x in zip(w, met) if x >= k) / float(n)
            if uniform:
                ca = 0.0 if den <= 0 else 100.0 * sum(wi * excess(x, k) for wi, x in zip(w, met)) / (float(den) * n)
            else:
                total = 0.0
                for wi, x, r in zip(w, met, rub):
                    total += wi * (excess(x, k) / (r - k + 1) if r - k + 1 > 0 else 0.0)
                ca = 100.0 * total / n
            out[mi].append((ra, pa, ca))
    return out


def interval(values, level):
    v = sorted(values)
    tail = (1 - level / 100) / 2
    return [quantile_sorted(v, tail), quantile_sorted(v, 1 - tail)]


def pearson(x, y):
    n = len(x)
    if n < 2:
        return None
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx <= 0 or syy <= 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def score(args):
    t0 = time.perf_counter()
    cases = load_cases(args.cases)
    tables = load_verdicts(args.verdicts, cases)
    t_read = time.perf_counter() - t0
    judges = sorted({j for j, _ in tables})
    judge = args.judge if args.judge is not None else judges[0]
    if args.judge is None and len(judges) > 1:
        sys.exit("several judges: pass --judge")
    k = args.k
    models = []
    for (j, name) in sorted(tables):
        if j != judge:
            continue
        t = tables[(j, name)]
        cells = [[t.get(i, {}).get(p, False) for p in range(len(c["ids"]))] for i, c in enumerate(cases)]
        models.append({"model": name, "cells": cells, "met": [sum(c) for c in cells],
                       "rub": [len(c["ids"]) for c in cases]})
    slices = build_slices(cases)
    out = {"k": k, "judge": judge, "rows": {}, "cases": {}, "items": {}, "pairwise": {}, "k_sweep": {}}
    for m in models:
        for sl in slices:
            out["rows"]["%s|%s|%d" % (m["model"], sl[0], k)] = slice_point(sl, m["cells"], m["met"], m["rub"], k)
        for i, c in enumerate(cases):
            out["cases"]["%s|%s" % (m["model"], c["case_id"])] = {
                "rubric_accuracy_pct": 100.0 * m["met"][i] / m["rub"][i],
                "cacs_at_k_pct": 100.0 * (excess(m["met"][i], k) / (m["rub"][i] - k + 1) if m["rub"][i] - k + 1 > 0 else 0.0)}
        if args.k_sweep:
            idx = list(range(len(cases)))
            max_k = max(len(c["ids"]) for c in cases)
            out["k_sweep"][m["model"]] = [[kk, 100.0 * sum(1 for s in m["met"] if s >= kk) / len(cases),
                                           cacs_pct(m["met"], m["rub"], idx, kk)] for kk in range(1, max_k + 1)]
    for i, c in enumerate(cases):
        for p, cid in enumerate(c["ids"]):
            x = [1.0 if m["cells"][i][p] else 0.0 for m in models]
            y = [100.0 * m["met"][i] / m["rub"][i] for m in models]
            out["items"][cid] = {"met_share": sum(x) / len(models), "point_biserial": pearson(x, y)}
    t_figures = time.perf_counter() - t0 - t_read
    if args.bootstrap > 0:
        overall = None
        for sl in slices:
            stats = bootstrap_slice(sl, models, k, args.bootstrap, args.seed)
            if sl[0] == "overall":
                overall = stats
            for mi, m in enumerate(models):
                row = out["rows"]["%s|%s|%d" % (m["model"], sl[0], k)]
                for j, col in enumerate(("rubric_accuracy", "pass_at_k", "cacs_at_k")):
                    if stats[mi][0][j] is not None:
                        row[col + "_ci"] = interval([s[j] for s in stats[mi]], args.ci)
        for a in range(len(models)):
            for b in range(a + 1, len(models)):
                for j, col in enumerate(("rubric_accuracy_pct", "pass_at_k_pct", "cacs_at_k_pct")):
                    d = [overall[a][r][j] - overall[b][r][j] for r in range(args.bootstrap)]
                    pa = out["rows"]["%s|overall|%d" % (models[a]["model"], k)][col]
                    pb = out["rows"]["%s|overall|%d" % (models[b]["model"], k)][col]
                    out["pairwise"]["%s|%s|%s" % (models[a]["model"], models[b]["model"], col)] = {
                        "difference": pa - pb, "ci": interval(d, args.ci),
                        "share_a_leads": sum(1 for x in d if x > 0) / args.bootstrap,
                        "share_b_leads": sum(1 for x in d if x < 0) / args.bootstrap}
    out["seconds"] = {"read": t_read, "figures": t_figures, "total": time.perf_counter() - t0}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
    print("reference: %d models, %d cases; read %.3f s, figures %.3f s, total %.3f s"
          % (len(models), len(cases), t_read, t_figures, out["seconds"]["total"]), file=sys.stderr)


# ---- comparison with `clinconsensus score` output ---------------------------------------
def read_csv(path):
    import csv
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def compare(args):
    with open(args.reference, encoding="utf-8") as f:
        ref = json.load(f)
    worst, checked, bad = 0.0, 0, []

    def same(what, a, b):
        nonlocal worst, checked
        if a is None or b in ("", None):
            if not ((a is None) and (b in ("", None))):
                bad.append("%s: reference %r, scorer %r" % (what, a, b))
            return
        d = abs(float(a) - float(b))
        worst = max(worst, d)
        checked += 1
        if d > args.tol:
            bad.append("%s: reference %r, scorer %r (|diff| %g)" % (what, a, b, d))

    seen = set()
    for row in read_csv(os.path.join(args.out_dir, "summary.csv")):
        key = "%s|%s|%s" % (row["model"], row["slice"], row["threshold"])
        if key in ref["rows"]:
            seen.add(key)
            r = ref["rows"][key]
            for col in ("cases", "rubrics", "positive", "rubric_accuracy_pct", "pass_at_k_pct", "cacs_at_k_pct"):
                same(key + " " + col, r[col], row[col])
            for col in ("rubric_accuracy", "pass_at_k", "cacs_at_k"):
                if col + "_ci" in r:
                    same(key + " " + col + "_ci_low", r[col + "_ci"][0], row[col + "_ci_low"])
                    same(key + " " + col + "_ci_high", r[col + "_ci"][1], row[col + "_ci_high"])
        elif int(row["threshold"]) == ref["k"]:
            bad.append("%s: in summary.csv, not in the reference" % key)
        elif row["slice"] == "overall" and row["model"] in ref["k_sweep"]:
            kk = int(row["threshold"])
            _, pa, ca = ref["k_sweep"][row["model"]][kk - 1]
            same(key + " pass", pa, row["pass_at_k_pct"])
            same(key + " cacs", ca, row["cacs_at_k_pct"])
    for key in set(ref["rows"]) - seen:
        bad.append("%s: missing from summary.csv" % key)
    for row in read_csv(os.path.join(args.out_dir, "case_scores.csv")):
        r = ref["cases"]["%s|%s" % (row["model"], row["case_id"])]
        same(row["model"] + " " + row["case_id"] + " score", r["rubric_accuracy_pct"], row["rubric_accuracy_pct"])
        same(row["model"] + " " + row["case_id"] + " cacs", r["cacs_at_k_pct"], row["cacs_at_k_pct"])
    for row in read_csv(os.path.join(args.out_dir, "item_analysis.csv")):
        r = ref["items"][row["criterion_id"]]
        same(row["criterion_id"] + " met_share", r["met_share"], row["met_share"])
        same(row["criterion_id"] + " point_biserial", r["point_biserial"], row["point_biserial"])
    with open(os.path.join(args.out_dir, "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    for p in summary["pairwise"]:
        key = "%s|%s|%s" % (p["model_a"], p["model_b"], p["metric"])
        if key not in ref["pairwise"]:
            continue
        r = ref["pairwise"][key]
        same(key + " difference", r["difference"], p["difference"])
        same(key + " ci_low", r["ci"][0], p["ci"][0])
        same(key + " ci_high", r["ci"][1], p["ci"][1])
        same(key + " share_a_leads", r["share_a_leads"], p["share_a_leads"])
        same(key + " share_b_leads", r["share_b_leads"], p["share_b_leads"])
    print("compared %d numbers: largest |difference| %.3g (tolerance %g); %d mismatches"
          % (checked, worst, args.tol, len(bad)))
    for b in bad[:20]:
        print("  " + b)
    return 1 if bad or checked == 0 else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("score")
    s.add_argument("--cases", required=True)
    s.add_argument("--verdicts", nargs="+", required=True)
    s.add_argument("--k", type=int, default=10)
    s.add_argument("--k-sweep", action="store_true")
    s.add_argument("--judge")
    s.add_argument("--bootstrap", type=int, default=0)
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--ci", type=float, default=95)
    s.add_argument("--out", required=True)
    c = sub.add_parser("compare")
    c.add_argument("reference")
    c.add_argument("out_dir")
    c.add_argument("--tol", type=float, default=1e-9)
    args = p.parse_args()
    if args.command == "score":
        score(args)
        return 0
    return compare(args)


if __name__ == "__main__":
    sys.exit(main())
