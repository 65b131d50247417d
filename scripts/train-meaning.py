#!/usr/bin/env python3
"""Trains wedge's meaning model: decomposable attention (Parikh et al., 2016) over frozen GloVe vectors, with one
shared attend/compare encoder and four heads (stance, same point, support, answer). Reads the examples that
bench/meaning/export-meaning-data.ts wrote (train and dev only; test corpora and topics are never exported),
trains on train, picks the epoch by dev, and writes the weights wedge's TypeScript inference reads.

Usage: train-meaning.py DATA_DIR OUT_FILE [--epochs N] [--dim D] [--seed S] [--tasks a,b] [--answer-loss listwise] [--same-loss listwise]
"""
import argparse, json, random, struct, sys, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

TASKS = {'stance': 3, 'same': 2, 'support': 2, 'answer': 2, 'side': 2}
# `side` is stance asked as a choice: does the sentence argue for this thesis? A sentence's theses (both of a debate;
# IBM's one topic and an unrelated one) and "neither" compete in one softmax (--stance-loss listwise trains it from
# the stance examples; the TypeScript reads it in stanceToward).
# Lexical overlap features beside the attention's: share of each side's tokens found in the other, plain and
# weighted by rarity (log of the word's GloVe frequency rank), as answer-selection models add to attention.
LEXICAL = 4


# Soft coverage of each text by the other (three features a side): how much of a question's rare words the window
# accounts for, by the best cosine of each word's vector to the other text's words. Mean and max pooling hide a
# single unmatched focus word ("population" in "How many people live in Moscow?"); these keep it visible.
COVERAGE = 3
# The answer task's typed features, computed in TypeScript (src/answer/typing/window-type-features.ts) and exported
# with each example: what kind of answer the question asks for, and whether and how near the window holds one.
TYPED = ['asks-number', 'asks-date', 'asks-name', 'typed', 'typed-near']
UNCOVERED = 0.6  # a word whose best cosine is below this is not accounted for
CONTENT_RARITY = 4.6  # log(2 + 100): words outside the 100 most frequent count for the minimum


def coverage(ea, eb, ma, mb, wa):
    na = F.normalize(ea, dim=-1); nb = F.normalize(eb, dim=-1)
    cos = (na @ nb.transpose(1, 2)).masked_fill(~mb[:, None, :], -1.0).max(2).values.clamp(min=0)
    total = wa.sum(1).clamp(min=1e-6)
    mean = (cos * wa).sum(1) / total
    uncovered = ((cos < UNCOVERED).float() * wa).sum(1) / total
    content = ma & (wa >= CONTENT_RARITY)
    least = cos.masked_fill(~content, 1.0).min(1).values
    return torch.stack([mean, uncovered, least], -1)


class MeaningModel(nn.Module):
    def __init__(self, vectors, dim, tasks, coverage=False, dropout=0.0, typed=False):
        super().__init__()
        self.coverage = coverage
        self.typed = typed
        # Dropout on the heads' input (training only; inference is unchanged): the answer head overfits a few thousand questions.
        self.dropout = nn.Dropout(dropout)
        lexical = LEXICAL + (2 * COVERAGE if coverage else 0) + (len(TYPED) if typed else 0)
        self.emb = nn.Embedding.from_pretrained(vectors, freeze=True, padding_idx=0)
        # Each token also carries one exact-match bit (its word occurs in the other text), as DrQA's readers do.
        k = vectors.shape[1] + 1
        self.attend = nn.Linear(k, dim)
        self.compare_self = nn.Linear(k, dim)
        self.compare_aligned = nn.Linear(k, dim, bias=False)
        self.heads = nn.ModuleDict({t: nn.Sequential(nn.Linear(8 * dim + lexical, dim), nn.ReLU(), nn.Linear(dim, TASKS[t])) for t in tasks})

    def forward(self, a, b, task, wa, wb, x=None):
        ma, mb = (a > 0), (b > 0)
        same = (a[:, :, None] == b[:, None, :]) & ma[:, :, None] & mb[:, None, :]
        hit_a, hit_b = same.any(2).float(), same.any(1).float()
        lexical = torch.stack([
            hit_a.sum(1) / ma.sum(1).clamp(min=1), hit_b.sum(1) / mb.sum(1).clamp(min=1),
            (hit_a * wa).sum(1) / wa.sum(1).clamp(min=1e-6), (hit_b * wb).sum(1) / wb.sum(1).clamp(min=1e-6)], -1)
        if self.coverage:
            lexical = torch.cat([lexical, coverage(self.emb(a), self.emb(b), ma, mb, wa), coverage(self.emb(b), self.emb(a), mb, ma, wb)], -1)
        if self.typed: lexical = torch.cat([lexical, x], -1)
        ea = torch.cat([self.emb(a), same.any(2, keepdim=True).float()], -1)
        eb = torch.cat([self.emb(b), same.any(1)[..., None].float()], -1)
        fa, fb = F.relu(self.attend(ea)), F.relu(self.attend(eb))
        e = fa @ fb.transpose(1, 2)
        to_b = torch.softmax(e.masked_fill(~mb[:, None, :], -1e9), dim=2)
        to_a = torch.softmax(e.masked_fill(~ma[:, :, None], -1e9), dim=1)
        va = F.relu(self.compare_self(ea) + to_b @ self.compare_aligned(eb))
        vb = F.relu(self.compare_self(eb) + to_a.transpose(1, 2) @ self.compare_aligned(ea))
        def pool(v, m):
            m = m[..., None].float()
            return torch.cat([(v * m).sum(1) / m.sum(1).clamp(min=1), (v * m).max(1).values], -1)
        u, w = pool(va, ma), pool(vb, mb)
        return self.heads[task](self.dropout(torch.cat([u, w, u * w, (u - w).abs(), lexical], -1)))


RARITY = None  # log(2 + GloVe rank) per local id (+1 for padding), set in main


def batches(rows, size, shuffle, rng):
    # Batches of similar lengths waste little on padding; their order is shuffled, not their contents.
    order = sorted(range(len(rows)), key=lambda j: (len(rows[j]['a']) + len(rows[j]['b']), rng.random() if shuffle else j))
    starts = list(range(0, len(order), size))
    if shuffle: rng.shuffle(starts)
    for i in starts:
        chunk = [rows[j] for j in order[i:i + size]]
        la, lb = max(len(r['a']) for r in chunk), max(len(r['b']) for r in chunk)
        a = torch.zeros(len(chunk), la, dtype=torch.long); b = torch.zeros(len(chunk), lb, dtype=torch.long)
        for k, r in enumerate(chunk):
            a[k, :len(r['a'])] = torch.tensor(r['a']) + 1
            b[k, :len(r['b'])] = torch.tensor(r['b']) + 1
        x = torch.tensor([r.get('x', [0.0] * len(TYPED)) for r in chunk], dtype=torch.float)
        yield a, b, torch.tensor([r['y'] for r in chunk]), chunk, RARITY[a] * (a > 0), RARITY[b] * (b > 0), x


def predict(model, rows):
    model.eval(); out = []
    with torch.no_grad():
        for task in model.heads:
            mine = [r for r in rows if r['t'] == task]
            for a, b, _, chunk, wa, wb, x in batches(mine, 256, False, None):
                p = torch.softmax(model(a, b, task, wa, wb, x), -1).numpy()
                out.extend(zip(chunk, p))
    model.train(); return out


def auc(scores, labels):
    pos = [s for s, y in zip(scores, labels) if y]; neg = [s for s, y in zip(scores, labels) if not y]
    if not pos or not neg: return float('nan')
    neg = np.sort(np.array(neg)); return float(np.mean([np.searchsorted(neg, s) / len(neg) for s in pos]))


def dev_figures(model, dev):
    pred = predict(model, dev); fig = {}
    stance = [(r, p) for r, p in pred if r['t'] == 'stance']
    if stance:
        fig['stance_acc'] = float(np.mean([p.argmax() == r['y'] for r, p in stance]))
        fig['stance_bank_acc'] = float(np.mean([p.argmax() == r['y'] for r, p in stance if r.get('g') == 'bank']))
    same = [(r, p) for r, p in pred if r['t'] == 'same']
    if same:
        tp = sum(1 for r, p in same if p[1] > 0.5 and r['y']); fp = sum(1 for r, p in same if p[1] > 0.5 and not r['y']); fn = sum(1 for r, p in same if p[1] <= 0.5 and r['y'])
        fig['same_f1'] = 2 * tp / max(1, 2 * tp + fp + fn)
        # Key point analysis's decision (src/meaning/match-key-points.ts): each argument makes at most its best key
        # point, when that clears a threshold; the best F1 over thresholds, and where.
        args_ = {}
        for r, p in same: args_.setdefault(r['g'], []).append((p[1], r['y']))
        positives = sum(y for g in args_.values() for _, y in g)
        best = (0.0, 0.0)
        for t in [i / 20 for i in range(1, 20)]:
            picked = [max(g) for g in args_.values() if max(g)[0] >= t]
            tp = sum(y for _, y in picked)
            f1 = 2 * tp / max(1, len(picked) + positives)
            if f1 > best[0]: best = (f1, t)
        fig['same_kpa_f1'], fig['same_kpa_threshold'] = best
    side = [(r, p) for r, p in pred if r['t'] == 'side']
    if side:
        # A sentence is right when the thesis scored highest (or none, if no score beats 0) is the one it argues for.
        groups = {}
        for r, p in side: groups.setdefault(r['g'], []).append((float(np.log(p[1] + 1e-9) - np.log(p[0] + 1e-9)), r['y'], r.get('h')))
        def right(g):
            best = max(g)
            return (best[1] == 1) if best[0] > 0 else not any(y for _, y, _ in g)
        fig['side_acc'] = float(np.mean([right(g) for g in groups.values()]))
        fig['side_bank_acc'] = float(np.mean([right(g) for g in groups.values() if g[0][2] == 'bank']))
    sup = [(r, p) for r, p in pred if r['t'] == 'support']
    if sup: fig['support_acc'] = float(np.mean([(p[1] > 0.5) == bool(r['y']) for r, p in sup]))
    ans = [(r, p) for r, p in pred if r['t'] == 'answer']
    if ans:
        groups = {}
        for r, p in ans: groups.setdefault(r['g'], []).append((p[1], r['y']))
        answerable = [g for g in groups.values() if any(y for _, y in g)]
        fig['answer_top1'] = float(np.mean([max(g)[1] == 1 for g in answerable]))
        fig['answer_auc'] = auc([p[1] for r, p in ans], [r['y'] for r, p in ans])
        # The eval's figure: an unanswerable question's best window against an answerable one's best gold window.
        unanswerable = [g for g in groups.values() if not any(y for _, y in g)]
        fig['answer_unanswerable_auc'] = auc([max(p for p, y in g if y) for g in answerable] + [max(p for p, _ in g) for g in unanswerable], [1] * len(answerable) + [0] * len(unanswerable))
    return fig


def selection_score(fig, same_key='same_f1'):
    """The mean of the dev figures of the heads being trained: the epoch kept is the one where it is highest. A
    listwise same-point head is judged as it is used, by key point analysis's F1 (same_kpa_f1)."""
    keys = [k for k in ('stance_bank_acc', 'side_bank_acc', same_key, 'support_acc', 'answer_top1', 'answer_unanswerable_auc') if k in fig]
    return float(np.mean([fig[k] for k in keys]))


def listwise_batches(rows, groups_per_batch, rng, drop_gold=0.0):
    """Whole questions at a time: each batch holds every candidate window of a few questions, with their group ids.
    With drop_gold, an answerable question is also shown, with that probability, without its gold windows and
    labelled "no answer" (SQuAD 2.0 built unanswerable questions the same way: the answer taken away, the
    distracting context kept). What is left is what the answerer would quote for a near miss: windows that share
    the question's words but do not state its answer."""
    by_group = {}
    for r in rows: by_group.setdefault(r['g'], []).append(r)
    if drop_gold > 0:
        for g, group in list(by_group.items()):
            rest = [r for r in group if not r['y']]
            if len(rest) < len(group) and rest and rng.random() < drop_gold: by_group[f'{g}#dropped'] = rest
    keys = sorted(by_group); rng.shuffle(keys)
    for i in range(0, len(keys), groups_per_batch):
        chunk = [r for k in keys[i:i + groups_per_batch] for r in by_group[k]]
        for a, b, y, rows_, wa, wb, x in batches(chunk, len(chunk), False, None):
            yield a, b, y, [r['g'] for r in rows_], wa, wb, x


def listwise_loss(logits, y, groups, each_gold=False):
    """Shared normalisation with a no-answer option (Clark & Gardner 2018; SQuAD 2.0's no-answer): within one
    question, a window's score is s = logit(yes) - logit(no) and the no-answer option scores 0. An answerable
    question maximises the probability of its gold windows, an unanswerable one that of no answer, so a score above
    0 means "a better answer than none" across questions, not only within one."""
    s = logits[:, 1] - logits[:, 0]; losses = []
    index = {}
    for i, g in enumerate(groups): index.setdefault(g, []).append(i)
    for ids in index.values():
        ids = torch.tensor(ids)
        scores = torch.cat([s[ids], torch.zeros(1)])
        gold = torch.cat([y[ids].bool(), torch.tensor([not bool(y[ids].any())])])
        if each_gold and gold[:-1].sum() > 1:
            # Each gold window against the non-gold ones and no answer (the multi-positive contrastive loss of
            # Khosla et al. 2020): a question with several gold windows cannot be satisfied by their total.
            others = scores[~gold]
            losses.append(torch.stack([torch.logsumexp(torch.cat([scores[i:i + 1], others]), 0) - scores[i] for i in torch.nonzero(gold).flatten()]).mean())
        else:
            losses.append(torch.logsumexp(scores, 0) - torch.logsumexp(scores[gold], 0))
    return torch.stack(losses).mean()


def export(model, out, meta):
    tensors = [(n, p.detach().numpy().astype('<f4')) for n, p in model.named_parameters() if not n.startswith('emb.')]
    header, offset = [], 0
    for n, t in tensors:
        header.append({'name': n, 'shape': list(t.shape), 'offset': offset}); offset += t.size
    head = json.dumps({**meta, 'tensors': header}).encode()
    with open(out, 'wb') as f:
        f.write(b'WEDGEMEANING1\n'); f.write(struct.pack('<I', len(head))); f.write(head)
        for _, t in tensors: f.write(t.tobytes())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('data'); ap.add_argument('out')
    ap.add_argument('--epochs', type=int, default=6); ap.add_argument('--dim', type=int, default=64); ap.add_argument('--seed', type=int, default=13)
    ap.add_argument('--lr', type=float, default=1e-3); ap.add_argument('--batch', type=int, default=64)
    # IBM's crowd arguments outnumber the bank's stance sentences; an epoch samples at most this many of them.
    ap.add_argument('--ibm-stance', type=int, default=8000)
    ap.add_argument('--tasks', default=','.join(TASKS), help='heads to train (a model may hold a subset)')
    ap.add_argument('--answer-loss', choices=['pointwise', 'listwise'], default='pointwise')
    ap.add_argument('--same-loss', choices=['pointwise', 'listwise'], default='pointwise', help='listwise: an argument\'s key points and "none" in one softmax, as key point analysis decides')
    ap.add_argument('--stance-loss', choices=['pointwise', 'listwise'], default='pointwise', help='listwise: the side head, a sentence\'s theses and "neither" in one softmax')
    ap.add_argument('--support-guarded', action='store_true', help='train and choose the support head only on pairs the judge\'s guards let through')
    ap.add_argument('--groups', type=int, default=8, help='questions per listwise batch')
    ap.add_argument('--each-gold', action='store_true', help='listwise: each gold window must beat the others, not only their total')
    ap.add_argument('--drop-gold', type=float, default=0.0, help='listwise: share of answerable questions also shown without their gold windows, as "no answer"')
    ap.add_argument('--dropout', type=float, default=0.0, help='dropout on the heads\' input while training')
    ap.add_argument('--typed', action='store_true', help='the answer head also reads the typed features exported with each example')
    ap.add_argument('--coverage', action='store_true', help='add the soft-coverage features to the heads\' input')
    args = ap.parse_args()
    tasks = [t for t in args.tasks.split(',') if t]
    if args.stance_loss == 'listwise': tasks = ['side' if t == 'stance' else t for t in tasks]
    assert all(t in TASKS for t in tasks), f'unknown task in {args.tasks}'
    random.seed(args.seed); np.random.seed(args.seed); torch.manual_seed(args.seed); torch.set_num_threads(2)
    info = json.load(open(f'{args.data}/vectors.json'))
    raw = np.fromfile(f'{args.data}/vectors.f32', dtype='<f4').reshape(info['rows'], info['dimensions'])
    vectors = torch.cat([torch.zeros(1, info['dimensions']), torch.from_numpy(raw)])
    rows = [json.loads(l) for l in open(f'{args.data}/examples.jsonl')]
    rows = [r for r in rows if r['t'] in tasks or (r['t'] == 'stance' and 'side' in tasks)]
    # The support head as the judge would use it: only on the pairs every rule's guard lets through (the rules'
    # verdict exported as r: 1 partial, 2 supported), so it learns the contrasts the guards do not cover.
    if args.support_guarded: rows = [r for r in rows if r['t'] != 'support' or r.get('r', 2) >= 1]
    # Stance as a choice between theses: each stance example becomes "does the sentence argue for this thesis", and a
    # sentence's examples (the same second text) compete; the 3-class label says whether this thesis is the one.
    if args.stance_loss == 'listwise':
        for r in rows:
            if r['t'] == 'stance':
                r['h'] = r.get('g', 'ibm'); r['t'] = 'side'; r['y'] = 1 if r['y'] == 0 else 0
                r['g'] = 'side:' + r['h'] + ':' + ','.join(map(str, r['b']))
    # Same-point pairs are grouped by the argument (the second text): an argument's candidate key points compete.
    for r in rows:
        if r['t'] == 'same': r['g'] = 'same:' + ','.join(map(str, r['b']))
    global RARITY
    RARITY = torch.cat([torch.zeros(1), torch.log(2 + torch.tensor(json.load(open(f'{args.data}/ranks.json')), dtype=torch.float))])
    train = [r for r in rows if r['s'] == 'train']; dev = [r for r in rows if r['s'] == 'dev']
    print(f'{len(train)} train, {len(dev)} dev examples', file=sys.stderr)
    model = MeaningModel(vectors, args.dim, tasks, args.coverage, args.dropout, args.typed)
    opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    rng = random.Random(args.seed)
    by_task = {t: [r for r in train if r['t'] == t] for t in tasks}
    best, best_state, history = -1, None, []
    for epoch in range(args.epochs):
        start = time.time(); plan = []
        for t, mine in by_task.items():
            if t == 'stance':
                ibm = [r for r in mine if r.get('g') != 'bank']
                mine = [r for r in mine if r.get('g') == 'bank'] + rng.sample(ibm, min(args.ibm_stance, len(ibm)))
            if t == 'side':
                ibm = list({r['g']: None for r in mine if r['h'] != 'bank'})
                keep = set(rng.sample(ibm, min(args.ibm_stance, len(ibm))))
                mine = [r for r in mine if r['h'] == 'bank' or r['g'] in keep]
                plan.extend(('side-listwise', x) for x in listwise_batches(mine, args.groups, rng)); continue
            if t == 'same' and args.same_loss == 'listwise':
                plan.extend(('same-listwise', x) for x in listwise_batches(mine, args.groups, rng)); continue
            if t == 'answer' and args.answer_loss == 'listwise':
                plan.extend(('answer-listwise', x) for x in listwise_batches(mine, args.groups, rng, args.drop_gold)); continue
            if t == 'answer': mine = [r for r in mine if r.get('c', 1)]
            plan.extend((t, x) for x in batches(mine, args.batch, True, rng))
        rng.shuffle(plan); total = 0.0
        for t, (a, b, y, extra, wa, wb, x) in plan:
            if t == 'answer-listwise': loss = listwise_loss(model(a, b, 'answer', wa, wb, x), y, extra, args.each_gold)
            elif t == 'same-listwise': loss = listwise_loss(model(a, b, 'same', wa, wb, x), y, extra)
            elif t == 'side-listwise': loss = listwise_loss(model(a, b, 'side', wa, wb, x), y, extra)
            else: loss = F.cross_entropy(model(a, b, t, wa, wb, x), y)
            opt.zero_grad(); loss.backward(); opt.step(); total += loss.item()
        fig = dev_figures(model, dev)
        score = selection_score(fig, 'same_kpa_f1' if args.same_loss == 'listwise' else 'same_f1')
        history.append({'epoch': epoch + 1, 'loss': total / len(plan), **fig})
        print(f'epoch {epoch + 1}: loss {total / len(plan):.3f} {json.dumps({k: round(v, 3) for k, v in fig.items()})} ({time.time() - start:.0f} s)', file=sys.stderr)
        if score > best: best, best_state = score, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    meta = {'architecture': 'decomposable-attention', 'dim': args.dim, 'lexical': LEXICAL + (2 * COVERAGE if args.coverage else 0) + (len(TYPED) if args.typed else 0), 'coverage': args.coverage, 'extra': TYPED if args.typed else [], 'inputDimensions': info['dimensions'], 'tasks': {t: TASKS[t] for t in tasks},
            'seed': args.seed, 'epochs': args.epochs, 'ibmStance': args.ibm_stance, 'lr': args.lr, 'batch': args.batch, 'answerLoss': args.answer_loss, 'sameLoss': args.same_loss, 'stanceLoss': args.stance_loss, 'supportGuarded': args.support_guarded, 'eachGold': args.each_gold, 'dropGold': args.drop_gold, 'dropout': args.dropout,
            'history': history, 'dev': dev_figures(model, dev)}
    # A listwise same-point head's probabilities are not calibrated at 0.5: the threshold it was chosen at travels with it.
    if args.same_loss == 'listwise' and 'same_kpa_threshold' in meta['dev']: meta['thresholds'] = {'same': meta['dev']['same_kpa_threshold']}
    # A few dev examples with their GloVe rows and this model's probabilities: wedge's tests score them again in
    # TypeScript, so an export or inference that drifts from training cannot land.
    ranks = json.load(open(f'{args.data}/ranks.json'))
    rng2 = random.Random(args.seed); sample = []
    for task in tasks:
        mine = [r for r in dev if r['t'] == task]; sample.extend(rng2.sample(mine, min(8, len(mine))))
    meta['parity'] = [{'task': r['t'], 'a': [ranks[i] for i in r['a']], 'b': [ranks[i] for i in r['b']], 'p': [float(x) for x in p], **({'x': r['x']} if args.typed else {})} for r, p in predict(model, sample)]
    export(model, args.out, meta)
    print(json.dumps(meta['dev']))


if __name__ == '__main__':
    main()
