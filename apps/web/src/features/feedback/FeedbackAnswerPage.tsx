import type { FeedbackForm, FeedbackQuestion } from '@samhandling/contracts';
import { valuesOf } from '@samhandling/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { ErrorView } from '../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { CheckboxField, ErrorSummary, fieldError, Loading, RadioGroup, StatusMessage, TextAreaField } from '../../components/fields.tsx';
import { enumLabel, pick } from '../../i18n/labels.ts';
import '../processes/process.css';

type Value = number | string | string[];
// A villager's own words for the sectors ("Boende", "Företag"), over the contract's values.
const SECTORS = valuesOf('submitterSector');

/** The phone's key for this form: made once and kept, so a retry or a second tap counts once. */
function keyFor(formId: string): string {
  const name = `samhandling.feedback.${formId}`;
  try {
    const kept = localStorage.getItem(name);
    if (kept) return kept;
    const made = crypto.randomUUID().replace(/-/g, '');
    localStorage.setItem(name, made);
    return made;
  } catch {
    return crypto.randomUUID().replace(/-/g, '');
  }
}

/** A feedback form answered on a phone, without an account, by link or QR code. */
export function FeedbackAnswerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const form = useQuery({ queryKey: ['feedback-form', id], queryFn: () => api.getFeedbackForm({ params: { id } }), retry: false });
  usePageTitle(form.data?.title ?? t('process.feedback.answer.title'));
  if (form.isPending)
    return (
      <div className="container">
        <Loading />
      </div>
    );
  if (form.isError) {
    if (isApiError(form.error) && form.error.status === 404) return <NotFoundPage />;
    return <ErrorView error={form.error} />;
  }
  return <AnswerForm form={form.data} />;
}

function AnswerForm({ form }: { form: FeedbackForm }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const [sector, setSector] = useState('');
  const [age, setAge] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api.answerFeedbackForm({
        params: { id: form.id },
        body: { idempotencyKey: keyFor(form.id), answers, sector: pick(SECTORS, sector), ageGroup: pick(valuesOf('ageGroup'), age) },
      }),
  });
  const set = (q: string, v: Value) => setAnswers((a) => ({ ...a, [q]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  if (send.data)
    return (
      <div className="container feedback-form" data-testid="feedback-thanks">
        <h1>{form.title}</h1>
        <StatusMessage>{send.data.duplicate ? t('process.feedback.answer.already') : t('process.feedback.answer.thanks')}</StatusMessage>
      </div>
    );
  return (
    <div className="container feedback-form">
      <h1>{form.title}</h1>
      {form.eventTitle && <p>{[form.eventTitle, form.municipalityName].filter(Boolean).join(', ')}</p>}
      <p className="lead">{form.intro || t('process.feedback.answer.lead')}</p>
      <form onSubmit={submit} noValidate data-testid="feedback-form">
        <ErrorSummary error={send.error} />
        {form.questions.map((q) => (
          <Question key={q.id} question={q} value={answers[q.id]} onChange={(v) => set(q.id, v)} error={fieldError(send.error, `answers.${q.id}`)} />
        ))}
        {form.askSector && (
          <RadioGroup
            label={t('process.feedback.answer.sector')}
            name="sector"
            value={sector}
            onChange={setSector}
            options={[...SECTORS.map((s) => ({ value: s, label: t(`process.feedback.answer.sectors.${s}`) })), { value: '', label: t('process.feedback.answer.none') }]}
          />
        )}
        {form.askAgeGroup && (
          <RadioGroup
            label={t('process.feedback.answer.ageGroup')}
            name="ageGroup"
            value={age}
            onChange={setAge}
            options={[...valuesOf('ageGroup').map((a) => ({ value: a, label: enumLabel(t, 'ageGroup', a) })), { value: '', label: t('process.feedback.answer.none') }]}
          />
        )}
        <button type="submit" className="button" disabled={send.isPending}>
          {t('process.feedback.answer.submit')}
        </button>
      </form>
    </div>
  );
}

function Question({ question: q, value, onChange, error }: { question: FeedbackQuestion; value: Value | undefined; onChange: (v: Value) => void; error: string | undefined }) {
  const { t } = useTranslation();
  const name = `q-${q.id}`;
  if (q.kind === 'scale')
    return (
      <RadioGroup
        label={q.text}
        name={name}
        required={q.required}
        hint={q.scaleLabels ? t('process.feedback.answer.scaleHint', { low: q.scaleLabels[0], high: q.scaleLabels[1] }) : undefined}
        value={value === undefined ? '' : String(value)}
        onChange={(v) => onChange(Number(v))}
        error={error}
        options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: n === 1 && q.scaleLabels ? `1 – ${q.scaleLabels[0]}` : n === 5 && q.scaleLabels ? `5 – ${q.scaleLabels[1]}` : String(n) }))}
      />
    );
  if (q.kind === 'single')
    return <RadioGroup label={q.text} name={name} required={q.required} value={typeof value === 'string' ? value : ''} onChange={onChange} error={error} options={q.options.map((o) => ({ value: o, label: o }))} />;
  if (q.kind === 'multiple') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className={`field fieldset${error ? ' field--error' : ''}`}>
        <legend className="field__label">{q.text}</legend>
        <p className="field__hint">{t('process.feedback.answer.chooseAll')}</p>
        {error && <p className="field__error">{error}</p>}
        {q.options.map((o, i) => (
          <CheckboxField key={o} label={o} name={`${name}-${i}`} checked={chosen.includes(o)} onChange={(on) => onChange(on ? [...chosen, o] : chosen.filter((c) => c !== o))} />
        ))}
      </fieldset>
    );
  }
  return <TextAreaField label={q.text} name={name} required={q.required} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} error={error} rows={4} />;
}
