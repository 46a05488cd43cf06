/**
 * Recorded-style traces of one resident's check-ins, each fix as a phone reports it: where,
 * how accurate, and when the server received it. The travel check runs over each pair in
 * turn, as it does when check-ins arrive one after another.
 */
import { describe, expect, it } from 'vitest';
import { travelCheck } from './checkin';
import { DEFAULT_VERIFICATION_RULES as RULES } from './model';

interface TraceFix {
  lat: number;
  lng: number;
  accuracyM: number;
  atS: number;
  confirmingFix?: { lat: number; lng: number; accuracyM: number };
}

const T0 = Date.parse('2026-11-20T10:00:00Z');

function verdicts(trace: TraceFix[]): string[] {
  return trace.slice(1).map((fix, i) => {
    const prev = trace[i]!;
    const at = new Date(T0 + fix.atS * 1000);
    return travelCheck(
      { ...fix, deviceTime: at },
      at,
      { ...prev, at: new Date(T0 + prev.atS * 1000) },
      RULES.travel,
    ).verdict;
  });
}

describe('travel check over recorded traces', () => {
  it('a walk with one network-fallback fix (4.8 km off, ±1,500 m) is looked at, not rejected', () => {
    const walk: TraceFix[] = [
      { lat: 52.6296, lng: -1.1405, accuracyM: 9, atS: 0 },
      { lat: 52.6331, lng: -1.1372, accuracyM: 12, atS: 900 },
      // The phone lost GPS indoors and fell back to a cell tower's position for one fix.
      { lat: 52.6735, lng: -1.1372, accuracyM: 1500, atS: 960 },
      { lat: 52.6339, lng: -1.1361, accuracyM: 8, atS: 1500 },
    ];
    // Back on GPS 9 min later: believable from the vague fix, so no second doubt.
    expect(verdicts(walk)).toEqual(['pass', 'doubt', 'pass']);
  });

  it('a bus ride across town passes', () => {
    const ride: TraceFix[] = [
      { lat: 52.6296, lng: -1.1405, accuracyM: 10, atS: 0 },
      { lat: 52.6531, lng: -1.1002, accuracyM: 15, atS: 20 * 60 },
    ];
    expect(verdicts(ride)).toEqual(['pass']);
  });

  it('a location spoofed across the country, confirmed by its own second fix, is rejected', () => {
    const spoof: TraceFix[] = [
      { lat: 52.6296, lng: -1.1405, accuracyM: 8, atS: 0 },
      {
        lat: 51.5007,
        lng: -0.1246,
        accuracyM: 5,
        atS: 300,
        confirmingFix: { lat: 51.50072, lng: -0.12462, accuracyM: 5 },
      },
    ];
    expect(verdicts(spoof)).toEqual(['reject']);
  });
});
