/**
 * Suggested themes for open-text answers: deterministic, explainable and local (no model, no
 * network). Each answer is reduced to its key terms (lower case, punctuation and common English
 * words dropped, a light suffix-stripping stem), then answers are grouped greedily: the term
 * shared by most of the answers not yet grouped makes a theme of every answer containing it,
 * and so on until no term is shared by two answers or the number of themes is reached. The
 * rest is "Other". A theme says which term made it (`key`) and its label is the words behind
 * its top terms, so a facilitator can see why answers were put together.
 *
 * Everything depends on the set of answers, never on their order: answers are sorted by id
 * first and every tie is broken by text.
 */

export interface ThemeAnswer {
  id: string;
  text: string;
}

export interface SuggestedTheme {
  /** The stem that made the theme; rejecting a suggestion excludes this stem. */
  key: string;
  label: string;
  /** The stems the label is made of (the key first). */
  terms: string[];
  count: number;
  answerIds: string[];
  examples: string[];
}

export interface Suggestions {
  themes: SuggestedTheme[];
  other: { count: number; answerIds: string[]; examples: string[] };
}

export interface SuggestOptions {
  /** Stems not to group by (suggestions a facilitator rejected). */
  exclude?: readonly string[];
  maxThemes?: number;
  /** Answers a term must share to make a theme (at least 2). */
  minSize?: number;
  examples?: number;
}

const STOP = new Set(`a about above after again against all also am an and any are aren't as at be because been before being below between both but by
can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further get got had hadn't has hasn't have haven't
having he her here hers herself him himself his how i i'd i'll i'm i've if in into is isn't it it's its itself just let's like lot lots me more most much
must mustn't my myself need no nor not now of off on once only or other ought our ours ourselves out over own really same shan't she should shouldn't so
some such than that that's the their theirs them themselves then there there's these they they're this those through to too under until up us very
was wasn't we we're we've were weren't what what's when where which while who whom why will with won't would wouldn't you you're your yours yourself
yourselves thing things people make want think know go going yes one two im dont cant ive get`.split(/\s+/));

const VOWEL = /[aeiouy]/;
const DOUBLE = /([bcdfgklmnprtvz])\1$/;

/** A light English stem: plural, -ing, -ed, -ly and a final -e stripped, so "houses", "housing" and "house" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed', 'ly']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && VOWEL.test(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      if (DOUBLE.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** The words of a text, lower case, without punctuation (apostrophes inside words kept). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}

/** The key terms of a text: its words less stop words, numbers and words under three letters, as stems, each once, with the first word seen for each stem. */
export function keyTerms(text: string): Map<string, string> {
  const terms = new Map<string, string>();
  for (const w of words(text)) {
    if (w.length < 3 || STOP.has(w) || /^[0-9']+$/.test(w)) continue;
    const s = stem(w.replace(/'s$/, ''));
    if (s.length < 3 || STOP.has(s)) continue;
    if (!terms.has(s)) terms.set(s, w.replace(/'s$/, ''));
  }
  return terms;
}

/** A label as it is compared: lower case, words only, single spaces. Themes with the same key are combined in roll-ups. */
export function labelKey(label: string): string {
  return words(label).join(' ');
}

const byText = (a: ThemeAnswer, b: ThemeAnswer) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface Parsed {
  answer: ThemeAnswer;
  terms: Map<string, string>;
}

/** The most common surface word for a stem among answers (ties: alphabetical), for a readable label. */
function surface(parsed: Parsed[], s: string): string {
  const counts = new Map<string, number>();
  for (const p of parsed) {
    const w = p.terms.get(s);
    if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? s;
}

/** Examples: the answers carrying most of the theme's terms, then shortest, then by text. */
function examplesOf(group: Parsed[], terms: string[], n: number): string[] {
  const score = (p: Parsed) => terms.filter((t) => p.terms.has(t)).length;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of [...group].sort((a, b) => score(b) - score(a) || a.answer.text.length - b.answer.text.length || byText(a.answer, b.answer))) {
    const key = p.answer.text.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p.answer.text);
    if (out.length === n) break;
  }
  return out;
}

function documentFrequency(parsed: Parsed[], excluded: Set<string>): Map<string, number> {
  const df = new Map<string, number>();
  for (const p of parsed) for (const s of p.terms.keys()) if (!excluded.has(s)) df.set(s, (df.get(s) ?? 0) + 1);
  return df;
}

/** Most frequent first, ties alphabetical: the same choice whatever the order of the answers. */
function best(df: Map<string, number>): [string, number] | null {
  let top: [string, number] | null = null;
  for (const [s, n] of df) if (!top || n > top[1] || (n === top[1] && s < top[0])) top = [s, n];
  return top;
}

/** Suggested themes of a set of answers; see the file's comment for how they are made. */
export function suggestThemes(answers: readonly ThemeAnswer[], opts: SuggestOptions = {}): Suggestions {
  const maxThemes = opts.maxThemes ?? 8;
  const minSize = Math.max(2, opts.minSize ?? 2);
  const nExamples = opts.examples ?? 3;
  const excluded = new Set(opts.exclude ?? []);
  let rest: Parsed[] = [...answers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : byText(a, b))).map((answer) => ({ answer, terms: keyTerms(answer.text) }));
  const themes: SuggestedTheme[] = [];
  while (themes.length < maxThemes) {
    const top = best(documentFrequency(rest, excluded));
    if (!top || top[1] < minSize) break;
    const [key] = top;
    const group = rest.filter((p) => p.terms.has(key));
    rest = rest.filter((p) => !p.terms.has(key));
    // A second term joins the label when it is in at least half of the theme's answers.
    const inGroup = documentFrequency(group, new Set([...excluded, key]));
    const second = best(inGroup);
    const terms = second && second[1] >= minSize && second[1] * 2 >= group.length ? [key, second[0]] : [key];
    const label = terms.map((s) => surface(group, s)).join(', ');
    themes.push({
      key, label: label.charAt(0).toUpperCase() + label.slice(1), terms, count: group.length,
      answerIds: group.map((p) => p.answer.id), examples: examplesOf(group, terms, nExamples),
    });
  }
  return { themes, other: { count: rest.length, answerIds: rest.map((p) => p.answer.id), examples: examplesOf(rest, [], nExamples) } };
}

/** The stems a confirmed theme is recognised by: those of its label and the key terms shared by at least two of its answers. */
export function themeTerms(label: string, answers: readonly ThemeAnswer[]): string[] {
  const terms = new Set(keyTerms(label).keys());
  const df = documentFrequency(answers.map((answer) => ({ answer, terms: keyTerms(answer.text) })), new Set());
  for (const [s, n] of df) if (n >= 2) terms.add(s);
  return [...terms].sort();
}

/**
 * For answers not in any confirmed theme, the confirmed theme each would join: the one sharing
 * most terms with it (ties: the theme's label, then id); none when it shares no term with any.
 */
export function matchConfirmed(answers: readonly ThemeAnswer[], themes: readonly { id: string; label: string; terms: readonly string[] }[]): Map<string, string> {
  const sorted = [...themes].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = new Map<string, string>();
  for (const a of answers) {
    const terms = keyTerms(a.text);
    let pick: { id: string; n: number } | null = null;
    for (const t of sorted) {
      const n = t.terms.filter((s) => terms.has(s)).length;
      if (n > 0 && (!pick || n > pick.n)) pick = { id: t.id, n };
    }
    if (pick) out.set(a.id, pick.id);
  }
  return out;
}
