import type { Event } from '@samhandling/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client.ts';
import { useMe } from '../../../api/hooks.ts';
import { ErrorSummary, fieldError, RadioGroup, SelectField, TextAreaField, TextField } from '../../../components/fields.tsx';
import { AGE_GROUPS, ageGroupLabel, options, SECTORS, sectorLabel } from '../../actors/labels.ts';
import { eventKeys } from './api.ts';
import { modeLabel } from './labels.ts';
import { pick } from '../../../i18n/labels.ts';

export function RegistrationForm({ event }: { event: Event }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const ask = (q: string) => event.questions.includes(q as Event['questions'][number]);
  const [v, setV] = useState({
    name: me?.name ?? '',
    email: me?.email ?? '',
    mode: event.modes[0] ?? 'on_site',
    organisation: '',
    sector: '',
    ageGroup: '',
    dietaryNeeds: '',
    accessibilityNeeds: '',
  });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const done = useRef<HTMLDivElement>(null);
  const register = useMutation({
    mutationFn: () =>
      api.registerForEvent({ params: { id: event.id }, body: {
            name: v.name,
            email: v.email,
            mode: v.mode,
            ...(ask('organisation') && v.organisation.trim() ? { organisation: v.organisation } : {}),
            ...(ask('sector') ? { sector: pick(SECTORS, v.sector) } : {}),
            ...(ask('age_group') ? { ageGroup: pick(AGE_GROUPS, v.ageGroup) } : {}),
            ...(ask('dietary_needs') && v.dietaryNeeds.trim() ? { dietaryNeeds: v.dietaryNeeds } : {}),
            ...(ask('accessibility_needs') && v.accessibilityNeeds.trim() ? { accessibilityNeeds: v.accessibilityNeeds } : {}),
          } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.one(event.id) });
      setTimeout(() => done.current?.focus(), 0);
    },
  });
  const labels: Record<string, string> = {
    name: t('fields.name'),
    email: t('fields.email'),
    mode: t('events.modeLabel'),
    organisation: t('events.question.organisation'),
    sector: t('events.question.sector'),
    ageGroup: t('events.question.age_group'),
    dietaryNeeds: t('events.question.dietary_needs'),
    accessibilityNeeds: t('events.question.accessibility_needs'),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate();
  };
  if (register.isSuccess) {
    const r = register.data;
    return (
      <section className="section panel" aria-labelledby="register-heading">
        <h2 id="register-heading">{t('events.registerHeading')}</h2>
        <div
          ref={done}
          tabIndex={-1}
          className={`notice ${r.status === 'confirmed' ? 'notice--success' : 'notice--info'}`}
          role="status"
          data-testid="registration-receipt"
        >
          <p>
            {r.status === 'confirmed'
              ? t('events.confirmed', { email: v.email })
              : t('events.waitlisted', { position: r.waitlistPosition, email: v.email })}
          </p>
          <p>
            <Link to={`/registrations/${r.id}#token=${r.cancelToken}`}>{t('events.ownLink')}</Link>
          </p>
        </div>
      </section>
    );
  }
  return (
    <section className="section panel" aria-labelledby="register-heading">
      <h2 id="register-heading">{t('events.registerHeading')}</h2>
      <p>{t('events.registerLead')}</p>
      <ErrorSummary error={register.error} scope="registration" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="registration-form">
        <TextField
          scope="registration"
          label={labels.name}
          name="name"
          autoComplete="name"
          value={v.name}
          onChange={set('name')}
          error={fieldError(register.error, 'name')}
          required
        />
        <TextField
          scope="registration"
          label={labels.email}
          hint={t('events.emailHint')}
          name="email"
          type="email"
          autoComplete="email"
          value={v.email}
          onChange={set('email')}
          error={fieldError(register.error, 'email')}
          required
        />
        {event.modes.length > 1 && (
          <RadioGroup
            scope="registration"
            label={labels.mode}
            name="mode"
            value={v.mode}
            onChange={(m) => setV({ ...v, mode: m as typeof v.mode })}
            options={event.modes.map((m) => {
              const seats = event.seats[m];
              return {
                value: m,
                label: modeLabel(t, m),
                hint:
                  seats.capacity === null
                    ? undefined
                    : seats.available
                      ? t('events.seatsLeft', { available: seats.available, capacity: seats.capacity })
                      : t('events.fullWaitlist'),
              };
            })}
            error={fieldError(register.error, 'mode')}
            required
          />
        )}
        {ask('organisation') && (
          <TextField
            scope="registration"
            label={labels.organisation}
            name="organisation"
            autoComplete="organization"
            value={v.organisation}
            onChange={set('organisation')}
            error={fieldError(register.error, 'organisation')}
          />
        )}
        <div className="form-row">
          {ask('sector') && (
            <SelectField
              scope="registration"
              label={labels.sector}
              name="sector"
              value={v.sector}
              onChange={set('sector')}
              options={options(SECTORS, (s) => sectorLabel(t, s), t('events.notStated'))}
              error={fieldError(register.error, 'sector')}
            />
          )}
          {ask('age_group') && (
            <SelectField
              scope="registration"
              label={labels.ageGroup}
              name="ageGroup"
              value={v.ageGroup}
              onChange={set('ageGroup')}
              options={options(AGE_GROUPS, (a) => ageGroupLabel(t, a), t('events.notStated'))}
              error={fieldError(register.error, 'ageGroup')}
            />
          )}
        </div>
        {ask('dietary_needs') && (
          <TextAreaField
            scope="registration"
            label={labels.dietaryNeeds}
            name="dietaryNeeds"
            rows={2}
            value={v.dietaryNeeds}
            onChange={set('dietaryNeeds')}
            error={fieldError(register.error, 'dietaryNeeds')}
          />
        )}
        {ask('accessibility_needs') && (
          <TextAreaField
            scope="registration"
            label={labels.accessibilityNeeds}
            name="accessibilityNeeds"
            rows={2}
            value={v.accessibilityNeeds}
            onChange={set('accessibilityNeeds')}
            error={fieldError(register.error, 'accessibilityNeeds')}
          />
        )}
        <p className="muted">{t('events.privacy')}</p>
        <div className="actions">
          <button type="submit" className="button" disabled={register.isPending}>
            {t('events.register')}
          </button>
        </div>
      </form>
    </section>
  );
}
