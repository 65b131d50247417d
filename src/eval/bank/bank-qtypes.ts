// The earlier sets' answer types under the bank's names, so one by-type table covers every corpus.
const BANK_NAMES: Record<string, string> = { howmany: 'number', who: 'person', when: 'date', where: 'place', said: 'opinion' };

/** A question type as the bank names it ("howmany" of the earlier sets is "number"); other names pass through. */
export function bankQtype(qtype: string): string;
export function bankQtype(qtype: string | undefined): string | undefined;
export function bankQtype(qtype: string | undefined): string | undefined {
  return qtype && (BANK_NAMES[qtype] ?? qtype);
}
