import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, monthPeriod, presetPeriod, resolvePeriod } from './periods.js';

describe('outreach filter periods', () => {
  it('calendar periods run from their first day to the first day after them', () => {
    assert.deepEqual(presetPeriod('month', '2026-12-03'), { from: '2026-12-01', to: '2027-01-01' });
    assert.deepEqual(presetPeriod('lastMonth', '2026-01-10'), { from: '2025-12-01', to: '2026-01-01' });
    assert.deepEqual(presetPeriod('quarter', '2026-05-20'), { from: '2026-04-01', to: '2026-07-01' });
    assert.deepEqual(presetPeriod('year', '2026-05-20'), { from: '2026-01-01', to: '2027-01-01' });
  });

  it('reporting periods start on 15 December of the year before (Decree 09/2019)', () => {
    assert.deepEqual(presetPeriod('report6', '2026-03-01'), { from: '2025-12-15', to: '2026-06-15' });
    assert.deepEqual(presetPeriod('reportYear', '2026-12-14'), { from: '2025-12-15', to: '2026-12-15' });
    // From 15 December the next reporting year has begun.
    assert.deepEqual(presetPeriod('reportYear', '2026-12-15'), { from: '2026-12-15', to: '2027-12-15' });
    assert.deepEqual(presetPeriod('report6', '2026-12-20'), { from: '2026-12-15', to: '2027-06-15' });
  });

  it('a custom period includes the last day typed, and needs its end not before its start', () => {
    assert.deepEqual(resolvePeriod('custom', '2026-05-20', '2026-02-01', '2026-02-28'), { from: '2026-02-01', to: '2026-03-01' });
    assert.equal(resolvePeriod('custom', '2026-05-20', '2026-03-01', '2026-02-28'), null);
    assert.equal(resolvePeriod('custom', '2026-05-20', undefined, '2026-02-28'), null);
  });

  it('months step across years', () => {
    assert.equal(addMonths('2026-12', 1), '2027-01');
    assert.equal(addMonths('2026-01', -1), '2025-12');
    assert.deepEqual(monthPeriod('2028-02'), { from: '2028-02-01', to: '2028-03-01' });
  });
});
