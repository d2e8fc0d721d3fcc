/** A tiny element builder for the public pages: no framework, so the page stays small on a phone. */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Replaces the page's main content and moves focus to its heading, so screen readers announce the new page. */
export function show(...children: Child[]): void {
  const main = document.getElementById('main')!;
  main.replaceChildren(...children.filter((c): c is Node | string => !!c));
  const h1 = main.querySelector('h1');
  if (h1) {
    h1.setAttribute('tabindex', '-1');
    document.title = `${h1.textContent ?? ''} · Tredegar`;
  }
}

/** "Thursday 7 May 2026, 19:00 to 21:00" in the event's zone (named when not London). */
export function whenText(e: { startsAt: string; endsAt: string; timeZone: string }): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: e.timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: e.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = new Date(e.startsAt);
  const end = new Date(e.endsAt);
  const same = day.format(start) === day.format(end);
  const text = `${day.format(start)}, ${time.format(start)} to ${same ? time.format(end) : `${day.format(end)}, ${time.format(end)}`}`;
  return e.timeZone === 'Europe/London' ? text : `${text} (${e.timeZone})`;
}

/** JSON in and out of the public API, without cookies; the error body is kept for field messages. */
export async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; data: T | null; error: { code: string; message: string; details?: unknown } | null }> {
  try {
    // Anonymous on purpose: a visitor's session cookie (an organiser trying their own page) would make a write need a CSRF token.
    const res = await fetch(`/api${path}`, { method, credentials: 'omit', headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const json = await res.json().catch(() => null);
    if (!res.ok) return { status: res.status, data: null, error: json?.error ?? { code: 'unknown', message: '' } };
    return { status: res.status, data: json as T, error: null };
  } catch {
    return { status: 0, data: null, error: { code: 'network', message: '' } };
  }
}
