import { LIBRARY_KINDS, INPUT_THEMES, libraryEndpoints, type LibraryItem, type LibraryKind } from '@samhandling/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, isApiError, pathOf } from '../../api/client.ts';
import { formatDate } from '../../api/format.ts';
import { useCounties, useMe } from '../../api/hooks.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePage.ts';
import { GoalTags, GoalTargetPicker, tagsError, useAgendaGoals } from '../../components/GoalTargetPicker.tsx';
import { ErrorSummary, fieldError, Loading, QueryError, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { pick } from '../../i18n/labels.ts';
import { enumLabel } from '../../i18n/labels.ts';

/** A highlighted fragment from the server: hits between « and », shown as <mark> (text only, never HTML). */
function Highlight({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  text.split('«').forEach((chunk, i) => {
    if (i === 0) return parts.push(chunk);
    const [hit = '', rest = ''] = chunk.split('»');
    parts.push(<mark key={i}>{hit}</mark>, rest);
  });
  return <p className="library-hit">{parts}</p>;
}

/** The knowledge library: search (Swedish full text), facets, hits with highlights. */
/** Where a "used in" entry opens (the library links events, measures and joint initiatives). */
const USE_PATHS: Record<string, string> = { event: 'events', measure: 'measures', initiative: 'initiatives', model: 'models' };

export function LibraryPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('library.title'));
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const filters = { q: params.get('q') ?? undefined, kind: params.get('kind') ?? undefined, goal: params.get('goal') ?? undefined, theme: params.get('theme') ?? undefined, countyCode: params.get('countyCode') ?? undefined };
  const result = useQuery({
    queryKey: ['library', filters],
    queryFn: () =>
      api.searchLibrary({
        query: {
          ...(filters.q ? { q: filters.q } : {}),
          ...(filters.kind ? { kind: pick(LIBRARY_KINDS, filters.kind) } : {}),
          ...(filters.goal ? { goal: Number(filters.goal) } : {}),
          ...(filters.theme ? { theme: pick(INPUT_THEMES, filters.theme) } : {}),
          ...(filters.countyCode ? { countyCode: filters.countyCode } : {}),
        },
      }),
  });
  const me = useMe();
  const goals = useAgendaGoals();
  const counties = useCounties();
  const en = i18n.language.startsWith('en');
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set('q', q.trim() || null);
  };
  const facetLabel = (facet: string, value: string) => {
    if (facet === 'kind') return enumLabel(t, 'libraryKind', value);
    if (facet === 'theme') return t(`inputs.theme.${value}`, { defaultValue: value });
    if (facet === 'goal') {
      const goal = goals.data?.find((g) => String(g.number) === value);
      return `${value}. ${goal ? (en ? goal.nameEn : goal.nameSv) : ''}`;
    }
    return counties.data?.find((c) => c.code === value)?.name ?? value;
  };
  const facetKey = (facet: string) => (facet === 'region' ? 'countyCode' : facet);
  return (
    <div className="container">
      <h1>{t('library.title')}</h1>
      <p className="lead">{t('library.lead')}</p>
      {me.data && (
        <p>
          <Link to="/library/new" className="button">
            {t('library.add')}
          </Link>
        </p>
      )}
      <form role="search" onSubmit={submit} className="form-row">
        <TextField scope="library" label={t('library.search')} name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="button">
          {t('library.searchButton')}
        </button>
      </form>
      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <QueryError error={result.error} />
      ) : (
        <div className="library-layout">
          <aside aria-label={t('library.facets')} className="library-facets">
            {(['kind', 'goal', 'theme', 'region'] as const).map((facet) => (
              <section key={facet}>
                <h2 className="h3">{t(`library.facet.${facet}`)}</h2>
                <ul>
                  {params.get(facetKey(facet)) && (
                    <li>
                      <button type="button" className="link-button" onClick={() => set(facetKey(facet), null)}>
                        {t('library.clearFacet')}
                      </button>
                    </li>
                  )}
                  {result.data.facets[facet].map((f) => (
                    <li key={f.value}>
                      <button type="button" className="link-button" aria-pressed={params.get(facetKey(facet)) === f.value} onClick={() => set(facetKey(facet), f.value)}>
                        {facetLabel(facet, f.value)} ({f.count})
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </aside>
          <section aria-labelledby="library-hits">
            <h2 id="library-hits" aria-live="polite">
              {t('library.hits', { count: result.data.total })}
            </h2>
            <ul className="cards" data-testid="library-hits">
              {result.data.items.map((item) => (
                <li key={item.id} className="card" data-testid="library-hit">
                  <h3 className="card__title">
                    <Link to={`/library/${item.id}`}>{item.title}</Link>
                  </h3>
                  <p className="tags">
                    <span className="tag">{enumLabel(t, 'libraryKind', item.kind)}</span>
                    {item.visibility === 'members' && <span className="tag tag--role">{t('library.membersOnly')}</span>}
                    <span className="tag tag--public">{item.spaceName}</span>
                  </p>
                  {item.highlight ? <Highlight text={item.highlight} /> : item.summary && <p>{item.summary}</p>}
                  <GoalTags goals={item.goals} targets={item.targets} />
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}

function useItem(id: string) {
  // A new item (no id yet) asks for nothing.
  return useQuery({ queryKey: ['library-item', id], queryFn: () => api.getLibraryItem({ params: { id } }), retry: false, enabled: id !== '' });
}

/** One item: summary, body, links, files, goals, where it is used, versions. */
export function LibraryItemPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const item = useItem(id);
  usePageTitle(item.data?.title ?? t('library.title'));
  if (item.isPending) return <div className="container"><Loading /></div>;
  if (item.isError) return isApiError(item.error) && (item.error.status === 404 || item.error.status === 400) ? <NotFoundPage /> : <QueryError error={item.error} />;
  const i = item.data;
  return (
    <div className="container">
      <p>
        <Link to="/library">{t('library.back')}</Link>
      </p>
      <h1>{i.title}</h1>
      <p className="tags">
        <span className="tag">{enumLabel(t, 'libraryKind', i.kind)}</span>
        {i.visibility === 'members' && <span className="tag tag--role">{t('library.membersOnly')}</span>}
      </p>
      {i.summary && <p className="lead">{i.summary}</p>}
      <GoalTags goals={i.goals} targets={i.targets} />
      <dl className="facts">
        <dt>{t('library.fields.space')}</dt>
        <dd>
          <Link to={`/spaces/${i.spaceId}`}>{i.spaceName}</Link>
        </dd>
        {i.organisationName && (
          <>
            <dt>{t('library.fields.organisation')}</dt>
            <dd>{i.organisationName}</dd>
          </>
        )}
        {i.licence && (
          <>
            <dt>{t('library.fields.licence')}</dt>
            <dd>{i.licence}</dd>
          </>
        )}
        {i.publishedOn && (
          <>
            <dt>{t('library.fields.publishedOn')}</dt>
            <dd>{formatDate(i.publishedOn)}</dd>
          </>
        )}
        <dt>{t('library.fields.version')}</dt>
        <dd>{t('library.versionOf', { version: i.version, date: formatDate(i.updatedAt) })}</dd>
      </dl>
      {i.body && (
        <section className="section">
          <h2>{t('library.fields.body')}</h2>
          {i.body.split(/\n{2,}/).map((p, n) => (
            <p key={n}>{p}</p>
          ))}
        </section>
      )}
      {i.links.length > 0 && (
        <section className="section">
          <h2>{t('library.fields.links')}</h2>
          <ul>
            {i.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} rel="noopener noreferrer">
                  {l.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="section">
        <h2>{t('library.fields.files')}</h2>
        {i.files.length === 0 ? (
          <p className="empty">{t('library.noFiles')}</p>
        ) : (
          <ul>
            {i.files.map((f) => (
              <li key={f.id}>
                <a href={pathOf(libraryEndpoints.openLibraryFile, { id: i.id, fileId: f.id })} download>
                  {f.title}
                </a>{' '}
                ({f.fileName})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" data-testid="used-in">
        <h2>{t('library.usedIn')}</h2>
        {i.usedIn.length === 0 ? (
          <p className="empty">{t('library.notUsed')}</p>
        ) : (
          <ul>
            {i.usedIn.map((u) => (
              <li key={`${u.kind}-${u.id}`}>
                <span className="tag">{t(`library.useKinds.${u.kind}`, { defaultValue: u.kind })}</span>{' '}
                {u.kind in USE_PATHS ? <Link to={`/${USE_PATHS[u.kind]}/${u.id}`}>{u.title}</Link> : u.title}
              </li>
            ))}
          </ul>
        )}
      </section>
      {i.allowedActions.includes('update') && (
        <p>
          <Link to={`/library/${i.id}/edit`} className="button">
            {t('library.edit')}
          </Link>
        </p>
      )}
    </div>
  );
}

/** Add (`/library/new?spaceId=…`) or edit (`/library/:id/edit`) an item; every save is a new version. */
export function LibraryEditorPage() {
  const { id } = useParams();
  const item = useItem(id ?? '');
  if (!id) return <LibraryEditor />;
  if (item.isPending) return <div className="container"><Loading /></div>;
  if (item.isError) return <NotFoundPage />;
  return <LibraryEditor item={item.data} />;
}

function LibraryEditor({ item }: { item?: LibraryItem }) {
  const { t } = useTranslation();
  usePageTitle(item ? t('library.editTitle', { title: item.title }) : t('library.add'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const spaces = useQuery({ queryKey: ['spaces', 'mine'], queryFn: () => api.listSpaces({ query: { mine: 'true' } }) });
  const [v, setV] = useState({
    spaceId: item?.spaceId ?? params.get('spaceId') ?? '',
    visibility: item?.visibility ?? 'public',
    kind: item?.kind ?? 'method',
    title: item?.title ?? '',
    summary: item?.summary ?? '',
    body: item?.body ?? '',
    licence: item?.licence ?? 'CC BY 4.0',
    linkTitle: item?.links[0]?.title ?? '',
    linkUrl: item?.links[0]?.url ?? '',
    goals: item?.goals ?? [],
    targets: item?.targets ?? [],
  });
  const save = useMutation({
    mutationFn: () => {
      const fields = {
        visibility: pick(['public', 'members'] as const, v.visibility),
        kind: pick(LIBRARY_KINDS, v.kind) as LibraryKind,
        title: v.title,
        summary: v.summary,
        body: v.body,
        licence: v.licence,
        links: v.linkUrl ? [{ title: v.linkTitle || v.linkUrl, url: v.linkUrl }] : [],
        goals: v.goals,
        targets: v.targets,
      };
      return item ? api.patchLibraryItem({ params: { id: item.id }, body: fields }) : api.createLibraryItem({ body: { ...fields, spaceId: v.spaceId } });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['library'] });
      await queryClient.invalidateQueries({ queryKey: ['library-item', saved.id] });
      await navigate(`/library/${saved.id}`);
    },
  });
  const labels = {
    spaceId: t('library.fields.space'),
    visibility: t('library.fields.visibility'),
    kind: t('library.fields.kind'),
    title: t('library.fields.title'),
    summary: t('library.fields.summary'),
    body: t('library.fields.body'),
    licence: t('library.fields.licence'),
    'links.0.url': t('library.fields.linkUrl'),
    'links.0.title': t('library.fields.linkTitle'),
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <div className="container">
      <h1>{item ? t('library.editTitle', { title: item.title }) : t('library.add')}</h1>
      <ErrorSummary error={save.error} scope="library-item" labels={labels} />
      <form onSubmit={submit} noValidate data-testid="library-editor">
        {!item && (
          <SelectField
            scope="library-item"
            label={labels.spaceId}
            name="spaceId"
            value={v.spaceId}
            onChange={(e) => setV({ ...v, spaceId: e.target.value })}
            error={fieldError(save.error, 'spaceId')}
            options={[{ value: '', label: t('library.chooseSpace') }, ...(spaces.data ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            required
          />
        )}
        <div className="form-row">
          <SelectField scope="library-item" label={labels.kind} name="kind" value={v.kind} onChange={(e) => setV({ ...v, kind: pick(LIBRARY_KINDS, e.target.value) ?? 'method' })} options={LIBRARY_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'libraryKind', k) }))} />
          <SelectField
            scope="library-item"
            label={labels.visibility}
            name="visibility"
            value={v.visibility}
            onChange={(e) => setV({ ...v, visibility: pick(['public', 'members'] as const, e.target.value) ?? 'public' })}
            options={[
              { value: 'public', label: t('library.visibility.public') },
              { value: 'members', label: t('library.visibility.members') },
            ]}
          />
        </div>
        <TextField scope="library-item" label={labels.title} name="title" value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={fieldError(save.error, 'title')} required />
        <TextAreaField scope="library-item" label={labels.summary} name="summary" value={v.summary} onChange={(e) => setV({ ...v, summary: e.target.value })} error={fieldError(save.error, 'summary')} rows={2} />
        <TextAreaField scope="library-item" label={labels.body} name="body" value={v.body} onChange={(e) => setV({ ...v, body: e.target.value })} error={fieldError(save.error, 'body')} rows={8} />
        <div className="form-row">
          <TextField scope="library-item" label={labels['links.0.title']} name="linkTitle" value={v.linkTitle} onChange={(e) => setV({ ...v, linkTitle: e.target.value })} error={fieldError(save.error, 'links.0.title')} />
          <TextField scope="library-item" label={labels['links.0.url']} name="linkUrl" type="url" value={v.linkUrl} onChange={(e) => setV({ ...v, linkUrl: e.target.value })} error={fieldError(save.error, 'links.0.url')} />
        </div>
        <TextField scope="library-item" label={labels.licence} name="licence" value={v.licence} onChange={(e) => setV({ ...v, licence: e.target.value })} error={fieldError(save.error, 'licence')} />
        <GoalTargetPicker scope="library-item" goals={v.goals} targets={v.targets} onChange={(tags) => setV({ ...v, ...tags })} error={tagsError(save.error)} />
        <button type="submit" className="button" disabled={save.isPending}>
          {t('library.save')}
        </button>
      </form>
    </div>
  );
}
