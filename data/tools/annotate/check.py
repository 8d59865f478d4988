#!/usr/bin/env python3
"""Checks an annotation folder: every NAME.gold.jsonl line is JSON with speaker, quote,
label, kind; the quote occurs exactly once in NAME.txt; label and kind are valid.
Usage: python3 check.py FOLDER"""
import json, sys, pathlib
LABELS = {"conciliatory", "sceptical", "hawkish", "neutral"}
KINDS = {"direct", "indirect", "reported", "headline"}
bad = 0; total = 0; counts = {}
for gold in sorted(pathlib.Path(sys.argv[1]).glob("*.gold.jsonl")):
    txt = gold.with_name(gold.name.replace(".gold.jsonl", ".txt"))
    if not txt.exists():
        print(f"{gold}: no {txt.name}"); bad += 1; continue
    text = txt.read_text(encoding="utf-8")
    if "\n\n" not in text:
        print(f"{txt}: needs the headline, a blank line, then paragraphs"); bad += 1
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        total += 1
        try:
            g = json.loads(line)
        except Exception as e:
            print(f"{gold}:{n}: not JSON: {e}"); bad += 1; continue
        for key in ("speaker", "quote", "label", "kind"):
            if not isinstance(g.get(key), str) or not g[key].strip():
                print(f"{gold}:{n}: missing {key}"); bad += 1
        if g.get("label") not in LABELS:
            print(f"{gold}:{n}: label {g.get('label')!r} not one of {sorted(LABELS)}"); bad += 1
        if g.get("kind") not in KINDS:
            print(f"{gold}:{n}: kind {g.get('kind')!r} not one of {sorted(KINDS)}"); bad += 1
        q = g.get("quote", "")
        c = text.count(q) if q else 0
        if c != 1:
            print(f"{gold}:{n}: quote occurs {c} times in {txt.name}: {q!r}"); bad += 1
        counts[g.get("label")] = counts.get(g.get("label"), 0) + 1
print(f"{total} statements, labels {counts}, {bad} problems")
sys.exit(1 if bad else 0)
