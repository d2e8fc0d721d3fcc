import { useMutation } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';

/** One organisation's answer from GET /api/audit/verify. */
interface ChainReport {
  orgId: string;
  verified: number;
  verifiedUpTo: { position: number; id: string; createdAt: string } | null;
  head: { position: number; hash: string } | null;
  problem: { kind: 'altered' | 'removed' | 'inserted'; position: number; id: string | null; message: string } | null;
}

/**
 * Checks the hash chain of the log on request (it reads every entry, so not on every visit) and
 * says how far it is intact, or where it breaks.
 */
export function ChainCheck() {
  const { t } = useTranslation();
  const check = useMutation({ mutationFn: () => api<{ items: ChainReport[] }>('/audit/verify') });
  return (
    <section className="audit-chain" aria-labelledby="audit-chain-title">
      <h2 id="audit-chain-title">{t('audit.chain.title')}</h2>
      <p>{t('audit.chain.lead')}</p>
      <Button className="react-aria-Button button--secondary" onPress={() => check.mutate()} isDisabled={check.isPending}>
        {check.isPending ? t('audit.chain.checking') : t('audit.chain.check')}
      </Button>
      <div role="status">
        {check.error && <p className="notice notice--error">{check.error.message}</p>}
        {check.data?.items.map((r) => (r.problem ? (
          <p key={r.orgId} className="notice notice--error">
            {t('audit.chain.broken', { kind: t(`audit.chain.kinds.${r.problem.kind}`), position: r.problem.position, id: r.problem.id ?? '—', upTo: r.verifiedUpTo?.position ?? 0 })}
          </p>
        ) : (
          <p key={r.orgId} className="notice notice--ok">
            {r.verifiedUpTo
              ? t('audit.chain.verified', { count: r.verified, when: formatDateTime(r.verifiedUpTo.createdAt) })
              : t('audit.chain.empty')}
            {r.head && <><br /><span className="muted">{t('audit.chain.head')} </span><code className="audit-id">{r.head.hash}</code></>}
          </p>
        )))}
      </div>
    </section>
  );
}
