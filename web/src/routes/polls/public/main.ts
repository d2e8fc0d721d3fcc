import '../../../styles/global.css';
import '../../events/public/public.css';
import '../polls.css';
import { h, show } from '../../events/public/dom.ts';
import { t } from './i18n.ts';

interface Option { id: string; label: string }
interface LiveQuestion { id: string; kind: 'single_choice' | 'multiple_choice' | 'scale' | 'ranking' | 'open_text'; prompt: string; options: Option[]; scaleMin: number | null; scaleMax: number | null }
interface Result { id: string; kind: LiveQuestion['kind']; prompt: string; responses: number; state: 'open' | 'closed'; options: { id: string; label: string; votes: number; firstChoices: number }[]; scale: { value: number; count: number }[] }
interface State { joinCode: string; eventTitle: string; status: 'open' | 'closed'; openQuestion: LiveQuestion | null; results: Result[] }
interface Vote { questionId: string; optionIds: string[]; value: number | null; text: string | null }
type Answer = { status: number; data: unknown; error: { code: string; message: string } | null };

const codeFromPath = decodeURIComponent(location.pathname.replace(/^\/join\/?/, '').split('/')[0] ?? '').toUpperCase();
const storeKey = (code: string) => `tredegar-poll:${code}`;
let token: string | null = null;
let current: State | null = null;
let shownQuestion: string | null = null;
const votes = new Map<string, Vote>();

/** JSON to and from the poll API, anonymous (no cookies), with the participant's token when there is one. */
async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    if (token) headers['x-poll-token'] = token;
    const res = await fetch(`/api${path}`, { method, credentials: 'omit', headers, body: body ? JSON.stringify(body) : undefined });
    const json = await res.json().catch(() => null);
    return res.ok ? { status: res.status, data: json, error: null } : { status: res.status, data: null, error: json?.error ?? { code: 'unknown', message: '' } };
  } catch {
    return { status: 0, data: null, error: { code: 'network', message: '' } };
  }
}

const problemText = (a: Answer) => (a.status === 404 ? t('unknown') : a.status === 409 ? t('ended') : a.status === 429 ? t('slow') : t('error'));

function codeForm(message?: string): void {
  const input = h('input', { id: 'code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', required: true, maxlength: '12', 'aria-describedby': 'code-hint' + (message ? ' code-error' : ''), ...(message ? { 'aria-invalid': 'true' } : {}) });
  const form = h('form', { novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'code', text: t('codeLabel') }),
      h('span', { id: 'code-hint', class: 'hint', text: t('codeHint') }),
      input,
      message ? h('span', { id: 'code-error', class: 'field-error', text: message }) : null),
    h('button', { type: 'submit', text: t('join') }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const code = input.value.trim().toUpperCase().replace(/[\s-]/g, '');
    if (code) location.assign(`/join/${encodeURIComponent(code)}`);
  });
  show(h('h1', { text: t('enterCode') }), message ? h('p', { class: 'notice notice--error', role: 'alert', text: message }) : null, form);
  (message ? input : document.querySelector('h1') as HTMLElement | null)?.focus();
}

function resultsList(r: Result): HTMLElement {
  const rows = r.kind === 'scale' ? r.scale.map((s) => ({ label: String(s.value), n: s.count })) : r.options.map((o) => ({ label: o.label, n: r.kind === 'ranking' ? o.firstChoices : o.votes }));
  const total = Math.max(r.kind === 'multiple_choice' || r.kind === 'ranking' ? r.responses : rows.reduce((s, x) => s + x.n, 0), 1);
  return h('div', { class: 'poll-results' },
    h('p', { class: 'muted', text: t('results.responses', { count: r.responses }) }),
    r.kind === 'open_text' ? h('p', { class: 'muted', text: t('results.textCount') }) : h('ul', { class: 'poll-bars' }, ...rows.map((x) => {
      const pct = Math.round((x.n / total) * 100);
      const fill = h('span', { class: 'poll-bars__fill' });
      fill.style.width = `${pct}%`;
      return h('li', {}, h('span', { class: 'poll-bars__label', text: x.label }), h('span', { class: 'poll-bars__track', 'aria-hidden': 'true' }, fill), h('span', { class: 'poll-bars__value', text: `${x.n} (${pct}%)` }));
    })));
}

/** The form for one question, with native controls inside a fieldset whose legend is the question. */
function questionForm(q: LiveQuestion): HTMLFormElement {
  const mine = votes.get(q.id);
  const fieldset = h('fieldset', {}, h('legend', { text: q.prompt }));
  const hint = (text: string) => fieldset.append(h('p', { class: 'hint', id: 'q-hint', text }));
  if (q.kind === 'single_choice' || q.kind === 'multiple_choice') {
    hint(q.kind === 'single_choice' ? t('chooseOne') : t('chooseAny'));
    q.options.forEach((o, i) => {
      const id = `opt-${i}`;
      fieldset.append(h('div', { class: 'checkbox-line' },
        h('input', { type: q.kind === 'single_choice' ? 'radio' : 'checkbox', name: 'option', id, value: o.id, checked: !!mine?.optionIds.includes(o.id) }),
        h('label', { for: id, text: o.label })));
    });
  } else if (q.kind === 'scale') {
    hint(t('scaleHint', { min: q.scaleMin, max: q.scaleMax }));
    for (let v = q.scaleMin!; v <= q.scaleMax!; v++) {
      fieldset.append(h('div', { class: 'checkbox-line' },
        h('input', { type: 'radio', name: 'value', id: `val-${v}`, value: String(v), checked: mine?.value === v }),
        h('label', { for: `val-${v}`, text: String(v) })));
    }
  } else if (q.kind === 'ranking') {
    hint(t('rankHint'));
    q.options.forEach((o, i) => {
      const place = mine ? mine.optionIds.indexOf(o.id) + 1 : 0;
      const select = h('select', { id: `rank-${i}`, name: 'rank', 'data-option': o.id },
        h('option', { value: '', text: t('rankNone') }),
        ...q.options.map((_, n) => h('option', { value: String(n + 1), text: String(n + 1), selected: place === n + 1 })));
      fieldset.append(h('div', { class: 'field' }, h('label', { for: `rank-${i}`, text: t('rankPlace', { label: o.label }) }), select));
    });
  } else {
    const area = h('textarea', { id: 'answer-text', name: 'text', maxlength: '500', rows: '4' });
    area.value = mine?.text ?? '';
    fieldset.append(h('div', { class: 'field' }, h('label', { for: 'answer-text', text: t('textLabel') }), area));
  }
  const status = h('p', { role: 'status', id: 'vote-status' });
  const form = h('form', { novalidate: true, 'aria-describedby': 'vote-status' }, fieldset, h('button', { type: 'submit', text: mine ? t('change') : t('submit') }), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    let body: Record<string, unknown>;
    if (q.kind === 'scale') body = { value: Number(data.get('value')) };
    else if (q.kind === 'open_text') body = { text: String(data.get('text') ?? '') };
    else if (q.kind === 'ranking') {
      const ranked = [...form.querySelectorAll('select')].filter((s) => s.value).sort((a, b) => Number(a.value) - Number(b.value)).map((s) => s.dataset.option!);
      body = { optionIds: ranked };
    } else body = { optionIds: data.getAll('option').map(String) };
    const res = await call('POST', '/polls/votes', { questionId: q.id, ...body });
    if (res.error) {
      status.className = 'field-error';
      status.textContent = res.status === 422 || res.status === 409 ? res.error.message || t('error') : problemText(res);
      return;
    }
    votes.set(q.id, { questionId: q.id, optionIds: (body.optionIds as string[]) ?? [], value: (body.value as number) ?? null, text: (body.text as string) ?? null });
    status.className = 'notice notice--ok';
    status.textContent = t('sent');
    form.querySelector('button[type=submit]')!.textContent = t('change');
    renderResults();
  });
  return form;
}

function renderResults(): void {
  const box = document.getElementById('poll-results');
  if (!box || !current) return;
  // A question's results show once the participant has answered it or it has closed, so nobody is led by the room.
  const visible = current.results.filter((r) => r.state === 'closed' || votes.has(r.id));
  box.replaceChildren(...(visible.length ? [h('h2', { text: t('results') }), ...visible.reverse().map((r) => h('section', { class: 'card poll-question' }, h('h3', { text: r.prompt }), resultsList(r)))] : []));
}

/** Draws the page for a state; the question form is redrawn only when the open question changes, so a half-made choice survives new results. */
function render(state: State): void {
  current = state;
  if (!document.getElementById('poll-question')) {
    show(
      h('h1', { text: state.eventTitle }),
      h('p', { class: 'muted', text: t('anonymous') }),
      h('p', { id: 'poll-announce', class: 'visually-hidden', 'aria-live': 'assertive' }),
      h('div', { id: 'poll-question' }),
      h('div', { id: 'poll-results' }),
    );
    shownQuestion = '';
  }
  const openId = state.status === 'open' ? state.openQuestion?.id ?? null : null;
  if (openId !== shownQuestion) {
    const box = document.getElementById('poll-question')!;
    if (state.status === 'closed') box.replaceChildren(h('p', { class: 'notice', text: t('ended') }));
    else if (state.openQuestion) {
      box.replaceChildren(questionForm(state.openQuestion));
      if (shownQuestion !== '') document.getElementById('poll-announce')!.textContent = t('newQuestion', { prompt: state.openQuestion.prompt });
    } else box.replaceChildren(h('p', { text: t('waiting') }));
    shownQuestion = openId;
  }
  renderResults();
}

async function start(): Promise<void> {
  if (!codeFromPath) return codeForm();
  token = localStorage.getItem(storeKey(codeFromPath));
  let state: State | null = null;
  if (token) {
    const me = await call('GET', '/polls/me');
    if (me.data) {
      const d = me.data as { state: State; votes: Vote[] };
      for (const v of d.votes) votes.set(v.questionId, v);
      state = d.state;
    } else token = null;
  }
  if (!state) {
    const rsvpToken = new URLSearchParams(location.hash.slice(1)).get('ticket') ?? undefined;
    const joined = await call('POST', '/polls/join', { code: codeFromPath, ...(rsvpToken ? { rsvpToken } : {}) });
    if (!joined.data) return codeForm(problemText(joined));
    const d = joined.data as { token: string; state: State };
    token = d.token;
    try {
      localStorage.setItem(storeKey(codeFromPath), token);
    } catch {
      // Private browsing: the token lives for this page only.
    }
    state = d.state;
  }
  render(state);
  document.querySelector('h1')?.focus();
  const source = new EventSource(`/api/polls/live/${encodeURIComponent(codeFromPath)}/stream`);
  source.addEventListener('state', (e) => render(JSON.parse((e as MessageEvent<string>).data) as State));
}

void start();
