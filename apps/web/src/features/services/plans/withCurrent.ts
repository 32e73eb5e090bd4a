

/** Options for a select, keeping the current value choosable even when it is not (yet) among them. */
export function withCurrent(options: { value: string; label: string }[], current: string): { value: string; label: string }[] {
  return current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
}
