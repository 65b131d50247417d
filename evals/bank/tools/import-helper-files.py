"""Turns a helper's sentence-id files into the bank's verbatim files under evals/bank/<corpus>/."""
import json, sys, os, collections
IDX = json.load(open(os.environ['BANK_PREP'] + '/sentence-index.json'))
D = os.environ.get('WEDGE_DATA_DIR', '../shared/data') + '/speeches/'
def body_of(doc):
    lines = open(D + doc + '.txt').read().split('\n')
    rest = lines[1:] if lines[0].startswith('President:') else lines
    import re
    return re.sub(r'[ \t]+$', '', '\n'.join(rest), flags=re.M).strip()
BODIES = {}
def written_body(path):
    import re
    text = open(path).read()
    m = re.match(r'^---[ \t]*\n', text)
    rest = text[m.end():]
    c = re.search(r'^---[ \t]*(?:\n|$)', rest, re.M)
    return rest[c.end():]
def quote(c, ref):
    parts = ref.strip().split('+')
    sents = [IDX[c].get(p.strip()) for p in parts]
    if any(s is None for s in sents): return None
    doc = sents[0]['doc']
    if any(s['doc'] != doc for s in sents): return None
    b = BODIES.setdefault(doc, written_body(sents[0]['file']) if 'file' in sents[0] else body_of(doc))
    start, end = min(s['start'] for s in sents), max(s['end'] for s in sents)
    return doc, b[start:end]
def rows(path):
    out = []
    for n, line in enumerate(open(path), 1):
        if not line.strip(): continue
        try: out.append(json.loads(line))
        except Exception as e: print(f'  {path}:{n} bad JSON dropped')
    return out
def main(c):
    w = f"{os.environ['BANK_WORK']}/{c}"; out = f'evals/bank/{c}'
    report = collections.Counter()
    qs = []
    seen = set()
    for r in rows(f'{w}/questions.jsonl'):
        q = r.get('q', '').strip()
        if not q or q.lower() in seen: report['dup/empty question dropped'] += 1; continue
        gold = []
        for ref in r.get('gold', []):
            got = quote(c, ref)
            if got is None: report['bad gold id dropped'] += 1; continue
            if {'docId': got[0], 'quote': got[1]} not in gold: gold.append({'docId': got[0], 'quote': got[1]})
        if not gold: report['question without valid gold dropped'] += 1; continue
        seen.add(q.lower())
        qs.append({'id': f'{c}-q{len(qs)+1:03d}', 'qtype': r['qtype'], 'question': q, 'gold': gold})
    checks = {}
    if os.path.exists(f'{w}/check.jsonl'):
        for r in rows(f'{w}/check.jsonl'): checks[r['id']] = r
    us = []
    for i, r in enumerate(rows(f'{w}/unanswerable.jsonl')):
        uid = f'u{i+1:03d}'
        q = r.get('q', '').strip()
        if not q or q.lower() in seen: report['dup/empty unanswerable dropped'] += 1; continue
        ch = checks.get(uid)
        if ch is None: report['unchecked unanswerable dropped'] += 1; continue
        if ch.get('answered'): report['answered by a sentence (second reader): dropped'] += 1; continue
        seen.add(q.lower())
        row = {'id': f'{c}-u{len(us)+1:03d}', 'kind': r.get('kind', 'near-miss')}
        if r.get('qtype'): row['qtype'] = r['qtype']
        row['question'] = q
        us.append(row)
    sup = []
    if os.path.exists(f'{w}/support.jsonl'):
        for r in rows(f'{w}/support.jsonl'):
            got = quote(c, r.get('s', ''))
            if got is None or not r.get('claim'): report['bad support line dropped'] += 1; continue
            sup.append({'id': f'{c}-p{len(sup)+1:03d}', 'kind': r['kind'], 'statement': r['claim'].strip(), 'docId': got[0], 'cited': got[1], 'supported': bool(r['supported'])})
    st = []
    if os.path.exists(f'{w}/stance.tsv') and os.path.exists(f'{w}/debate.json'):
        labels = {}
        for line in open(f'{w}/stance.tsv'):
            parts = line.strip().split('\t') if '\t' in line else line.strip().split()
            if len(parts) >= 2 and parts[1] in ('pro', 'con', 'neither'): labels[parts[0]] = parts[1]
        for sid in IDX[c]:
            if sid not in labels: report['sentence without stance label'] += 1; continue
            doc, text = quote(c, sid)
            st.append({'id': f'{c}-s{len(st)+1:04d}', 'docId': doc, 'sentence': text, 'stance': labels[sid]})
        meta = json.load(open(f'{out}/corpus.json'))
        meta['debate'] = json.load(open(f'{w}/debate.json'))
        meta['credits']['stance'] = 'debate theses written and every sentence labelled pro / con / neither by a helper who saw only these texts'
        open(f'{out}/corpus.json', 'w').write(json.dumps(meta, indent=2, ensure_ascii=False) + '\n')
    def dump(name, data):
        if data: open(f'{out}/{name}', 'w').write(''.join(json.dumps(d, ensure_ascii=False) + '\n' for d in data))
    dump('questions.jsonl', qs); dump('unanswerable.jsonl', us); dump('support.jsonl', sup); dump('stance.jsonl', st)
    nm = sum(1 for u in us if u['kind'] == 'near-miss')
    print(f'{c}: {len(qs)} answerable, {len(us)} unanswerable ({nm} near misses), {len(sup)} support, {len(st)} stance; {dict(report)}')
for c in sys.argv[1:]: main(c)
