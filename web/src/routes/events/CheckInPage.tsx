import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { Breadcrumbs, PageHeader, QueryState, StatusMessage, TextInput, useDebouncedValue } from '../../components/index.ts';
import { AttendeeTable } from './AttendeeTable.tsx';
import { eventKeys, useEvent, type Attendee } from './api.ts';
import './events.css';

// The Shape Detection API where the browser has it (Chrome on Android does); typed entry otherwise.
interface Detector { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> }
type DetectorClass = new (opts: { formats: string[] }) => Detector;
const BarcodeDetectorClass = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

/** Reads QR codes from the camera and hands each new value on; stops when unmounted. */
function Scanner({ onCode, onProblem }: { onCode: (code: string) => void; onProblem: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  // The latest callbacks, without restarting the camera each time the page re-renders.
  const handlers = useRef({ onCode, onProblem });
  useEffect(() => { handlers.current = { onCode, onProblem }; }, [onCode, onProblem]);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    let last = '';
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const detector = new BarcodeDetectorClass!({ formats: ['qr_code'] });
        while (!stopped && video.current) {
          const found = await detector.detect(video.current).catch(() => []);
          const value = found[0]?.rawValue;
          if (value && value !== last) { last = value; handlers.current.onCode(value); }
          await new Promise((r) => setTimeout(r, 300));
        }
      } catch {
        handlers.current.onProblem(t('events.checkIn.scanDenied'));
      }
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [t]);
  return <video ref={video} className="check-in-camera" muted playsInline aria-label={t('events.checkIn.cameraLabel')} />;
}

function WalkIn({ eventId, onDone }: { eventId: string; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ firstName: '', lastName: '', email: '', phone: '', postcode: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof v) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setError(null);
    try {
      const body = { firstName: v.firstName, lastName: v.lastName, email: v.email || null, phone: v.phone || null, postcode: v.postcode || null };
      const a = await api<Attendee>(`/events/${eventId}/walk-ins`, { method: 'POST', body });
      setV({ firstName: '', lastName: '', email: '', phone: '', postcode: '' });
      onDone(t('events.checkIn.walkInDone', { name: a.name }));
    } catch (err) {
      if (err instanceof ApiError) { setErrors(err.fieldErrors()); setError(err.message); } else setError(t('common.error'));
    }
  }
  return (
    <section aria-labelledby="walk-in-heading">
      <h2 id="walk-in-heading">{t('events.checkIn.walkIn')}</h2>
      <p>{t('events.checkIn.walkInLead')}</p>
      <Form onSubmit={submit} validationBehavior="aria" aria-labelledby="walk-in-heading">
        <TextInput label={t('events.checkIn.firstName')} value={v.firstName} onChange={set('firstName')} error={errors['firstName']} isRequired autoComplete="off" />
        <TextInput label={t('events.checkIn.lastName')} value={v.lastName} onChange={set('lastName')} error={errors['lastName']} autoComplete="off" />
        <TextInput label={t('events.checkIn.email')} type="email" value={v.email} onChange={set('email')} error={errors['email']} autoComplete="off" />
        <TextInput label={t('events.checkIn.phone')} type="tel" value={v.phone} onChange={set('phone')} error={errors['phone']} autoComplete="off" />
        <TextInput label={t('events.checkIn.postcode')} value={v.postcode} onChange={set('postcode')} error={errors['postcode']} autoComplete="off" />
        {error && <StatusMessage kind="error">{error}</StatusMessage>}
        <div className="actions"><Button type="submit">{t('events.checkIn.addWalkIn')}</Button></div>
      </Form>
    </section>
  );
}

/** /events/:id/check-in: at the door, by ticket code (typed or scanned), by name, or as a walk-in. */
export function CheckInPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const event = useEvent(id);
  const [code, setCode] = useState('');
  const [q, setQ] = useState('');
  const search = useDebouncedValue(q, 250);
  const [scanning, setScanning] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [codeError, setCodeError] = useState<string | undefined>();

  const checkCode = async (value: string) => {
    setMessage(null);
    setCodeError(undefined);
    try {
      const a = await api<Attendee & { alreadyCheckedIn: boolean }>(`/events/${id}/check-ins`, { method: 'POST', body: { code: value } });
      setMessage({ kind: 'ok', text: a.alreadyCheckedIn ? t('events.checkIn.already', { name: a.name }) : t('events.checkIn.done', { name: a.name }) });
      setCode('');
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
    } catch (err) {
      const text = err instanceof ApiError ? (err.fieldErrors()['code'] ?? err.message) : t('common.error');
      setCodeError(text);
      setMessage({ kind: 'error', text });
    }
  };
  const e = event.data;
  return (
    <>
      <Breadcrumbs items={[{ label: t('events.list.title'), to: '/events' }, { label: e?.title ?? '…', to: `/events/${id}` }, { label: t('events.detail.checkIn') }]} />
      <QueryState isLoading={event.isLoading} error={event.error}>
        {e && (
          <>
            <PageHeader title={t('events.checkIn.title', { title: e.title })} lead={t('events.checkIn.lead')} />
            <p>{t('events.detail.counts', e.counts)}</p>
            <StatusMessage kind={message?.kind}>{message?.text}</StatusMessage>
            <div className="check-in-grid">
              <section aria-labelledby="code-heading">
                <h2 id="code-heading">{t('events.checkIn.code')}</h2>
                <Form onSubmit={(x) => { x.preventDefault(); void checkCode(code); }} validationBehavior="aria" aria-labelledby="code-heading">
                  <TextInput label={t('events.checkIn.code')} hint={t('events.checkIn.codeHint')} value={code} onChange={setCode} error={codeError} isRequired autoComplete="off" />
                  <div className="actions">
                    <Button type="submit">{t('events.checkIn.checkCode')}</Button>
                    {BarcodeDetectorClass && navigator.mediaDevices && (
                      <Button className="react-aria-Button button--secondary" onPress={() => setScanning((s) => !s)}>{scanning ? t('events.checkIn.stopScan') : t('events.checkIn.scan')}</Button>
                    )}
                  </div>
                  {!BarcodeDetectorClass && <p className="muted">{t('events.checkIn.scanUnsupported')}</p>}
                </Form>
                {scanning && <Scanner onCode={checkCode} onProblem={(text) => { setScanning(false); setMessage({ kind: 'error', text }); }} />}
              </section>
              <WalkIn eventId={e.id} onDone={(text) => { setMessage({ kind: 'ok', text }); void queryClient.invalidateQueries({ queryKey: eventKeys.all }); }} />
            </div>
            <section className="event-section" aria-labelledby="list-heading">
              <h2 id="list-heading">{t('events.checkIn.caption')}</h2>
              <TextInput label={t('events.checkIn.search')} value={q} onChange={setQ} type="search" autoComplete="off" />
              <AttendeeTable eventId={e.id} q={search} caption={t('events.checkIn.caption')} checkIn />
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
