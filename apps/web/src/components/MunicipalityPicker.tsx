import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collator, sortBy } from '../api/format.ts';
import { useCounties, useMunicipalities } from '../api/hooks.ts';
import { Loading } from './fields.tsx';

/**
 * Choose municipalities: filter by name and county, tick the ones you want. The chosen ones are
 * listed above with a button each to take them away again.
 */
export function MunicipalityPicker({
  value,
  onChange,
  error,
  name = 'municipalityCodes',
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
  name?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { data: municipalities, isPending } = useMunicipalities();
  const { data: counties } = useCounties();
  const [query, setQuery] = useState('');
  const [county, setCounty] = useState('');
  const countyName = useMemo(() => new Map((counties ?? []).map((c) => [c.code, c.name])), [counties]);
  const byCode = useMemo(() => new Map((municipalities ?? []).map((m) => [m.code, m])), [municipalities]);
  const selected = new Set(value);

  const q = query.trim().toLocaleLowerCase('sv');
  const visible = sortBy(
    (municipalities ?? []).filter(
      (m) => (!county || m.countyCode === county) && (!q || m.name.toLocaleLowerCase('sv').includes(q) || m.code.startsWith(q)),
    ),
    (m) => m.name,
  );
  const chosen = sortBy(
    value.map((code) => byCode.get(code) ?? { code, name: code, countyCode: '' }),
    (m) => m.name,
  );

  const toggle = (code: string, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(code);
    else next.delete(code);
    onChange([...next]);
  };

  const errorId = error ? `field-${name}-error` : undefined;
  return (
    <fieldset
      className={`field fieldset picker${error ? ' field--error' : ''}`}
      id={`field-${name}`}
      aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}
    >
      <legend className="field__label">{t('picker.legend')}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('picker.hint')}
      </p>
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="picker__chosen">
        <p className="picker__count" role="status" data-testid="picker-count">
          {t('picker.selectedCount', { count: value.length })}
        </p>
        {chosen.length > 0 && (
          <ul className="chips" aria-label={t('picker.selectedLabel')}>
            {chosen.map((m) => (
              <li key={m.code} className="chip">
                <span>{m.name}</span>
                <button
                  type="button"
                  className="chip__remove"
                  onClick={() => toggle(m.code, false)}
                  aria-label={t('picker.remove', { name: m.name })}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="picker__filters">
        <div className="field">
          <label htmlFor={`${id}-q`} className="field__label">
            {t('picker.search')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className="input"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-county`} className="field__label">
            {t('picker.county')}
          </label>
          <select id={`${id}-county`} className="input select" value={county} onChange={(e) => setCounty(e.target.value)}>
            <option value="">{t('picker.allCounties')}</option>
            {[...(counties ?? [])]
              .sort((a, b) => collator.compare(a.name, b.name))
              .map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
          </select>
        </div>
      </div>
      {isPending ? (
        <Loading />
      ) : (
        <>
          <p className="picker__matches" aria-live="polite">
            {t('picker.matches', { count: visible.length })}
          </p>
          <div className="picker__list" role="group" aria-label={t('picker.listLabel')}>
            {visible.map((m) => {
              const optionId = `${id}-m-${m.code}`;
              return (
                <div className="checkbox" key={m.code}>
                  <input type="checkbox" id={optionId} checked={selected.has(m.code)} onChange={(e) => toggle(m.code, e.target.checked)} />
                  <label htmlFor={optionId}>
                    {m.name} <span className="muted">({countyName.get(m.countyCode) ?? ''})</span>
                  </label>
                </div>
              );
            })}
          </div>
        </>
      )}
    </fieldset>
  );
}
