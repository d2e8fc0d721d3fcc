import type { ImpactResult } from './evaluateImpact.ts';

type Findings = Omit<ImpactResult, 'caveats' | 'statement'>;

/** "+2.3" / "−4.1" (a real minus sign) to one decimal place. */
export function signed(x: number): string {
  const r = Math.round(x * 10) / 10;
  if (r === 0) return '0.0';
  return `${r > 0 ? '+' : '−'}${Math.abs(r).toFixed(1)}`;
}

const seats = (n: number) => `${n} ${n === 1 ? 'seat' : 'seats'}`;
const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** The sentence a user can quote: the numbers with their uncertainty and the warning that travels with them. */
export function statementFor(r: Findings): string {
  const share = `${r.partyName}'s share of the vote`;
  return (
    `Between the ${r.from} and ${r.to} elections, ${share} changed by ${signed(r.organised.meanChangePts)} points on average in the ` +
    `${seats(r.organised.seats)} where we organised, against ${signed(r.comparison.meanChangePts)} points in ${seats(r.comparison.seats)} ` +
    `that were comparable at the ${r.from} election (same region, similar ${r.partyName} share and majority), and ${signed(r.regional.changePts)} points ` +
    `across ${list(r.regional.regions)}. The difference between organised and comparable seats is ${signed(r.difference.pts)} points ` +
    `(${r.method.confidencePct}% interval ${signed(r.difference.lowPts)} to ${signed(r.difference.highPts)} points). ` +
    'The seats were not chosen at random, so this is not proof that organising caused the difference.'
  );
}

/** Plain-words warnings that go with every evaluation, plus those its own numbers call for. */
export function caveatsFor(r: Findings): string[] {
  const out = [
    'The organised seats were not chosen at random. They may differ from the comparable seats in ways the matching cannot see: candidates, incumbency, local issues, other campaigns.',
    'A difference is not proof of cause. It fits with organising having made a difference, but other explanations have not been ruled out.',
    `Comparable seats are in the same region as the organised seat and were closest in ${r.partyName} share and majority at the ${r.from} election: up to ${r.method.k} for each organised seat, no more than ${r.method.caliperPts} points away.`,
  ];
  if (r.difference.lowPts <= 0 && r.difference.highPts >= 0) {
    out.push('The interval includes zero: these results cannot tell the difference apart from no difference at all.');
  }
  if (r.organised.seats < 10) {
    out.push(`Only ${seats(r.organised.seats)} could be compared, so the estimate is imprecise and one unusual seat can move it a lot.`);
  }
  if (r.excluded.length > 0) {
    out.push(`${seats(r.excluded.length)} where organising happened ${r.excluded.length === 1 ? 'was' : 'were'} left out (listed with the reasons).`);
  }
  if (r.source.kind === 'records') out.push(r.source.description);
  out.push(`The interval comes from ${r.method.resamples.toLocaleString('en-GB')} bootstrap resamples with seed ${r.method.seed}; the same seed gives the same interval.`);
  return out;
}
