import type { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { isMessageKey, type MessageKey } from '../platform/messages.ts';

interface FieldProblem {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** Maps one zod issue to a plain-language message key; custom issues carry their key as message. */
function problemOf(issue: z.core.$ZodIssue, input: unknown): FieldProblem {
  if (isMessageKey(issue.message)) return { key: issue.message, params: {} };
  switch (issue.code) {
    case 'invalid_type': {
      const missing = valueAt(input, issue.path) === undefined;
      return { key: missing ? 'validation.required' : 'validation.type', params: {} };
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return minimum === 1 ? { key: 'validation.required', params: {} } : { key: 'validation.too_short', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.too_few', params: { minimum } };
      return { key: 'validation.too_small_number', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'validation.too_long', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.too_many', params: { maximum } };
      return { key: 'validation.too_big_number', params: { maximum } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'validation.email', params: {} };
      if (issue.format === 'url') return { key: 'validation.url', params: {} };
      if (issue.format === 'uuid') return { key: 'validation.uuid', params: {} };
      return { key: 'validation.format', params: {} };
    case 'invalid_value':
      return { key: 'validation.enum', params: { values: issue.values.map(String).join(', ') } };
    default:
      return { key: 'validation.invalid', params: {} };
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

export class ValidationError extends AppError {
  constructor(readonly problems: Record<string, FieldProblem>) {
    super('invalid', 'errors.invalid', Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, v.key])));
  }
}

/**
 * Parses input with a contract schema. On failure every problem is reported, one per field
 * (`field`, `nested.field`, `list.0`), translated when the error is sent.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems: Record<string, FieldProblem> = {};
  const nameOf = (path: PropertyKey[]) => [root, ...path.map(String)].filter(Boolean).join('.') || '_';
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // One problem per field that is not allowed, each under its own name.
      for (const key of issue.keys) problems[nameOf([...issue.path, key])] ??= { key: 'validation.unknown_field', params: { keys: key } };
      continue;
    }
    problems[nameOf(issue.path)] ??= problemOf(issue, input);
  }
  throw new ValidationError(problems);
}
