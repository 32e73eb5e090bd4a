import { hasControlCharacters } from '@samhandling/contracts';
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

/** The paths of every string (or object key) holding a control character; at most 50 of them. */
function pathsWithControlCharacters(input: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const visit = (value: unknown, path: PropertyKey[], depth: number) => {
    if (found.length >= 50 || depth > 64) return;
    if (typeof value === 'string') {
      if (hasControlCharacters(value)) found.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index], depth + 1));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (hasControlCharacters(key)) found.push(path.length ? path : ['_']);
        else visit(item, [...path, key], depth + 1);
      }
    }
  };
  visit(input, [], 0);
  return found;
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
  const nameOf = (path: PropertyKey[]) => [root, ...path.map(String)].filter(Boolean).join('.') || '_';
  // Control characters are refused in every string before the schema sees it (issue 14 §1.3):
  // whatever the field, a NUL never reaches the database and a stray escape never reaches a file.
  const controlled = pathsWithControlCharacters(input);
  const result = schema.safeParse(input);
  if (result.success && controlled.length === 0) return result.data;
  const problems: Record<string, FieldProblem> = {};
  for (const path of controlled) problems[nameOf(path)] = { key: 'validation.control_characters', params: {} };
  if (result.success) throw new ValidationError(problems);
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
