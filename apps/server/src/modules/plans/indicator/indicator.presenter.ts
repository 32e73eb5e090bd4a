import type { Indicator } from '@samhandling/contracts';
import type { IndicatorRow, valuesOf } from './indicator.repository.ts';

type ValueRow = Awaited<ReturnType<typeof valuesOf>>[number];

export function presentIndicator(row: IndicatorRow, values: ValueRow[]): Indicator {
  return {
    id: row.id,
    goalId: row.goal_id,
    measureId: row.measure_id,
    name: row.name,
    unit: row.unit,
    baselineValue: row.baseline_value,
    baselineDate: row.baseline_date,
    targetValue: row.target_value,
    targetDate: row.target_date,
    direction: row.direction,
    values: values.filter((v) => v.indicator_id === row.id).map((v) => ({ id: v.id, value: v.value, measuredOn: v.measured_on, source: v.source, comment: v.comment })),
  };
}
