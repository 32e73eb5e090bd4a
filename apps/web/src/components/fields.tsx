import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

interface FieldBase {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  /** A message for this field, e.g. from the API's error.fields. */
  error?: string | undefined;
  required?: boolean;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean) as string[];
  return list.length > 0 ? list.join(' ') : undefined;
}

export function fieldId(name: string, scope?: string) {
  return scope ? `${scope}-${name}` : `field-${name}`;
}

/** The ids a field's control points to: its hint and its error, when present. */
function fieldIds(name: string, scope: string | undefined, hint: ReactNode, error: string | undefined) {
  const id = fieldId(name, scope);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: describedBy(hintId, errorId) };
}

/** Label, hint and error around one control: the same frame for every text-like field. */
function FieldFrame({
  ids,
  label,
  hint,
  error,
  required,
  className,
  children,
}: { ids: ReturnType<typeof fieldIds>; className?: string | undefined; children: ReactNode } & Omit<FieldBase, 'name'>) {
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={ids.id} className="field__label">
        {label}
        {required && <RequiredMark />}
      </label>
      {hint && (
        <p id={ids.hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={ids.errorId} className="field__error">
          <ErrorIcon />
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

type InputProps = FieldBase & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name'> & { scope?: string };

export function TextField({ label, name, hint, error, required, scope, className, ...rest }: InputProps) {
  const ids = fieldIds(name, scope, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} required={required} className={className}>
      <input
        id={ids.id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className="input"
        {...rest}
      />
    </FieldFrame>
  );
}

type TextAreaProps = FieldBase & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'> & { scope?: string };

export function TextAreaField({ label, name, hint, error, required, scope, ...rest }: TextAreaProps) {
  const ids = fieldIds(name, scope, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={ids.id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className="input textarea"
        {...rest}
      />
    </FieldFrame>
  );
}

type SelectProps = FieldBase &
  Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'name'> & { options: { value: string; label: string }[]; scope?: string };

export function SelectField({ label, name, hint, error, required, options, scope, ...rest }: SelectProps) {
  const ids = fieldIds(name, scope, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error} required={required}>
      <select
        id={ids.id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className="input select"
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface RadioGroupProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string; hint?: string }[];
  scope?: string;
}

export function RadioGroup({ label, name, hint, error, value, onChange, options, scope, required }: RadioGroupProps) {
  const id = fieldId(name, scope);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={`field fieldset${error ? ' field--error' : ''}`} aria-describedby={describedBy(hintId, errorId)} id={id}>
      <legend className="field__label">
        {label}
        {required && <RequiredMark />}
      </legend>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          <ErrorIcon />
          {error}
        </p>
      )}
      <div className="radios">
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <div className="radio" key={o.value}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
              <label htmlFor={optionId}>
                {o.label}
                {o.hint && (
                  <span id={`${optionId}-hint`} className="radio__hint">
                    {o.hint}
                  </span>
                )}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function CheckboxField({
  label,
  name,
  checked,
  onChange,
  scope,
  hint,
}: {
  label: ReactNode;
  name: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  scope?: string;
  hint?: ReactNode;
}) {
  const id = fieldId(name, scope);
  return (
    <div className="checkbox">
      <input
        type="checkbox"
        id={id}
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>
        {label}
        {hint && (
          <span id={`${id}-hint`} className="radio__hint">
            {hint}
          </span>
        )}
      </label>
    </div>
  );
}

function RequiredMark() {
  const { t } = useTranslation();
  return <span className="field__required"> ({t('form.required')})</span>;
}

function ErrorIcon() {
  const { t } = useTranslation();
  return <span className="visually-hidden">{t('form.errorPrefix')} </span>;
}

/**
 * The error summary at the top of a form: the API's (already translated) message and a link to
 * each field with a problem. It takes focus when it appears, so keyboard and screen reader users
 * land on it.
 */
export function ErrorSummary({ error, labels, scope }: { error: unknown; labels?: Record<string, string>; scope?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const message = isApiError(error) ? error.message : error instanceof Error && error.message ? error.message : t('errors.unexpected');
  const fields = isApiError(error) ? Object.entries(error.fields) : [];
  const requestId = isApiError(error) && (error.status >= 500 || error.status === 0) ? error.requestId : undefined;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId} data-testid="error-summary">
      <h2 id={headingId} className="error-summary__title">
        {t('form.errorSummaryTitle')}
      </h2>
      <p>{message}</p>
      {fields.length > 0 && (
        <ul className="error-summary__list">
          {fields.map(([name, msg]) => (
            <li key={name}>
              {labels && !(name in labels) ? (
                msg
              ) : (
                <a
                  href={`#${fieldId(name, scope)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    const el = document.getElementById(fieldId(name, scope));
                    const target = el?.matches('fieldset') ? el.querySelector<HTMLElement>('input,select,textarea') : el;
                    target?.focus();
                  }}
                >
                  {labels?.[name] ? `${labels[name]}: ` : ''}
                  {msg}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {requestId && (
        <p>
          {t('errorPage.requestId')} <code className="request-id">{requestId}</code>
        </p>
      )}
    </div>
  );
}

/** The field's message from an API error, if any. */
export function fieldError(error: unknown, name: string): string | undefined {
  return isApiError(error) ? error.fields[name] : undefined;
}

/** A polite status message (e.g. "Saved") that screen readers announce. */
export function StatusMessage({ children, tone = 'success' }: { children: ReactNode; tone?: 'success' | 'info' }) {
  return (
    <div className={`notice notice--${tone}`} role="status">
      {children}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

export function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = isApiError(error) ? error.message : t('errors.unexpected');
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {requestId && (
        <p>
          {t('errorPage.requestId')} <code className="request-id">{requestId}</code>
        </p>
      )}
    </div>
  );
}
