import type { Organisation, OrganisationRepresentative, OrganisationSuggestion } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, isApiError } from '../../api/client.ts';
import { formatDateTime } from '../../api/format.ts';
import { DecisionControls } from '../../components/DecisionControls.tsx';
import { Loading, QueryError, StatusMessage, TextAreaField, TextField } from '../../components/fields.tsx';
import { actorKeys } from './api.ts';
import { levelLabel, sectorLabel, typeLabel } from './labels.ts';
import { OrganisationForm, organisationToForm, type OrganisationValues } from './OrganisationForm.tsx';

type T = ReturnType<typeof useTranslation>['t'];

const FIELD_LABELS: Record<string, string> = {
  name: 'fields.name',
  orgNumber: 'organisations.fields.orgNumber',
  sector: 'organisations.fields.sector',
  type: 'organisations.fields.type',
  level: 'organisations.fields.level',
  municipalityCode: 'organisations.fields.municipality',
  contactEmail: 'organisations.fields.contactEmail',
  contactPhone: 'organisations.fields.contactPhone',
  website: 'organisations.fields.website',
  description: 'organisations.fields.description',
  tags: 'organisations.fields.tags',
};

function valueText(t: T, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (field === 'sector') return sectorLabel(t, String(value));
  if (field === 'type') return typeLabel(t, String(value));
  if (field === 'level') return levelLabel(t, String(value));
  if (Array.isArray(value)) return value.join(', ') || '–';
  return String(value);
}

/** "Field: before → after" for each suggested change. */
function changeLines(t: T, organisation: Organisation, changes: Record<string, unknown>): string[] {
  return Object.entries(changes).map(
    ([field, to]) => `${t(FIELD_LABELS[field] ?? field)}: ${valueText(t, field, (organisation as unknown as Record<string, unknown>)[field])} → ${valueText(t, field, to)}`,
  );
}

/** The suggestion's field errors come as changes.<field>: shown on the form's own fields. */
function unprefixed(error: unknown): unknown {
  if (!isApiError(error)) return error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace(/^changes\./, ''), v]));
  return new ApiError(error.status, { code: error.code, message: error.message, fields, ...error.extra });
}

/** A leader of one of the organisation's spaces proposes a change; its representatives decide. */
export function SuggestOrganisationChange({ organisation, onDone }: { organisation: Organisation; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);
  const suggest = useMutation({
    mutationFn: (values: OrganisationValues) =>
      api.suggestOrganisationChange({ params: { id: organisation.id }, body: { changes: values, comment } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: actorKeys.organisationSuggestions(organisation.id) });
      onDone(t('stewardship.suggestionSent'));
    },
  });
  return (
    <div ref={ref}>
      <p>{t('stewardship.suggestLead')}</p>
      <OrganisationForm
        initial={organisationToForm(organisation)}
        scope="org-suggest"
        submitLabel={t('stewardship.sendSuggestion')}
        pending={suggest.isPending}
        error={unprefixed(suggest.error)}
        onSubmit={(values) => suggest.mutate(values)}
        onCancel={() => onDone('')}
        extra={<TextAreaField scope="org-suggest" label={t('stewardship.comment')} hint={t('stewardship.commentHint')} name="comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
      />
    </div>
  );
}

export function RepresentativesSection({ organisation, signedIn }: { organisation: Organisation; signedIn: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const representatives = useQuery({
    queryKey: actorKeys.representatives(organisation.id),
    queryFn: () => api.getRepresentatives({ params: { id: organisation.id } }),
    enabled: signedIn,
  });
  const [message, setMessage] = useState<string | null>(null);
  const [claiming, setClaiming] = useState(false);
  const [role, setRole] = useState('');
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: actorKeys.representatives(organisation.id) });
    await queryClient.invalidateQueries({ queryKey: actorKeys.organisation(organisation.id) });
  };
  const claim = useMutation({
    mutationFn: () => api.claimRepresentation({ params: { id: organisation.id }, body: { role: role.trim() || undefined } }),
    onSuccess: async () => {
      setClaiming(false);
      setRole('');
      setMessage(t('stewardship.claimSent'));
      await refresh();
    },
  });
  const confirm = useMutation({
    mutationFn: (r: OrganisationRepresentative) => api.confirmRepresentative({ params: { id: organisation.id, userId: r.userId } }),
    onSuccess: async (r) => {
      setMessage(t('stewardship.confirmed', { name: r.name }));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (r: OrganisationRepresentative) => api.removeRepresentative({ params: { id: organisation.id, userId: r.userId } }),
    onSuccess: async (_, r) => {
      setMessage(r.mine ? t('stewardship.youLeft') : t('stewardship.removed', { name: r.name }));
      await refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    claim.mutate();
  };
  const list = representatives.data ?? [];
  return (
    <section aria-labelledby="representatives" className="section" data-testid="representatives">
      <h2 id="representatives">{t('stewardship.representatives')}</h2>
      <p className="muted">{t('stewardship.representativesLead')}</p>
      {message && <StatusMessage>{message}</StatusMessage>}
      {[claim.error, confirm.error, remove.error].filter(Boolean).map((error, i) => (
        <QueryError key={i} error={error} />
      ))}
      {!signedIn ? (
        <p>
          <Link to={`/sign-in?returnTo=${encodeURIComponent(`/organisations/${organisation.id}`)}`}>{t('stewardship.signInToSee')}</Link>
        </p>
      ) : representatives.isPending ? (
        <Loading />
      ) : representatives.isError ? (
        <QueryError error={representatives.error} />
      ) : list.length === 0 ? (
        <p>{t('stewardship.noRepresentatives')}</p>
      ) : (
        <ul className="representatives">
          {list.map((r) => (
            <li key={r.userId} data-testid="representative">
              <strong>{r.name}</strong>
              {r.role && `, ${r.role}`} –{' '}
              {r.status === 'confirmed'
                ? r.confirmedByName
                  ? t('stewardship.confirmedBy', { name: r.confirmedByName, at: formatDateTime(r.confirmedAt) })
                  : t('stewardship.statusConfirmed')
                : t('stewardship.statusPending', { at: formatDateTime(r.requestedAt) })}
              {r.allowedActions.length > 0 && (
                <span className="actions">
                  {r.allowedActions.includes('confirm') && (
                    <button type="button" className="button button--small" disabled={confirm.isPending} onClick={() => confirm.mutate(r)}>
                      {t('stewardship.confirm')}
                      <span className="visually-hidden"> {r.name}</span>
                    </button>
                  )}
                  {r.allowedActions.includes('remove') && (
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(r.mine ? t('stewardship.leaveConfirm', { organisation: organisation.name }) : t('stewardship.removeConfirm', { name: r.name }))) remove.mutate(r);
                      }}
                    >
                      {r.mine ? (r.status === 'pending' ? t('stewardship.withdraw') : t('stewardship.leave')) : r.status === 'pending' ? t('stewardship.decline') : t('common.remove')}
                      {!r.mine && <span className="visually-hidden"> {r.name}</span>}
                    </button>
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {organisation.allowedActions.includes('represent') &&
        (claiming ? (
          <form onSubmit={submit} className="panel" aria-labelledby="claim-heading">
            <h3 id="claim-heading">{t('stewardship.claimHeading')}</h3>
            <p>{t('stewardship.claimLead')}</p>
            <TextField scope="claim" label={t('stewardship.role')} hint={t('stewardship.roleHint')} name="role" value={role} onChange={(e) => setRole(e.target.value)} maxLength={120} />
            <div className="actions">
              <button type="submit" className="button" disabled={claim.isPending}>
                {t('stewardship.sendClaim')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setClaiming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <p>
            <button type="button" className="button button--secondary" onClick={() => setClaiming(true)}>
              {t('stewardship.claim')}
            </button>
          </p>
        ))}
    </section>
  );
}

/** The organisation's suggested changes: all to those who keep it, one's own to the proposer. */
export function OrganisationSuggestions({ organisation, signedIn }: { organisation: Organisation; signedIn: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const suggestions = useQuery({
    queryKey: actorKeys.organisationSuggestions(organisation.id),
    queryFn: () => api.getOrganisationSuggestions({ params: { id: organisation.id } }),
    enabled: signedIn,
  });
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: ({ s, decision }: { s: OrganisationSuggestion; decision: 'accept' | 'reject' }) =>
      api.decideOrganisationSuggestion({ params: { id: s.id }, body: { decision, note: notes[s.id] ?? '' } }),
    onSuccess: async (s) => {
      setMessage(s.status === 'accepted' ? t('stewardship.accepted') : t('stewardship.rejected'));
      await queryClient.invalidateQueries({ queryKey: actorKeys.organisationSuggestions(organisation.id) });
      await queryClient.invalidateQueries({ queryKey: actorKeys.organisation(organisation.id) });
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
  const list = suggestions.data ?? [];
  if (!signedIn || (suggestions.isSuccess && list.length === 0 && !message)) return null;
  return (
    <section aria-labelledby="suggestions" className="section" data-testid="organisation-suggestions">
      <h2 id="suggestions">{t('stewardship.suggestions')}</h2>
      {message && <StatusMessage>{message}</StatusMessage>}
      {decide.isError && <QueryError error={decide.error} />}
      {suggestions.isPending ? (
        <Loading />
      ) : suggestions.isError ? (
        <QueryError error={suggestions.error} />
      ) : list.length === 0 ? (
        <p className="muted">{t('stewardship.noSuggestions')}</p>
      ) : (
        <ul className="sp-suggestions">
          {list.map((s) => (
            <li key={s.id} className="panel" data-testid="organisation-suggestion">
              <p>
                <strong>{t(`stewardship.status.${s.status}`)}</strong> – {s.mine ? t('stewardship.byYou') : (s.proposedByName ?? t('stewardship.someone'))}, {formatDateTime(s.proposedAt)}
              </p>
              <ul>
                {changeLines(t, organisation, s.changes).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {s.comment && <p className="description">{s.comment}</p>}
              {s.decisionNote && <p className="muted">{t('stewardship.decisionNote', { note: s.decisionNote })}</p>}
              {s.allowedActions.includes('accept') && (
                <DecisionControls
                  scope={`org-decision-${s.id}`}
                  noteLabel={t('stewardship.decisionNoteLabel')}
                  note={notes[s.id] ?? ''}
                  onNoteChange={(note) => setNotes({ ...notes, [s.id]: note })}
                  acceptLabel={t('stewardship.accept')}
                  rejectLabel={t('stewardship.reject')}
                  pending={decide.isPending}
                  onDecide={(decision) => decide.mutate({ s, decision })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
