import type { Agreement } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDateTime, sortBy } from '../../api/format.ts';
import { useMe } from '../../api/hooks.ts';
import { ErrorSummary, fieldError, SelectField, StatusMessage, TextAreaField } from '../../components/fields.tsx';

/** Applications to join an agreement in force: anyone signed in applies, leaders decide. */
export function AccessionsSection({ agreementId, status, canDecide }: { agreementId: string; status: Agreement['status']; canDecide: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = !!me.data;
  const accessions = useQuery({ queryKey: ['agreement-accessions', agreementId], queryFn: () => api.getAgreementAccessions({ params: { id: agreementId } }), enabled: signedIn, retry: false });
  if (!signedIn || (status !== 'in_force' && !(accessions.data && accessions.data.length > 0))) return null;
  return (
    <section className="section" aria-labelledby="accessions-heading">
      <h2 id="accessions-heading">{t('agreements.accessionsHeading')}</h2>
      <ul className="comments" data-testid="agreement-accessions">
        {accessions.data?.map((a) => (
          <li key={a.id} className="card">
            <p className="muted small">
              {a.organisationName} · {a.applicantName} · {formatDateTime(a.createdAt)} · {t(`agreements.accessionStatus.${a.status}`)}
            </p>
            <p className="prewrap">{a.motivation}</p>
            {a.reason && <p>{t('agreements.reason')}: {a.reason}</p>}
            {canDecide && a.status === 'pending' && <Decide agreementId={agreementId} accessionId={a.id} />}
          </li>
        ))}
      </ul>
      {status === 'in_force' && <Apply agreementId={agreementId} />}
    </section>
  );
}

function Decide({ agreementId, accessionId }: { agreementId: string; accessionId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approved' | 'declined') => api.decideAgreementAccession({ params: { id: accessionId }, body: { decision, ...(reason ? { reason } : {}) } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['agreement-accessions', agreementId] });
      await queryClient.invalidateQueries({ queryKey: ['agreement', agreementId] });
    },
  });
  return (
    <div>
      <ErrorSummary error={decide.error} scope={`decide-${accessionId}`} />
      <TextAreaField scope={`decide-${accessionId}`} name="reason" label={t('agreements.declineReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={fieldError(decide.error, 'reason')} />
      <div className="button-row">
        <button type="button" className="button" disabled={decide.isPending} onClick={() => decide.mutate('approved')}>
          {t('agreements.approve')}
        </button>
        <button type="button" className="button button--secondary" disabled={decide.isPending} onClick={() => decide.mutate('declined')}>
          {t('agreements.decline')}
        </button>
      </div>
    </div>
  );
}

function Apply({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useQuery({ queryKey: ['organisations', 'all'], queryFn: () => api.getOrganisations({ query: { limit: 1000 } }) });
  const [v, setV] = useState({ organisationId: '', motivation: '' });
  const [sent, setSent] = useState(false);
  const apply = useMutation({
    mutationFn: () => api.applyAgreementAccession({ params: { id: agreementId }, body: v }),
    onSuccess: async () => {
      setSent(true);
      setV({ organisationId: '', motivation: '' });
      await queryClient.invalidateQueries({ queryKey: ['agreement-accessions', agreementId] });
    },
  });
  const labels = { organisationId: t('agreements.organisation'), motivation: t('agreements.motivation') };
  return (
    <form
      className="panel"
      noValidate
      data-testid="accession-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSent(false);
        apply.mutate();
      }}
    >
      <h3>{t('agreements.applyHeading')}</h3>
      {sent && <StatusMessage>{t('agreements.applied')}</StatusMessage>}
      <ErrorSummary error={apply.error} scope="accession" labels={labels} />
      <SelectField scope="accession" name="organisationId" label={labels.organisationId} value={v.organisationId} onChange={(e) => setV({ ...v, organisationId: e.target.value })} options={[{ value: '', label: t('agreements.choose') }, ...sortBy(organisations.data?.items ?? [], (o) => o.name).map((o) => ({ value: o.id, label: o.name }))]} error={fieldError(apply.error, 'organisationId')} required />
      <TextAreaField scope="accession" name="motivation" label={labels.motivation} value={v.motivation} onChange={(e) => setV({ ...v, motivation: e.target.value })} error={fieldError(apply.error, 'motivation')} required />
      <button type="submit" className="button" disabled={apply.isPending}>
        {t('agreements.apply')}
      </button>
    </form>
  );
}
