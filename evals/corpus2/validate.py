#!/usr/bin/env python3
"""Validate corpus2: front matter, JSONL syntax, unique ids, gold quotes are exact substrings of doc bodies."""
import json, os, re, sys, collections
HERE = os.path.dirname(os.path.abspath(__file__))
REQ = ["id", "title", "author", "date", "kind", "publisher", "notes"]
QTYPES = {"why","how","howmany","who","when","where","said","yesno","compare","what"}
errors = []
docs = {}
for fn in sorted(os.listdir(HERE)):
    if not fn.endswith(".md"): continue
    raw = open(os.path.join(HERE, fn), encoding="utf-8").read()
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
    if not m: errors.append(f"{fn}: no front matter"); continue
    fm = dict(l.split(":", 1) for l in m.group(1).splitlines() if ":" in l)
    fm = {k.strip(): v.strip() for k, v in fm.items()}
    for k in REQ:
        if k not in fm: errors.append(f"{fn}: missing {k}")
    slug = fm.get("id")
    if slug + ".md" != fn: errors.append(f"{fn}: id {slug} != filename")
    docs[slug] = m.group(2)
    print(f"doc {slug}: {len(m.group(2).split())} words, {len([p for p in m.group(2).split(chr(10)+chr(10)) if p.strip()])} paragraphs")
print("total words:", sum(len(b.split()) for b in docs.values()))
def load(fn):
    rows = []
    for n, line in enumerate(open(os.path.join(HERE, fn), encoding="utf-8"), 1):
        if not line.strip(): continue
        try: rows.append(json.loads(line))
        except Exception as e: errors.append(f"{fn}:{n}: bad JSON {e}")
    return rows
qs, us = load("questions.jsonl"), load("unanswerable.jsonl")
ids = [r.get("id") for r in qs + us]
for i, c in collections.Counter(ids).items():
    if c > 1: errors.append(f"duplicate id {i}")
for q in qs:
    if q.get("qtype") not in QTYPES: errors.append(f"{q['id']}: bad qtype")
    if not q.get("question") or not q.get("gold"): errors.append(f"{q['id']}: missing question/gold")
    for g in q.get("gold", []):
        body = docs.get(g.get("docId"))
        if body is None: errors.append(f"{q['id']}: unknown docId {g.get('docId')}")
        elif g["quote"] not in body: errors.append(f"{q['id']}: quote not found: {g['quote'][:60]}")
        elif body.count(g["quote"]) > 1: print(f"note {q['id']}: quote occurs {body.count(g['quote'])}x")
for u in us:
    if u.get("kind") not in {"near-miss", "off-topic"}: errors.append(f"{u['id']}: bad kind")
print("answerable:", len(qs), dict(collections.Counter(q["qtype"] for q in qs)))
print("  per doc:", dict(collections.Counter(g["docId"] for q in qs for g in q["gold"][:1])))
print("  multi-sentence gold:", sum(1 for q in qs if len(q["gold"]) > 1))
print("unanswerable:", len(us), dict(collections.Counter(u["kind"] for u in us)))
if errors:
    print("ERRORS:"); [print(" ", e) for e in errors]; sys.exit(1)
print("OK")
