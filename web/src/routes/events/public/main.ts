import '../../../styles/global.css';
import './public.css';
import { call, h, show, whenText } from './dom.ts';
import { t } from './i18n.ts';

interface PublicEvent {
  id: string;
  title: string;
  description: string;
  mode: 'in_person' | 'online' | 'both';
  address: string | null;
  postcode: string | null;
  accessibilityNotes: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  organiser: string;
  placesLeft: number | null;
  open: boolean;
  consentQuestions: { key: string; wording: string; required: boolean }[];
  privacyNoticeVersion: string;
  calendarUrl: string;
}

interface Ticket {
  name: string;
  status: 'going' | 'waitlisted' | 'cancelled';
  waitlistPosition: number | null;
  checkInCode: string | null;
  qr: { size: number; path: string } | null;
  checkedIn: boolean;
  onlineUrl: string | null;
  event: Omit<PublicEvent, 'consentQuestions' | 'privacyNoticeVersion'>;
}

const SVG = 'http://www.w3.org/2000/svg';

function problem(text: string): void {
  show(h('h1', { text: t('error') === text ? t('error') : text }));
}

function facts(e: Ticket['event']): HTMLElement {
  const dl = h('dl', { class: 'facts' });
  const add = (label: string, value: string | null | undefined) => {
    if (value) dl.append(h('dt', { text: label }), h('dd', { text: value }));
  };
  add(t('when'), whenText(e));
  if (e.mode !== 'online') add(t('where'), [e.address, e.postcode].filter(Boolean).join(', '));
  if (e.mode !== 'in_person') add(t('where'), t('online'));
  add(t('access'), e.accessibilityNotes);
  return dl;
}

function eventHeader(e: Ticket['event']): Node[] {
  const out: Node[] = [h('h1', { text: e.title }), h('p', { class: 'page-header__lead', text: t('organiser', { name: e.organiser }) })];
  if (e.status === 'cancelled') out.push(h('p', { class: 'notice notice--error', text: e.cancelReason ? `${t('cancelled')} ${e.cancelReason}` : t('cancelled') }));
  if (e.description) out.push(h('p', { class: 'event-description', text: e.description }));
  out.push(facts(e));
  return out;
}

/** The sign-up form, with errors summarised at the top (linked to their fields) and beside each field. */
function rsvpForm(e: PublicEvent): HTMLElement {
  const summary = h('div', { role: 'alert', class: 'error-summary', tabindex: '-1' });
  const field = (name: string, label: string, type: string, autocomplete: string, required = false) => {
    const id = `rsvp-${name}`;
    const input = h('input', { id, name, type, autocomplete, required, 'aria-describedby': `${id}-error` });
    return { el: h('div', { class: 'field' }, h('label', { for: id, text: label }), input, h('span', { id: `${id}-error`, class: 'field-error' })), input };
  };
  const fields = {
    firstName: field('firstName', t('firstName'), 'text', 'given-name', true),
    lastName: field('lastName', t('lastName'), 'text', 'family-name'),
    email: field('email', t('email'), 'email', 'email'),
    phone: field('phone', t('phone'), 'tel', 'tel'),
    postcode: field('postcode', t('postcode'), 'text', 'postal-code'),
  };
  const consents = e.consentQuestions.map((q) => {
    const id = `consent-${q.key}`;
    const box = h('input', { id, type: 'checkbox', name: q.key, required: q.required, 'aria-describedby': `${id}-error` });
    return { q, box, el: h('div', { class: 'checkbox-line consent' }, box, h('label', { for: id, text: q.required ? `${q.wording} ${t('required')}` : q.wording }), h('span', { id: `${id}-error`, class: 'field-error' })) };
  });
  const button = h('button', { type: 'submit', text: t('submit') });
  const form = h('form', { novalidate: true, 'aria-labelledby': 'rsvp-heading' },
    summary,
    ...Object.values(fields).map((f) => f.el),
    consents.length > 0 ? h('fieldset', {}, h('legend', { text: t('consentLegend') }), ...consents.map((c) => c.el)) : null,
    h('p', { class: 'muted', text: t('privacy', { version: e.privacyNoticeVersion }) }),
    h('div', { class: 'actions' }, button),
  );

  const clearErrors = () => {
    summary.replaceChildren();
    form.querySelectorAll('.field-error').forEach((n) => { n.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
  };
  const showErrors = (message: string, details: { path: string; message: string }[]) => {
    const list = h('ul');
    for (const d of details) {
      const key = d.path.replace(/^body\./, '');
      const target = key.startsWith('consents.') ? document.getElementById(`consent-${key.slice(9)}`) : document.getElementById(`rsvp-${key}`);
      if (target) {
        target.setAttribute('aria-invalid', 'true');
        const slot = document.getElementById(`${target.id}-error`);
        if (slot) slot.textContent = d.message;
        list.append(h('li', {}, h('a', { href: `#${target.id}`, text: d.message })));
      } else list.append(h('li', { text: d.message }));
    }
    summary.replaceChildren(h('p', { text: details.length ? t('fix') : message }), list);
    summary.className = 'error-summary notice notice--error';
    summary.focus();
  };

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors();
    button.disabled = true;
    button.textContent = t('sending');
    const value = (k: keyof typeof fields) => fields[k].input.value.trim();
    const body = {
      firstName: value('firstName'), lastName: value('lastName'), email: value('email') || null, phone: value('phone') || null, postcode: value('postcode') || null,
      consents: Object.fromEntries(consents.map((c) => [c.q.key, c.box.checked])), privacyNoticeVersion: e.privacyNoticeVersion,
    };
    const res = await call<{ status: 'going' | 'waitlisted' }>('POST', `/public/events/${e.id}/rsvps`, body);
    button.disabled = false;
    button.textContent = t('submit');
    if (res.data) {
      const done = h('div', { class: 'notice notice--ok', role: 'status', tabindex: '-1' },
        h('h2', { text: res.status === 200 ? t('already') : res.data.status === 'going' ? t('going') : t('waitlisted') }));
      form.replaceWith(done);
      done.focus();
      return;
    }
    if (res.status === 429) return showErrors(t('tooMany'), []);
    const details = Array.isArray(res.error?.details) ? (res.error!.details as { path: string; message: string }[]) : [];
    showErrors(res.error?.message || t('error'), details);
  });
  return form;
}

async function eventPage(id: string): Promise<void> {
  const res = await call<PublicEvent>('GET', `/public/events/${id}`);
  if (!res.data) return problem(res.status === 404 || res.status === 422 ? t('notFound') : t('error'));
  const e = res.data;
  const parts: Node[] = [...eventHeader(e), h('p', {}, h('a', { href: e.calendarUrl, download: `event-${e.id}.ics`, text: t('calendar') }))];
  if (e.open) {
    const section = h('section', { 'aria-labelledby': 'rsvp-heading' }, h('h2', { id: 'rsvp-heading', text: t('formTitle') }), h('p', { text: t('formLead') }));
    if (e.placesLeft === 0) section.append(h('p', { class: 'notice', text: t('full') }));
    else if (e.placesLeft !== null) section.append(h('p', { text: t('placesLeft', { count: e.placesLeft }) }));
    section.append(rsvpForm(e));
    parts.push(section);
  } else if (e.status === 'scheduled') parts.push(h('p', { class: 'notice', text: t('over') }));
  show(...parts);
}

function qrSvg(qr: NonNullable<Ticket['qr']>, code: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${qr.size} ${qr.size}`);
  svg.setAttribute('class', 'ticket-qr');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('ticketQr', { code }));
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', String(qr.size));
  bg.setAttribute('height', String(qr.size));
  bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', qr.path);
  path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}

const tokenFromHash = () => new URLSearchParams(location.hash.slice(1)).get('token') ?? '';

async function ticketPage(): Promise<void> {
  const token = tokenFromHash();
  const res = await call<Ticket>('POST', '/public/tickets', { token });
  if (!res.data) return show(h('h1', { text: t('ticketTitle') }), h('p', { class: 'notice notice--error', text: res.status === 0 ? t('error') : t('badToken') }));
  const k = res.data;
  const parts: Node[] = [h('h1', { text: t('ticketFor', { name: k.name }) }), ...eventHeader(k.event).slice(1), h('h2', { text: k.event.title })];
  if (k.checkedIn) parts.push(h('p', { class: 'notice notice--ok', text: t('ticketCheckedIn') }));
  if (k.status === 'cancelled') parts.push(h('p', { class: 'notice', text: t('ticketCancelled') }));
  if (k.status === 'waitlisted') parts.push(h('p', { class: 'notice', text: t('ticketWaiting', { position: k.waitlistPosition ?? '' }) }));
  if (k.checkInCode && k.qr) parts.push(h('figure', { class: 'ticket' }, qrSvg(k.qr, k.checkInCode), h('figcaption', { class: 'ticket-code', text: t('ticketCode', { code: k.checkInCode }) })));
  if (k.onlineUrl) parts.push(h('p', {}, h('a', { href: k.onlineUrl, text: t('ticketOnline') })));
  parts.push(facts(k.event));
  if (k.status !== 'cancelled' && k.event.status === 'scheduled') parts.push(h('p', {}, h('a', { href: `/e/cancel#token=${encodeURIComponent(token)}`, text: t('ticketCancelLink') })));
  show(...parts);
}

function cancelPage(): void {
  const token = tokenFromHash();
  const result = h('div', { role: 'status' });
  const button = h('button', { type: 'button', class: 'button--danger', text: t('cancelButton') });
  button.addEventListener('click', async () => {
    button.disabled = true;
    const res = await call<{ status: string }>('POST', '/public/tickets/cancel', { token });
    if (res.data) {
      button.remove();
      result.replaceChildren(h('p', { class: 'notice notice--ok', text: t('cancelDone') }));
    } else {
      button.disabled = false;
      result.replaceChildren(h('p', { class: 'notice notice--error', text: res.status === 404 || res.status === 422 ? t('badToken') : res.status === 429 ? t('tooMany') : t('error') }));
    }
  });
  show(h('h1', { text: t('cancelTitle') }), h('p', { text: t('cancelLead') }), result, h('div', { class: 'actions' }, button));
}

const skip = document.querySelector('.skip-link');
if (skip) skip.textContent = t('skip');

// /e/<event id>, /e/ticket#token=…, /e/cancel#token=…
const [, , which] = location.pathname.split('/');
if (which === 'ticket') void ticketPage();
else if (which === 'cancel') cancelPage();
else if (which && /^[0-9a-f-]{36}$/i.test(which)) void eventPage(which);
else problem(t('notFound'));
