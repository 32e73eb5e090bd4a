import type { Event, RegistrationQuestion, Space } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../../api/client.ts';
import { sortBy } from '../../../api/format.ts';
import { useMunicipalityIndex, useSpace } from '../../../api/hooks.ts';
import { ErrorView } from '../../../app/ErrorPage.tsx';
import { NotFoundPage } from '../../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../../app/usePage.ts';
import { GoalTargetPicker, tagsError } from '../../../components/GoalTargetPicker.tsx';
import { MunicipalityMap } from '../../../components/MunicipalityMap.tsx';
import { CheckboxField, ErrorSummary, fieldError, Loading, SelectField, TextAreaField, TextField } from '../../../components/fields.tsx';
import { useSpaceOrganisations } from '../../actors/api.ts';
import { eventKeys, useEvent } from './api.ts';
import { EVENT_KINDS, eventKindLabel, QUESTIONS, questionLabel } from './labels.ts';
import { pick } from '../../../i18n/labels.ts';
import { isoToStockholm, stockholmToIso } from './time.ts';

/** New event in a space (/spaces/:id/events/new) or an existing one (/events/:id/edit). */
export function EventEditorPage() {
  const { id = '', eventId = '' } = useParams();
  const { t } = useTranslation();
  const event = useEvent(eventId);
  const spaceId = eventId ? (event.data?.spaceId ?? '') : id;
  const space = useSpace(spaceId);
  usePageTitle(eventId ? t('events.editTitle') : t('events.createTitle'));
  // An event that does not exist never gives a space: its error decides first.
  if (eventId && event.isError) {
    if (isApiError(event.error) && (event.error.status === 404 || event.error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={event.error} />;
  }
  if ((eventId && event.isPending) || space.isPending) {
    return (
      <div className="container">
        <h1>{eventId ? t('events.editTitle') : t('events.createTitle')}</h1>
        <Loading />
      </div>
    );
  }
  const error = space.error;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.code === 'invalid')) return <NotFoundPage />;
    return <ErrorView error={error} />;
  }
  if (!space.data) return null;
  if (!space.data.allowedActions.includes('manage_people')) {
    return (
      <div className="container">
        <h1>{eventId ? t('events.editTitle') : t('events.createTitle')}</h1>
        <div className="notice notice--info">{t('events.leadersOnly')}</div>
      </div>
    );
  }
  return <EventForm space={space.data} event={eventId ? (event.data ?? null) : null} />;
}

interface AgendaRow {
  key: number;
  time: string;
  title: string;
}

function EventForm({ space, event }: { space: Space; event: Event | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const municipalities = useMunicipalityIndex();
  const organisations = useSpaceOrganisations(space.id);
  const groups = useQuery({ queryKey: ['groups', space.id], queryFn: () => api.getSpaceGroups({ params: { id: space.id } }) });
  const [v, setV] = useState({
    kind: event?.kind ?? '',
    title: event?.title ?? '',
    description: event?.description ?? '',
    public: event?.public ?? space.visibility === 'public',
    startsAt: isoToStockholm(event?.startsAt),
    endsAt: isoToStockholm(event?.endsAt),
    municipalityCode: event?.municipalityCode ?? '',
    workingGroupId: event?.workingGroupId ?? '',
    placeName: event?.placeName ?? '',
    address: event?.address ?? '',
    lat: event?.lat?.toString() ?? '',
    lon: event?.lon?.toString() ?? '',
    onlineUrl: event?.onlineUrl ?? '',
    capacity: event?.capacity?.toString() ?? '',
    onlineCapacity: event?.onlineCapacity?.toString() ?? '',
    registrationOpensAt: isoToStockholm(event?.registrationOpensAt),
    registrationClosesAt: isoToStockholm(event?.registrationClosesAt),
  });
  const [questions, setQuestions] = useState<RegistrationQuestion[]>(event?.questions ?? [...QUESTIONS]);
  const [cohosts, setCohosts] = useState<{ id: string; name: string }[]>(event?.cohosts ?? []);
  const [agenda, setAgenda] = useState<AgendaRow[]>(
    (event?.agenda ?? []).map((a, i) => ({ key: i, time: isoToStockholm(a.startsAt), title: a.title })),
  );
  const [tags, setTags] = useState({ goals: event?.goals ?? [], targets: event?.targets ?? [] });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
  const pickedLat = num(v.lat);
  const pickedLon = num(v.lon);
  const pickedPoint =
    pickedLat !== null && pickedLon !== null && Number.isFinite(pickedLat) && Number.isFinite(pickedLon)
      ? { lon: pickedLon, lat: pickedLat }
      : null;
  const save = useMutation({
    mutationFn: () => {
      const body = {
        kind: pick(EVENT_KINDS, v.kind),
        title: v.title,
        description: v.description,
        public: v.public,
        startsAt: stockholmToIso(v.startsAt) ?? (v.startsAt || undefined),
        endsAt: stockholmToIso(v.endsAt) ?? (v.endsAt || undefined),
        municipalityCode: v.municipalityCode || null,
        workingGroupId: v.workingGroupId || null,
        placeName: v.placeName.trim() || null,
        address: v.address.trim() || null,
        lat: num(v.lat),
        lon: num(v.lon),
        onlineUrl: v.onlineUrl.trim() || null,
        capacity: num(v.capacity),
        onlineCapacity: num(v.onlineCapacity),
        registrationOpensAt: stockholmToIso(v.registrationOpensAt),
        registrationClosesAt: stockholmToIso(v.registrationClosesAt),
        questions,
        cohostIds: cohosts.map((c) => c.id),
        agenda: agenda.filter((a) => a.title.trim() || a.time).map((a) => ({ startsAt: stockholmToIso(a.time) ?? a.time, title: a.title })),
        goals: tags.goals,
        targets: tags.targets,
      };
      return event ? api.patchEvent({ params: { id: event.id }, body: body }) : api.createEvent({ params: { id: space.id }, body: body });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['events', space.id] });
      queryClient.setQueryData(eventKeys.one(saved.id), saved);
      await navigate(`/events/${saved.id}`);
    },
  });
  const labels: Record<string, string> = {
    kind: t('events.kindLabel'),
    title: t('events.titleLabel'),
    description: t('events.description'),
    startsAt: t('events.startsAt'),
    endsAt: t('events.endsAt'),
    municipalityCode: t('events.municipality'),
    workingGroupId: t('events.workingGroup'),
    placeName: t('events.placeName'),
    address: t('events.address'),
    lat: t('events.lat'),
    lon: t('events.lon'),
    onlineUrl: t('events.onlineUrl'),
    capacity: t('events.capacity'),
    onlineCapacity: t('events.onlineCapacity'),
    registrationOpensAt: t('events.opensAt'),
    registrationClosesAt: t('events.closesAt'),
    cohostIds: t('events.cohosts'),
    targets: t('agenda2030.picker.legend'),
  };
  agenda.forEach((_a, i) => {
    labels[`agenda.${i}.startsAt`] = t('events.agendaTime', { n: i + 1 });
    labels[`agenda.${i}.title`] = t('events.agendaTitle', { n: i + 1 });
  });
  type TextKey = Exclude<keyof typeof v, 'public'>;
  /** What each of the event's own fields shares: its scope, name, label, value, change handler and error. */
  const bind = (name: TextKey) => ({
    scope: 'event',
    name,
    label: labels[name],
    value: v[name],
    onChange: set(name),
    error: fieldError(save.error, name),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const heading = event ? t('events.editTitle') : t('events.createTitle');
  const spaceMunicipalities = sortBy(
    space.municipalityCodes.map((code) => ({ code, name: municipalities.get(code)?.name ?? code })),
    (m) => m.name,
  );
  const available = sortBy(
    (organisations.data ?? []).filter((o) => !cohosts.some((c) => c.id === o.id)),
    (o) => o.name,
  );
  return (
    <div className="container">
      <p className="breadcrumbs">
        <Link to={event ? `/events/${event.id}` : `/spaces/${space.id}/events`}>
          {event ? event.title : t('events.backTo', { name: space.name })}
        </Link>
      </p>
      <h1>{heading}</h1>
      <ErrorSummary error={save.error} scope="event" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="event-form">
        <SelectField
          {...bind('kind')}
          options={[{ value: '', label: t('common.choose') }, ...EVENT_KINDS.map((k) => ({ value: k, label: eventKindLabel(t, k) }))]}
          required
        />
        <TextField {...bind('title')} required />
        <TextAreaField {...bind('description')} rows={4} />
        <CheckboxField
          scope="event"
          name="public"
          label={t('events.publicLabel')}
          hint={t('events.publicHint')}
          checked={v.public}
          onChange={(c) => setV({ ...v, public: c })}
        />
        <div className="form-row">
          <TextField {...bind('startsAt')} hint={t('events.timeHint')} type="datetime-local" required />
          <TextField {...bind('endsAt')} hint={t('events.timeHint')} type="datetime-local" required />
        </div>
        <div className="form-row">
          <SelectField
            {...bind('municipalityCode')}
            options={[
              { value: '', label: t('events.noMunicipality') },
              ...spaceMunicipalities.map((m) => ({ value: m.code, label: m.name })),
            ]}
          />
          <SelectField
            {...bind('workingGroupId')}
            options={[
              { value: '', label: t('events.noGroup') },
              ...sortBy(groups.data ?? [], (g) => g.name).map((g) => ({ value: g.id, label: g.name })),
            ]}
          />
        </div>
        <fieldset className="fieldset">
          <legend className="field__label">{t('events.placeLegend')}</legend>
          <p className="field__hint">{t('events.placeHint')}</p>
          <div className="form-row">
            <TextField {...bind('placeName')} />
            <TextField {...bind('address')} autoComplete="street-address" />
          </div>
          <p className="field__hint">{t('events.mapHint')}</p>
          <MunicipalityMap
            codes={v.municipalityCode ? [v.municipalityCode] : space.municipalityCodes}
            label={t('events.mapLabel')}
            picked={pickedPoint}
            onPick={(lon, lat) => setV((prev) => ({ ...prev, lon: String(lon), lat: String(lat) }))}
          />
          <div className="form-row">
            <TextField {...bind('lat')} hint={t('events.latHint')} inputMode="decimal" />
            <TextField {...bind('lon')} hint={t('events.lonHint')} inputMode="decimal" />
          </div>
          <TextField {...bind('onlineUrl')} hint={t('events.onlineUrlHint')} type="url" />
          <div className="form-row">
            <TextField {...bind('capacity')} hint={t('events.capacityHint')} inputMode="numeric" />
            <TextField {...bind('onlineCapacity')} hint={t('events.capacityHint')} inputMode="numeric" />
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend className="field__label">{t('events.registrationLegend')}</legend>
          <div className="form-row">
            <TextField {...bind('registrationOpensAt')} type="datetime-local" />
            <TextField {...bind('registrationClosesAt')} type="datetime-local" />
          </div>
          <p className="field__hint">{t('events.questionsHint')}</p>
          {QUESTIONS.map((q) => (
            <CheckboxField
              key={q}
              scope="event"
              name={`question-${q}`}
              label={questionLabel(t, q)}
              checked={questions.includes(q)}
              onChange={(c) => setQuestions(c ? [...questions, q] : questions.filter((x) => x !== q))}
            />
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend className="field__label">{t('events.cohosts')}</legend>
          {cohosts.length > 0 && (
            <ul className="chips" aria-label={t('events.cohostsChosen')}>
              {cohosts.map((c) => (
                <li key={c.id} className="chip">
                  {c.name}
                  <button
                    type="button"
                    className="chip__remove"
                    onClick={() => setCohosts(cohosts.filter((x) => x.id !== c.id))}
                    aria-label={t('events.removeCohost', { name: c.name })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <SelectField
            scope="event"
            label={t('events.addCohost')}
            name="cohost"
            value=""
            onChange={(e) => {
              const o = available.find((x) => x.id === e.target.value);
              if (o) setCohosts([...cohosts, { id: o.id, name: o.name }]);
            }}
            options={[{ value: '', label: t('common.choose') }, ...available.map((o) => ({ value: o.id, label: o.name }))]}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend className="field__label">{t('events.agenda')}</legend>
          {agenda.map((row, i) => (
            <div className="form-row" key={row.key}>
              <TextField
                scope="event"
                label={labels[`agenda.${i}.startsAt`]}
                name={`agenda.${i}.startsAt`}
                type="datetime-local"
                value={row.time}
                onChange={(e) => setAgenda(agenda.map((a) => (a.key === row.key ? { ...a, time: e.target.value } : a)))}
                error={fieldError(save.error, `agenda.${i}.startsAt`)}
              />
              <TextField
                scope="event"
                label={labels[`agenda.${i}.title`]}
                name={`agenda.${i}.title`}
                value={row.title}
                onChange={(e) => setAgenda(agenda.map((a) => (a.key === row.key ? { ...a, title: e.target.value } : a)))}
                error={fieldError(save.error, `agenda.${i}.title`)}
              />
              <div className="form-row__submit">
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => setAgenda(agenda.filter((a) => a.key !== row.key))}
                >
                  {t('common.remove')}
                  <span className="visually-hidden"> {labels[`agenda.${i}.title`]}</span>
                </button>
              </div>
            </div>
          ))}
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => setAgenda([...agenda, { key: Date.now(), time: agenda.at(-1)?.time ?? v.startsAt, title: '' }])}
          >
            {t('events.addAgendaItem')}
          </button>
        </fieldset>
        <GoalTargetPicker scope="event" goals={tags.goals} targets={tags.targets} onChange={setTags} error={tagsError(save.error)} />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {event ? t('common.save') : t('events.createButton')}
          </button>
          <Link className="button button--secondary" to={event ? `/events/${event.id}` : `/spaces/${space.id}/events`}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
