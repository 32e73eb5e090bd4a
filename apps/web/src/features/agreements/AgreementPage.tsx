import type { Agreement, AgreementSection } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDate, formatDateTime, sortBy } from '../../api/format.ts';
import { useMe } from '../../api/hooks.ts';
import { QueryPage } from '../../app/QueryPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DocumentUploadForm } from '../../components/DocumentUploadForm.tsx';
import { CheckboxField, ErrorSummary, fieldError, RadioGroup, SelectField, StatusMessage, TextAreaField, TextField } from '../../components/fields.tsx';
import { enumLabel } from '../../i18n/labels.ts';
import { AdoptionProgress, agreementKeys } from './AgreementsPage.tsx';
import { AccessionsSection } from './AccessionsSection.tsx';
import { CommentsSection } from './CommentsSection.tsx';
import { ExtractLink, SectionText, SignatureTable } from './parts.tsx';

/** One agreement: its text and versions, parties and their decisions, signatures. */
export function AgreementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const agreement = useQuery({ queryKey: agreementKeys.one(id), queryFn: () => api.getAgreement({ params: { id } }), retry: false });
  usePageTitle(agreement.data?.title ?? t('agreements.agreement'));
  return (
    <QueryPage query={agreement} heading={t('agreements.agreement')}>
      {(data) => <AgreementView agreement={data} />}
    </QueryPage>
  );
}

const NEXT_STATUS: Record<Agreement['status'], ('draft' | 'remiss' | 'adoption' | 'ended' | 'replaced')[]> = {
  draft: ['remiss', 'adoption'],
  remiss: ['adoption', 'draft'],
  adoption: ['remiss', 'draft', 'ended'],
  in_force: ['ended', 'replaced'],
  ended: [],
  replaced: [],
};

function useAgreementUpdate(agreement: Agreement) {
  const queryClient = useQueryClient();
  return async (next: Agreement) => {
    queryClient.setQueryData(agreementKeys.one(agreement.id), next);
    await queryClient.invalidateQueries({ queryKey: agreementKeys.list(agreement.spaceId) });
  };
}

function AgreementView({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const can = (action: Agreement['allowedActions'][number]) => agreement.allowedActions.includes(action);
  const onSaved = useAgreementUpdate(agreement);
  const status = useMutation({
    mutationFn: (to: (typeof NEXT_STATUS)[Agreement['status']][number]) => api.patchAgreement({ params: { id: agreement.id }, body: { status: to } }),
    onSuccess: onSaved,
  });
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to={`/spaces/${agreement.spaceId}/agreements`}>{t('agreements.backTo', { name: agreement.spaceName })}</Link>
      </p>
      <h1>{agreement.title}</h1>
      <p className="tags">
        <span className="tag" data-testid="agreement-status">
          {enumLabel(t, 'agreementStatus', agreement.status)}
        </span>
        <span className="tag">{t('agreements.versionTag', { number: agreement.currentVersion })}</span>
      </p>
      {agreement.summary && <p className="lead">{agreement.summary}</p>}
      <p>
        <AdoptionProgress agreement={agreement} />
        {agreement.inForceSince && agreement.status === 'in_force' && <> · {t('agreements.inForceSince', { date: formatDate(agreement.inForceSince) })}</>}
      </p>
      {agreement.readoptionNeeded && (
        <p className="notice" role="note" data-testid="readoption-notice">
          {t('agreements.readoption', { version: agreement.currentVersion, inForce: agreement.inForceVersion })}
        </p>
      )}
      <p className="actions">
        {agreement.inForceVersion !== null && <Link to={`/agreements/${agreement.id}/public`}>{t('agreements.publicPage')}</Link>}{' '}
        <a href={`/api/agreements/${agreement.id}/export.docx`} download>
          {t('agreements.exportDocx')}
        </a>{' '}
        <a href={`/api/agreements/${agreement.id}/export.pdf`} download>
          {t('agreements.exportPdf')}
        </a>
      </p>
      {can('update') && NEXT_STATUS[agreement.status].length > 0 && (
        <section className="section" aria-labelledby="status-heading">
          <h2 id="status-heading">{t('agreements.statusHeading')}</h2>
          <ErrorSummary error={status.error} scope="agreement-status" />
          <div className="button-row">
            {NEXT_STATUS[agreement.status].map((to) => (
              <button key={to} type="button" className="button button--secondary" disabled={status.isPending} onClick={() => status.mutate(to)}>
                {t(`agreements.moveTo.${to}`)}
              </button>
            ))}
          </div>
        </section>
      )}

      <section className="section" aria-labelledby="text-heading">
        <h2 id="text-heading">{t('agreements.textHeading', { number: agreement.currentVersion })}</h2>
        <SectionText sections={agreement.sections} />
        <p className="muted small">{t('agreements.sha', { sha: agreement.sha256 })}</p>
        {can('update') && agreement.status !== 'ended' && agreement.status !== 'replaced' && <EditSections agreement={agreement} onSaved={onSaved} />}
      </section>

      {agreement.plans && agreement.plans.length > 0 && (
        <section className="section" aria-labelledby="plans-heading">
          <h2 id="plans-heading">{t('agreements.plansHeading')}</h2>
          <ul>
            {agreement.plans.map((p) => (
              <li key={p.id}>
                <Link to={`/action-plans/${p.id}`}>{p.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Versions agreement={agreement} />
      <Parties agreement={agreement} onSaved={onSaved} />
      {can('record_adoption') && <RecordAdoption agreement={agreement} onSaved={onSaved} />}
      <Signing agreement={agreement} onSaved={onSaved} />
      <CommentsSection agreement={agreement} />
      <AccessionsSection agreementId={agreement.id} status={agreement.status} canDecide={can('decide_accessions')} />
    </div>
  );
}

function EditSections({ agreement, onSaved }: { agreement: Agreement; onSaved: (a: Agreement) => Promise<void> }) {
  const { t } = useTranslation();
  const [sections, setSections] = useState<AgreementSection[]>(agreement.sections.length ? agreement.sections : [{ heading: '', text: '' }]);
  const [revise, setRevise] = useState(false);
  const [saved, setSaved] = useState(false);
  const adopted = agreement.versions.find((v) => v.number === agreement.currentVersion)?.adoptedBy.length ?? 0;
  const save = useMutation({
    mutationFn: () => api.patchAgreement({ params: { id: agreement.id }, body: { baseVersion: agreement.currentVersion, sections, ...(revise ? { revise: true } : {}) } }),
    onSuccess: async (next) => {
      setSaved(true);
      setRevise(false);
      await onSaved(next);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate();
  };
  const change = (index: number, patch: Partial<AgreementSection>) => setSections(sections.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <details className="panel">
      <summary>{t('agreements.editText')}</summary>
      <form onSubmit={submit} noValidate data-testid="sections-form">
        <ErrorSummary error={save.error} scope="section" />
        {saved && <StatusMessage>{t('agreements.savedVersion', { number: agreement.currentVersion })}</StatusMessage>}
        {sections.map((s, i) => (
          <fieldset key={i} className="fieldset">
            <legend>{t('agreements.sectionLegend', { number: i + 1 })}</legend>
            <TextField scope={`section-${i}`} label={t('agreements.heading')} name="heading" value={s.heading} onChange={(e) => change(i, { heading: e.target.value })} error={fieldError(save.error, `sections.${i}.heading`)} required />
            <TextAreaField scope={`section-${i}`} label={t('agreements.sectionText')} name="text" rows={6} value={s.text} onChange={(e) => change(i, { text: e.target.value })} error={fieldError(save.error, `sections.${i}.text`)} />
            <button type="button" className="button button--secondary" onClick={() => setSections(sections.filter((_, j) => j !== i))}>
              {t('agreements.removeSection', { number: i + 1 })}
            </button>
          </fieldset>
        ))}
        <p>
          <button type="button" className="button button--secondary" onClick={() => setSections([...sections, { heading: '', text: '' }])}>
            {t('agreements.addSection')}
          </button>
        </p>
        {adopted > 0 && <CheckboxField scope="section" name="revise" label={t('agreements.revise')} checked={revise} onChange={setRevise} />}
        <button type="submit" className="button" disabled={save.isPending}>
          {t('agreements.saveVersion')}
        </button>
      </form>
    </details>
  );
}

function Versions({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const numbers = agreement.versions.map((v) => v.number);
  // The two latest versions unless the reader picked others (a new version moves the default along).
  const [picked, setPicked] = useState<{ from?: string; to?: string }>({});
  const from = picked.from ?? String(numbers.length > 1 ? numbers.at(-2) : numbers[0]);
  const to = picked.to ?? String(numbers.at(-1));
  const setFrom = (value: string) => setPicked({ ...picked, from: value });
  const setTo = (value: string) => setPicked({ ...picked, to: value });
  const a = agreement.versions.find((v) => v.number === Number(from));
  const b = agreement.versions.find((v) => v.number === Number(to));
  const rows = a && b ? Array.from({ length: Math.max(a.sections.length, b.sections.length) }, (_, index) => ({ index, left: a.sections[index], right: b.sections[index] })) : [];
  const changeOf = (r: (typeof rows)[number]) => (!r.left ? 'added' : !r.right ? 'removed' : r.left.heading === r.right.heading && r.left.text === r.right.text ? 'same' : 'changed');
  const options = numbers.map((n) => ({ value: String(n), label: t('agreements.versionTag', { number: n }) }));
  return (
    <section className="section" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('agreements.versionsHeading')}</h2>
      <DataTable
        caption={t('agreements.versionsHeading')}
        captionHidden
        testId="agreement-versions"
        rows={[...agreement.versions].reverse()}
        rowKey={(v) => String(v.number)}
        columns={[
          { key: 'number', header: t('agreements.version'), rowHeader: true, cell: (v) => v.number },
          { key: 'at', header: t('agreements.savedAt'), cell: (v) => formatDateTime(v.createdAt) },
          { key: 'by', header: t('agreements.savedBy'), cell: (v) => v.createdByName ?? '–' },
          { key: 'adopted', header: t('agreements.adoptedBy'), cell: (v) => (v.adoptedBy.length ? v.adoptedBy.join(', ') : '–') },
        ]}
      />
      {numbers.length > 1 && (
        <div className="panel" data-testid="compare">
          <h3>{t('agreements.compareHeading')}</h3>
          <div className="form-row">
            <SelectField scope="compare" name="from" label={t('agreements.compareFrom')} value={from} onChange={(e) => setFrom(e.target.value)} options={options} />
            <SelectField scope="compare" name="to" label={t('agreements.compareTo')} value={to} onChange={(e) => setTo(e.target.value)} options={options} />
          </div>
          <DataTable
            caption={t('agreements.compareCaption', { from, to })}
            testId="compare-table"
            rows={rows}
            rowKey={(r) => String(r.index)}
            columns={[
              { key: 'n', header: t('agreements.section'), rowHeader: true, cell: (r) => r.index + 1 },
              { key: 'change', header: t('agreements.change'), cell: (r) => t(`agreements.changes.${changeOf(r)}`) },
              { key: 'left', header: t('agreements.versionTag', { number: from }), cell: (r) => (r.left ? <SectionCell section={r.left} /> : '–') },
              { key: 'right', header: t('agreements.versionTag', { number: to }), cell: (r) => (r.right ? <SectionCell section={r.right} /> : '–') },
            ]}
          />
        </div>
      )}
    </section>
  );
}

function SectionCell({ section }: { section: AgreementSection }) {
  return (
    <>
      <strong>{section.heading}</strong>
      <br />
      <span className="prewrap">{section.text}</span>
    </>
  );
}

function Parties({ agreement, onSaved }: { agreement: Agreement; onSaved: (a: Agreement) => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="parties-heading">
      <h2 id="parties-heading">{t('agreements.partiesHeading')}</h2>
      <DataTable
        caption={t('agreements.partiesHeading')}
        captionHidden
        testId="agreement-parties"
        rows={agreement.parties}
        rowKey={(p) => p.organisationId}
        empty={t('agreements.noParties')}
        columns={[
          { key: 'organisation', header: t('agreements.organisation'), rowHeader: true, cell: (p) => <Link to={`/organisations/${p.organisationId}`}>{p.organisationName}</Link> },
          { key: 'role', header: t('agreements.role'), cell: (p) => t(`agreements.roles.${p.role}`) + (p.acceded ? ` (${t('agreements.acceded')})` : '') },
          { key: 'state', header: t('agreements.state'), cell: (p) => t(`agreements.states.${p.state}`) },
          {
            key: 'decision',
            header: t('agreements.decision'),
            cell: (p) =>
              p.decision ? (
                <>
                  {`${p.decision.decisionBody}, ${formatDate(p.decision.decidedOn)}${p.decision.minuteReference ? `, ${p.decision.minuteReference}` : ''}${p.decision.reason ? ` – ${p.decision.reason}` : ''}`}
                  {p.decision.extract && (
                    <>
                      <br />
                      <ExtractLink agreementId={agreement.id} adoptionId={p.decision.id} extract={p.decision.extract} organisation={p.organisationName} />
                    </>
                  )}
                </>
              ) : (
                '–'
              ),
          },
          { key: 'contact', header: t('agreements.contact'), cell: (p) => p.contactName ?? '–' },
          { key: 'signatories', header: t('agreements.signatories'), cell: (p) => (p.signatories.length ? p.signatories.map((s) => `${s.name} (${s.title})`).join(', ') : '–') },
        ]}
      />
      {agreement.allowedActions.includes('upload_extract') && <UploadExtract agreement={agreement} onSaved={onSaved} />}
      {agreement.allowedActions.includes('manage_parties') && <AddParty agreement={agreement} onSaved={onSaved} />}
    </section>
  );
}

/** The protocol extract of a recorded decision, uploaded by those who may record that party's decision. */
function UploadExtract({ agreement, onSaved }: { agreement: Agreement; onSaved: (a: Agreement) => Promise<void> }) {
  const { t } = useTranslation();
  const parties = agreement.parties.filter((p) => p.decision && p.allowedActions.includes('upload_extract'));
  const [picked, setPicked] = useState('');
  const [message, setMessage] = useState('');
  const party = parties.find((p) => p.organisationId === picked) ?? parties[0];
  if (!party?.decision) return null;
  return (
    <>
      {message && <StatusMessage>{message}</StatusMessage>}
      <DocumentUploadForm<Agreement>
        url={`/api/agreements/${agreement.id}/adoptions/${party.decision.id}/extract`}
        scope="extract"
        testId="extract-form"
        texts={{ heading: t('agreements.extractHeading'), file: t('agreements.extractFile'), fileHint: t('agreements.extractFileHint'), submit: t('agreements.extractSubmit') }}
        onUploaded={async (next) => {
          setMessage(t('agreements.extractUploaded', { organisation: party.organisationName }));
          await onSaved(next);
        }}
      >
        <SelectField
          scope="extract"
          name="party"
          label={t('agreements.extractParty')}
          value={party.organisationId}
          onChange={(e) => {
            setMessage('');
            setPicked(e.target.value);
          }}
          options={parties.map((p) => ({ value: p.organisationId, label: `${p.organisationName} (${p.decision!.decisionBody}, ${formatDate(p.decision!.decidedOn)})` }))}
        />
      </DocumentUploadForm>
    </>
  );
}

function AddParty({ agreement, onSaved }: { agreement: Agreement; onSaved: (a: Agreement) => Promise<void> }) {
  const { t } = useTranslation();
  const organisations = useQuery({ queryKey: ['organisations', 'space', agreement.spaceId], queryFn: () => api.getOrganisations({ query: { space: agreement.spaceId, limit: 1000 } }) });
  const [v, setV] = useState({ organisationId: '', role: 'party' });
  const add = useMutation({
    mutationFn: () => api.addAgreementParty({ params: { id: agreement.id }, body: { organisationId: v.organisationId, role: v.role === 'supporting' ? 'supporting' : 'party' } }),
    onSuccess: async (next) => {
      setV({ organisationId: '', role: 'party' });
      await onSaved(next);
    },
  });
  const taken = new Set(agreement.parties.map((p) => p.organisationId));
  const options = sortBy((organisations.data?.items ?? []).filter((o) => !taken.has(o.id)), (o) => o.name).map((o) => ({ value: o.id, label: o.name }));
  const labels = { organisationId: t('agreements.organisation'), role: t('agreements.role') };
  return (
    <form
      className="panel"
      noValidate
      data-testid="party-form"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <h3>{t('agreements.addParty')}</h3>
      <p className="muted">{t('agreements.addPartyHint')}</p>
      <ErrorSummary error={add.error} scope="party" labels={labels} />
      <div className="form-row">
        <SelectField scope="party" name="organisationId" label={labels.organisationId} value={v.organisationId} onChange={(e) => setV({ ...v, organisationId: e.target.value })} options={[{ value: '', label: t('agreements.choose') }, ...options]} error={fieldError(add.error, 'organisationId')} required />
        <SelectField scope="party" name="role" label={labels.role} value={v.role} onChange={(e) => setV({ ...v, role: e.target.value })} options={(['party', 'supporting'] as const).map((r) => ({ value: r, label: t(`agreements.roles.${r}`) }))} />
      </div>
      <button type="submit" className="button" disabled={add.isPending || !v.organisationId}>
        {t('agreements.addParty')}
      </button>
    </form>
  );
}

function RecordAdoption({ agreement, onSaved }: { agreement: Agreement; onSaved: (a: Agreement) => Promise<void> }) {
  const { t } = useTranslation();
  const pending = agreement.parties.filter((p) => p.role === 'party' && !p.decision);
  const [v, setV] = useState({ organisationId: '', decision: 'adopted', decisionBody: '', decidedOn: '', minuteReference: '', reason: '' });
  const record = useMutation({
    mutationFn: () =>
      api.recordAgreementAdoption({
        params: { id: agreement.id },
        body: { organisationId: v.organisationId, decision: v.decision === 'declined' ? 'declined' : 'adopted', decisionBody: v.decisionBody, decidedOn: v.decidedOn, minuteReference: v.minuteReference, ...(v.reason ? { reason: v.reason } : {}) },
      }),
    onSuccess: async (next) => {
      setV({ organisationId: '', decision: 'adopted', decisionBody: '', decidedOn: '', minuteReference: '', reason: '' });
      await onSaved(next);
    },
  });
  const labels = { organisationId: t('agreements.party'), decision: t('agreements.decision'), decisionBody: t('agreements.decisionBody'), decidedOn: t('agreements.decidedOn'), minuteReference: t('agreements.minuteReference'), reason: t('agreements.reason') };
  if (pending.length === 0) return null;
  return (
    <section className="section panel" aria-labelledby="adoption-heading">
      <h2 id="adoption-heading">{t('agreements.recordAdoption', { number: agreement.currentVersion })}</h2>
      <ErrorSummary error={record.error} scope="adoption" labels={labels} />
      <form
        noValidate
        data-testid="adoption-form"
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate();
        }}
      >
        <SelectField scope="adoption" name="organisationId" label={labels.organisationId} value={v.organisationId} onChange={(e) => setV({ ...v, organisationId: e.target.value })} options={[{ value: '', label: t('agreements.choose') }, ...pending.map((p) => ({ value: p.organisationId, label: p.organisationName }))]} error={fieldError(record.error, 'organisationId')} required />
        <RadioGroup scope="adoption" name="decision" label={labels.decision} value={v.decision} onChange={(value) => setV({ ...v, decision: value })} options={(['adopted', 'declined'] as const).map((d) => ({ value: d, label: t(`agreements.states.${d}`) }))} />
        <div className="form-row">
          <TextField scope="adoption" name="decisionBody" label={labels.decisionBody} hint={t('agreements.decisionBodyHint')} value={v.decisionBody} onChange={(e) => setV({ ...v, decisionBody: e.target.value })} error={fieldError(record.error, 'decisionBody')} required />
          <TextField scope="adoption" name="decidedOn" type="date" label={labels.decidedOn} value={v.decidedOn} onChange={(e) => setV({ ...v, decidedOn: e.target.value })} error={fieldError(record.error, 'decidedOn')} required />
          <TextField scope="adoption" name="minuteReference" label={labels.minuteReference} hint={t('agreements.minuteReferenceHint')} value={v.minuteReference} onChange={(e) => setV({ ...v, minuteReference: e.target.value })} error={fieldError(record.error, 'minuteReference')} />
        </div>
        {v.decision === 'declined' && <TextAreaField scope="adoption" name="reason" label={labels.reason} value={v.reason} onChange={(e) => setV({ ...v, reason: e.target.value })} error={fieldError(record.error, 'reason')} required />}
        <button type="submit" className="button" disabled={record.isPending}>
          {t('agreements.recordDecision')}
        </button>
      </form>
    </section>
  );
}

function Signing({ agreement, onSaved }: { agreement: Agreement; onSaved: (a: Agreement) => Promise<void> }) {
  const { t } = useTranslation();
  const me = useMe();
  const mine = agreement.parties.filter((p) => p.signatories.some((s) => s.userId === me.data?.id));
  const sign = useMutation({ mutationFn: (organisationId: string) => api.signAgreement({ params: { id: agreement.id }, body: { organisationId } }), onSuccess: onSaved });
  return (
    <section className="section" aria-labelledby="signatures-heading">
      <h2 id="signatures-heading">{t('agreements.signaturesHeading')}</h2>
      <p className="muted">{t('agreements.signingNote')}</p>
      <SignatureTable signatures={agreement.signatures} />
      {mine.length > 0 && (
        <div className="panel">
          <ErrorSummary error={sign.error} scope="sign" />
          {mine.map((p) => (
            <button key={p.organisationId} type="button" className="button" disabled={sign.isPending || !p.decision || p.decision.decision !== 'adopted'} onClick={() => sign.mutate(p.organisationId)}>
              {t('agreements.signFor', { organisation: p.organisationName })}
            </button>
          ))}
        </div>
      )}
      {agreement.allowedActions.includes('name_signatories') && <NameSignatory agreement={agreement} onSaved={onSaved} />}
    </section>
  );
}

function NameSignatory({ agreement, onSaved }: { agreement: Agreement; onSaved: (a: Agreement) => Promise<void> }) {
  const { t } = useTranslation();
  const members = useQuery({ queryKey: ['members', agreement.spaceId], queryFn: () => api.getMembers({ params: { id: agreement.spaceId } }) });
  const [v, setV] = useState({ organisationId: '', userId: '', title: '' });
  const name = useMutation({
    mutationFn: () => api.nameAgreementSignatory({ params: { id: agreement.id }, body: v }),
    onSuccess: async (next) => {
      setV({ organisationId: '', userId: '', title: '' });
      await onSaved(next);
    },
  });
  const labels = { organisationId: t('agreements.party'), userId: t('agreements.signatory'), title: t('agreements.signatoryTitle') };
  return (
    <form
      className="panel"
      noValidate
      data-testid="signatory-form"
      onSubmit={(e) => {
        e.preventDefault();
        name.mutate();
      }}
    >
      <h3>{t('agreements.nameSignatory')}</h3>
      <ErrorSummary error={name.error} scope="signatory" labels={labels} />
      <div className="form-row">
        <SelectField scope="signatory" name="organisationId" label={labels.organisationId} value={v.organisationId} onChange={(e) => setV({ ...v, organisationId: e.target.value })} options={[{ value: '', label: t('agreements.choose') }, ...agreement.parties.map((p) => ({ value: p.organisationId, label: p.organisationName }))]} error={fieldError(name.error, 'organisationId')} required />
        <SelectField scope="signatory" name="userId" label={labels.userId} value={v.userId} onChange={(e) => setV({ ...v, userId: e.target.value })} options={[{ value: '', label: t('agreements.choose') }, ...sortBy(members.data ?? [], (m) => m.name).map((m) => ({ value: m.userId, label: m.name }))]} error={fieldError(name.error, 'userId')} required />
        <TextField scope="signatory" name="title" label={labels.title} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={fieldError(name.error, 'title')} required />
      </div>
      <button type="submit" className="button" disabled={name.isPending}>
        {t('agreements.nameSignatory')}
      </button>
    </form>
  );
}
