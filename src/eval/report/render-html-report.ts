import type { FlippedQuestion } from '../compare/compare-runs.js';
import type { QuestionOutcome } from '../question-outcome.js';
import type { ScoredItem } from '../score/answer-item.js';

/** A metric as the report shows it: its value now, the baseline's when comparing, and its gate when it has one. */
export interface ReportMetric { label: string; value: number; baseline?: number; min?: number; pass?: boolean }

/** Everything one report shows; only `title`, `headline`, `generatedAt` and `metrics` are required. */
export interface ReportInput {
  title: string;
  /** One line: generator, store, date, how many questions, gates passed. */
  headline: string;
  generatedAt: Date;
  metrics: ReportMetric[];
  /** Name of the baseline run, when comparing. */
  baselineLabel?: string;
  misses?: QuestionOutcome[];
  flipped?: FlippedQuestion[];
  items: ScoredItem[];
  notes?: string[];
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const signed = (delta: number) => `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${(Math.abs(delta) * 100).toFixed(1)}`;

const MISS_LABELS: Record<QuestionOutcome['kind'], string> = {
  pass: 'passed',
  'no-gold-cited': 'no gold cited',
  'declined-answerable': 'declined an answerable question',
  'answered-unanswerable': 'answered an unanswerable question',
  'side-mismatch': 'side mismatch',
};

/**
 * A horizontal bar chart, one row per metric: its label on a line of its own (readable at any width), the
 * current run's bar with its value printed on it, and the baseline's thinner bar beside it when comparing.
 */
function chart(metrics: ReportMetric[], baselineLabel?: string): string {
  const width = 400;
  const row = baselineLabel ? 58 : 44;
  const legend = baselineLabel ? 26 : 0;
  const bar = (y: number, value: number, height: number, color: string, text: string) => {
    const w = Math.max(2, Math.min(1, Math.max(0, value)) * (width - 60));
    return `<rect x="0" y="${y}" width="${w.toFixed(1)}" height="${height}" rx="3" fill="${color}"></rect><text x="${(w + 6).toFixed(1)}" y="${y + height - 4}" font-size="13" fill="#1d2430">${escape(text)}</text>`;
  };
  const rows = metrics.map((m, i) => {
    const y = legend + i * row;
    const now = bar(y + 18, m.value, 18, m.pass === false ? '#b23a2a' : '#1f5fbf', pct(m.value));
    const base = baselineLabel && m.baseline !== undefined ? bar(y + 39, m.baseline, 12, '#9aa5b5', pct(m.baseline)) : '';
    return `<text x="0" y="${y + 13}" font-size="13" fill="#1d2430">${escape(m.label)}</text>${now}${base}`;
  }).join('');
  const key = baselineLabel ? `<rect x="0" y="4" width="12" height="12" fill="#1f5fbf"></rect><text x="18" y="15" font-size="12">now</text><rect x="70" y="6" width="12" height="8" fill="#9aa5b5"></rect><text x="88" y="15" font-size="12">${escape(baselineLabel)}</text>` : '';
  const height = legend + metrics.length * row + 4;
  return `<svg data-testid="chart" role="img" aria-label="Metrics${baselineLabel ? ', now and baseline' : ''}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">${key}${rows}</svg>`;
}

function summaryTable(metrics: ReportMetric[], baselineLabel?: string): string {
  const gated = metrics.some((m) => m.min !== undefined);
  const head = `<tr><th>metric</th><th>now</th>${baselineLabel ? `<th>${escape(baselineLabel)}</th><th>change (pts)</th>` : ''}${gated ? '<th>gate</th>' : ''}</tr>`;
  const rows = metrics.map((m) => {
    const delta = m.baseline === undefined ? undefined : m.value - m.baseline;
    const deltaCell = baselineLabel ? `<td>${m.baseline === undefined ? '–' : pct(m.baseline)}</td><td data-testid="metric-delta" class="${delta === undefined || Math.abs(delta) < 1e-9 ? '' : delta > 0 ? 'up' : 'down'}">${delta === undefined ? 'new' : signed(delta)}</td>` : '';
    const gate = gated ? `<td class="${m.pass === false ? 'bad' : ''}">${m.min === undefined ? '' : `${m.pass ? '✓' : '✗ FAIL'} ≥ ${(m.min * 100).toFixed(0)}%`}</td>` : '';
    return `<tr><th>${escape(m.label)}</th><td>${pct(m.value)}</td>${deltaCell}${gate}</tr>`;
  }).join('');
  return `<table data-testid="summary"><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

function missCard(miss: QuestionOutcome): string {
  const gold = miss.gold.length ? `<p class="label">Expected (gold)</p><ul>${miss.gold.map((g) => `<li><mark>${escape(g.quote)}</mark> <small>${escape(g.docId)}</small></li>`).join('')}</ul>` : '';
  const cited = miss.cited.length ? `<p class="label">Cited instead</p><ol>${miss.cited.map((c) => `<li value="${c.n}">${escape(c.quote)} <small>${escape(c.docId)}</small></li>`).join('')}</ol>` : '<p class="label">Cited nothing</p>';
  return `<article class="miss" data-testid="miss" data-split="${escape(miss.split)}" data-kind="${miss.kind}"><h3>${escape(miss.id)} <small>${escape(miss.split)} · ${MISS_LABELS[miss.kind]}</small></h3><p>${escape(miss.question)}</p><p class="why">Why a miss: ${escape(miss.why)}</p>${gold}${cited}</article>`;
}

function filters(misses: QuestionOutcome[]): string {
  const button = (attr: string, value: string, label: string) => `<button type="button" data-filter-${attr}="${escape(value)}">${escape(label)}</button>`;
  const splits = [...new Set(misses.map((m) => m.split))].sort();
  const kinds = [...new Set(misses.map((m) => m.kind))];
  return `<div class="filters" role="group" aria-label="Filter misses">${button('split', '', 'all splits')}${splits.map((s) => button('split', s, s)).join('')} ${button('kind', '', 'all kinds')}${kinds.map((k) => button('kind', k, MISS_LABELS[k])).join('')}</div>`;
}

// Filters show and hide misses by split and kind; the file works without it, and it loads nothing.
const FILTER_SCRIPT = `<script>(() => {
  const state = { split: '', kind: '' };
  const apply = () => document.querySelectorAll('[data-testid="miss"]').forEach((el) => {
    el.hidden = (state.split && el.dataset.split !== state.split) || (state.kind && el.dataset.kind !== state.kind);
  });
  document.querySelectorAll('[data-filter-split],[data-filter-kind]').forEach((b) => b.addEventListener('click', () => {
    if (b.hasAttribute('data-filter-split')) state.split = b.dataset.filterSplit; else state.kind = b.dataset.filterKind;
    document.querySelectorAll('.filters button').forEach((x) => x.setAttribute('aria-pressed', String((x.dataset.filterSplit ?? x.dataset.filterKind) === (x.hasAttribute('data-filter-split') ? state.split : state.kind))));
    apply();
  }));
})();</script>`;

function drillDown(item: ScoredItem): string {
  const quoteOf = (n: number) => item.citations.find((c) => c.n === n);
  const statements = item.statements.map((s) => {
    const cited = s.citations.map((n) => {
      const c = quoteOf(n);
      if (!c) return `<li>[${n}] <b class="bad">no such citation</b></li>`;
      const where = c.docId ? ` <small>${escape(c.docId)}${c.start === undefined ? '' : ` ${c.start}–${c.end}`}</small>` : '';
      const invalid = c.valid ? '' : ` <b class="bad">invalid: ${escape(c.reason ?? '')}</b>`;
      return `<li>[${n}] <mark>${escape(c.quote)}</mark>${where}${invalid}</li>`;
    }).join('');
    return `<div class="statement ${s.supported ? 'ok' : 'bad'}"><p>${s.supported ? '✔' : '✘'} ${escape(s.text)} <small>(${escape(s.reason)}, score ${s.score.toFixed(2)})</small></p>${cited ? `<ul>${cited}</ul>` : ''}</div>`;
  }).join('');
  const outcome = item.outcome ? `${MISS_LABELS[item.outcome]} · ` : '';
  const summary = `${escape(item.id)}${item.question ? ` — ${escape(item.question)}` : ''} <small>${outcome}faithfulness ${pct(item.faithfulness)}, citation recall ${pct(item.citationRecall)}, precision ${pct(item.citationPrecision)}, validity ${pct(item.citationValidity)}</small>`;
  return `<details><summary>${summary}</summary>${statements || '<p>No statements.</p>'}</details>`;
}

const STYLE = `*{box-sizing:border-box}body{font-family:system-ui,sans-serif;margin:0 auto;padding:1rem;color:#1d2430;max-width:1000px;overflow-wrap:anywhere}
h1{font-size:1.4rem}h2{margin-top:2rem}.headline{font-size:1.05rem;padding:.6rem .8rem;border-radius:6px;background:#eef3fb}.headline.fail{background:#fbeeec}
table{border-collapse:collapse;width:100%;table-layout:fixed;overflow-wrap:normal}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:right;vertical-align:top}td{white-space:nowrap}th:first-child{text-align:left;width:40%}
td.up{color:#1e6b3a}td.down{color:#9b2c1f}.bad{color:#9b2c1f}svg{max-width:720px;display:block}
.filters{display:flex;flex-wrap:wrap;gap:.3rem;margin:.5rem 0}.filters button{font:inherit;padding:.2rem .6rem;border:1px solid #9aa5b5;border-radius:4px;background:#fff;cursor:pointer}.filters button[aria-pressed="true"]{background:#1f5fbf;color:#fff}
.miss{border:1px solid #ddd;border-left:4px solid #b23a2a;border-radius:6px;padding:.5rem .8rem;margin:.6rem 0}.miss h3{font-size:1rem;margin:.2rem 0}.miss .label{font-weight:600;margin:.4rem 0 .1rem}.why{color:#9b2c1f}
details{border:1px solid #ddd;border-radius:6px;margin:.4rem 0;padding:.4rem .6rem}summary{cursor:pointer}.statement.ok p{color:#1e6b3a}.statement.bad p{color:#9b2c1f}mark{background:#ffe58a}small{color:#5a6474}
ul,ol{padding-left:1.2rem}@media (max-width:480px){body{padding:.6rem}th,td{padding:.25rem .25rem;font-size:.72rem}th:first-child{width:32%}}`;

/**
 * One self-contained HTML file (no network): a headline, the summary table (with the baseline and a
 * change per metric when comparing), a chart readable at any width, the flipped questions, every miss with
 * what was expected and what was cited (filterable by split and kind), then a drill-down per question.
 */
export function renderHtmlReport(input: ReportInput): string {
  const failing = input.metrics.some((m) => m.pass === false);
  const misses = input.misses ?? [];
  const flipped = input.flipped?.length
    ? `<h2>Flipped since ${escape(input.baselineLabel ?? 'the baseline')}</h2><ul>${input.flipped.map((f) => `<li data-testid="flipped"><b>${escape(f.change)}</b>: ${escape(f.id)} — ${escape(f.question)} <small>(${MISS_LABELS[f.from]} → ${MISS_LABELS[f.to]})</small></li>`).join('')}</ul>`
    : input.baselineLabel ? '<h2>Flipped</h2><p>No question changed outcome.</p>' : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(input.title)}</title>
<style>${STYLE}</style>
</head><body>
<h1>${escape(input.title)}</h1>
<p class="headline${failing ? ' fail' : ''}" data-testid="headline">${escape(input.headline)}</p>
<h2>Summary</h2>
${summaryTable(input.metrics, input.baselineLabel)}
<h2>Chart</h2>
${chart(input.metrics, input.baselineLabel)}
${flipped}
<h2>Misses (${misses.length})</h2>
${misses.length ? filters(misses) + misses.map(missCard).join('\n') : '<p>None.</p>'}
<h2>Per question</h2>
<p><small>Faithfulness is shown after the outcome: an extractive answer quotes its sources verbatim, so it is faithful by construction; faithfulness separates generators that write their own words (llm) from those that quote. Gold cited and declined are what discriminate here. Generated ${escape(input.generatedAt.toISOString())}; definitions in EVAL.md.</small></p>
${(input.notes ?? []).map((n) => `<p>${escape(n)}</p>`).join('')}
${input.items.map(drillDown).join('\n')}
${misses.length ? FILTER_SCRIPT : ''}
</body></html>
`;
}
