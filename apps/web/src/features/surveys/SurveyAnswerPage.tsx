import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { usePageTitle } from '../../app/usePage.ts';
import { ErrorSummary, Loading, QueryError, SelectField, TextField } from '../../components/fields.tsx';
import { useHashToken } from '../auth/session.ts';
import {
  COLLABORATION_TYPES,
  collaborationTypeLabel,
  FREQUENCIES,
  frequencyLabel,
  LEVELS,
  levelLabel,
  options,
  ORGANISATION_TYPES,
  SECTORS,
  sectorLabel,
  typeLabel,
} from '../actors/labels.ts';
import type { SurveyForm } from '../network/types.ts';
import { pick } from '../../i18n/labels.ts';

interface Choice {
  checked: boolean;
  type: string;
  frequency: string;
}
interface NewOrganisation {
  key: number;
  name: string;
  sector: string;
  type: string;
  level: string;
  collaborationType: string;
  frequency: string;
}

/**
 * The mapping survey behind a personal link, without an account: whom does your organisation
 * work with, how, and how often. Built for a phone: one column, native controls, large targets.
 */
export function SurveyAnswerPage() {
  const { t } = useTranslation();
  usePageTitle(t('answer.title'));
  const token = useHashToken();
  const form = useQuery({
    queryKey: ['survey-form', token],
    queryFn: () => api.getSurveyForm({ body: { token: token ?? undefined } }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Infinity,
  });
  return (
    <div className="container narrow">
      {!token ? (
        <>
          <h1>{t('answer.title')}</h1>
          <div className="notice notice--error" role="alert">
            {t('answer.noToken')}
          </div>
        </>
      ) : form.isPending ? (
        <>
          <h1>{t('answer.title')}</h1>
          <Loading />
        </>
      ) : form.isError ? (
        <>
          <h1>{t('answer.title')}</h1>
          <QueryError error={form.error} />
        </>
      ) : (
        <AnswerForm token={token} form={form.data} />
      )}
    </div>
  );
}

function AnswerForm({ token, form }: { token: string; form: SurveyForm }) {
  const { t } = useTranslation();
  const thanks = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState('');
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(form.answers.map((a) => [a.organisationId, { checked: true, type: a.type, frequency: a.frequency }])),
  );
  const [added, setAdded] = useState<NewOrganisation[]>([]);
  const [draft, setDraft] = useState<Omit<NewOrganisation, 'key'>>({ name: '', sector: '', type: '', level: '', collaborationType: '', frequency: '' });
  const [draftError, setDraftError] = useState<string | null>(null);
  const [showIncomplete, setShowIncomplete] = useState(false);
  const chosen = Object.entries(choices).filter(([, c]) => c.checked);
  const incomplete = chosen.filter(([, c]) => !c.type || !c.frequency).map(([id]) => form.registry.find((o) => o.id === id)?.name ?? id);
  const submit = useMutation({
    mutationFn: () =>
      api.answerSurvey({ body: {
          token: token ?? undefined,
          answers: [
            ...chosen.map(([organisationId, c]) => ({ organisationId, type: pick(COLLABORATION_TYPES, c.type), frequency: pick(FREQUENCIES, c.frequency) })),
            ...added.map((n) => ({
              newOrganisation: { name: n.name, sector: pick(SECTORS, n.sector), type: pick(ORGANISATION_TYPES, n.type), level: pick(LEVELS, n.level) },
              type: pick(COLLABORATION_TYPES, n.collaborationType),
              frequency: pick(FREQUENCIES, n.frequency),
            })),
          ],
        } }),
  });
  useEffect(() => {
    if (submit.isSuccess) thanks.current?.focus();
  }, [submit.isSuccess]);
  if (submit.isSuccess) {
    return (
      <>
        <h1>{form.surveyTitle}</h1>
        <div className="notice notice--success" role="status" tabIndex={-1} ref={thanks} data-testid="answer-thanks">
          <p>
            <strong>{t('answer.thanks')}</strong>
          </p>
          <p>{t('answer.thanksText', { count: chosen.length + added.length, organisation: form.organisation.name })}</p>
        </div>
      </>
    );
  }
  const needle = filter.trim().toLocaleLowerCase('sv');
  const visible = form.registry.filter((o) => choices[o.id]?.checked || !needle || o.name.toLocaleLowerCase('sv').includes(needle));
  const set = (id: string, change: Partial<Choice>) =>
    setChoices({ ...choices, [id]: { checked: false, type: '', frequency: '', ...choices[id], ...change } });
  const addNew = () => {
    if (draft.name.trim().length < 2 || !draft.sector || !draft.type || !draft.level || !draft.collaborationType || !draft.frequency) {
      setDraftError(t('answer.newIncomplete'));
      return;
    }
    setDraftError(null);
    setAdded([...added, { ...draft, name: draft.name.trim(), key: Date.now() }]);
    setDraft({ name: '', sector: '', type: '', level: '', collaborationType: '', frequency: '' });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (incomplete.length > 0) {
      setShowIncomplete(true);
      return;
    }
    setShowIncomplete(false);
    submit.mutate();
  };
  const setDraftField = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  return (
    <>
      <h1>{form.surveyTitle}</h1>
      <p className="lead" data-testid="answer-for">
        {t('answer.for', { organisation: form.organisation.name, space: form.spaceName })}
      </p>
      {form.message && <p className="description">{form.message}</p>}
      <p>{t('answer.howTo')}</p>
      <ErrorSummary error={showIncomplete && incomplete.length > 0 ? new Error(t('answer.incomplete', { names: incomplete.join(', ') })) : submit.error} scope="answer" />
      <form onSubmit={onSubmit} noValidate data-testid="answer-form">
        <fieldset className="fieldset">
          <legend className="field__label">{t('answer.registryLegend', { organisation: form.organisation.name })}</legend>
          <TextField scope="answer" label={t('answer.filter')} name="filter" type="search" autoComplete="off" value={filter} onChange={(e) => setFilter(e.target.value)} />
          {visible.length === 0 && <p className="muted">{t('answer.noMatch')}</p>}
          <ul className="plain-list answer-list">
            {visible.map((o) => {
              const c = choices[o.id];
              return (
                <li key={o.id} className={`answer-item${c?.checked ? ' answer-item--chosen' : ''}`} data-testid="answer-item">
                  <div className="checkbox">
                    <input type="checkbox" id={`with-${o.id}`} checked={c?.checked ?? false} onChange={(e) => set(o.id, { checked: e.target.checked })} />
                    <label htmlFor={`with-${o.id}`}>
                      {o.name} <span className="muted">({sectorLabel(t, o.sector)})</span>
                    </label>
                  </div>
                  {c?.checked && (
                    <div className="form-row">
                      <SelectField
                        scope={`with-${o.id}`}
                        name="type"
                        label={
                          <>
                            {t('answer.collaborationType')}
                            <span className="visually-hidden"> {t('answer.withName', { name: o.name })}</span>
                          </>
                        }
                        value={c.type}
                        onChange={(e) => set(o.id, { type: e.target.value })}
                        options={options(COLLABORATION_TYPES, (v) => collaborationTypeLabel(t, v), t('common.choose'))}
                        required
                      />
                      <SelectField
                        scope={`with-${o.id}`}
                        name="frequency"
                        label={
                          <>
                            {t('answer.frequency')}
                            <span className="visually-hidden"> {t('answer.withName', { name: o.name })}</span>
                          </>
                        }
                        value={c.frequency}
                        onChange={(e) => set(o.id, { frequency: e.target.value })}
                        options={options(FREQUENCIES, (v) => frequencyLabel(t, v), t('common.choose'))}
                        required
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <fieldset className="fieldset panel">
          <legend className="field__label">{t('answer.newLegend')}</legend>
          <p className="field__hint">{t('answer.newHint')}</p>
          {draftError && (
            <p className="field__error" role="alert">
              {draftError}
            </p>
          )}
          <TextField scope="answer-new" label={t('fields.name')} name="name" autoComplete="off" value={draft.name} onChange={setDraftField('name')} />
          <SelectField scope="answer-new" label={t('organisations.fields.sector')} name="sector" value={draft.sector} onChange={setDraftField('sector')} options={options(SECTORS, (v) => sectorLabel(t, v), t('common.choose'))} />
          <SelectField scope="answer-new" label={t('organisations.fields.type')} name="type" value={draft.type} onChange={setDraftField('type')} options={options(ORGANISATION_TYPES, (v) => typeLabel(t, v), t('common.choose'))} />
          <SelectField scope="answer-new" label={t('organisations.fields.level')} name="level" value={draft.level} onChange={setDraftField('level')} options={options(LEVELS, (v) => levelLabel(t, v), t('common.choose'))} />
          <SelectField
            scope="answer-new"
            label={t('answer.collaborationType')}
            name="collaborationType"
            value={draft.collaborationType}
            onChange={setDraftField('collaborationType')}
            options={options(COLLABORATION_TYPES, (v) => collaborationTypeLabel(t, v), t('common.choose'))}
          />
          <SelectField scope="answer-new" label={t('answer.frequency')} name="frequency" value={draft.frequency} onChange={setDraftField('frequency')} options={options(FREQUENCIES, (v) => frequencyLabel(t, v), t('common.choose'))} />
          <button type="button" className="button button--secondary" onClick={addNew}>
            {t('answer.addNew')}
          </button>
          {added.length > 0 && (
            <ul className="plain-list" aria-label={t('answer.addedLabel')}>
              {added.map((n) => (
                <li key={n.key}>
                  {n.name} – {collaborationTypeLabel(t, n.collaborationType)}, {frequencyLabel(t, n.frequency).toLocaleLowerCase('sv')}{' '}
                  <button type="button" className="link-button" onClick={() => setAdded(added.filter((x) => x.key !== n.key))}>
                    {t('common.remove')}
                    <span className="visually-hidden"> {n.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <p role="status">{t('answer.count', { count: chosen.length + added.length })}</p>
        <button type="submit" className="button" disabled={submit.isPending}>
          {t('answer.submit')}
        </button>
      </form>
    </>
  );
}
