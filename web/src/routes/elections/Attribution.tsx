import { ATTRIBUTION_LINE } from './attribution.ts';

/** The licence line every page showing election figures carries. */
export function Attribution() {
  return <p className="elections-attribution">{ATTRIBUTION_LINE}</p>;
}
