// The entered indicators of the results framework (R1 and R4): values with their source.
import { eq } from 'drizzle-orm';
import { indicatorValueInput } from '../../../contract';
import { indicators } from '../../db/schema';
import * as framework from '../../indicators/resultsFramework';
import { INDICATOR_VALUES } from '../content';
import { parse, type Demo } from './context';

export function loadIndicatorValues({ ctx, today, year, day, at }: Demo) {
  for (const v of INDICATOR_VALUES) {
    const indicator = ctx.db
      .select({ id: indicators.id, kind: indicators.kind })
      .from(indicators)
      .where(eq(indicators.code, v.code))
      .get();
    if (!indicator || indicator.kind !== 'entered') continue;
    const recordedOn = day(v.on) < `${year}-01-01` ? today : day(v.on);
    framework.recordValue(
      at(recordedOn),
      parse(indicatorValueInput, {
        indicatorId: indicator.id,
        year,
        value: v.value,
        source: v.source,
        recordedOn,
      }),
    );
  }
}
