import { describe, expect, it } from 'vitest';
import { activationInfo } from '../../../../../renderer/panels/inspector/activationInfo';
import {
  fitYRange,
  niceTicks,
  tickLabel,
} from '../../../../../renderer/panels/inspector/plotScale';

describe('activation plot scale', () => {
  it('draws ReLU up to its value at the right edge instead of clipping it', () => {
    const relu = activationInfo('relu');
    const { y1 } = fitYRange([relu.f, relu.df], -4, 4);
    expect(y1).toBeGreaterThanOrEqual(4);
  });

  it('keeps a sigmoid plot close to its (0, 1) range', () => {
    const s = activationInfo('sigmoid');
    const { y0, y1 } = fitYRange([s.f, s.df], -4, 4);
    expect(y0).toBeLessThanOrEqual(0);
    expect(y1).toBeGreaterThanOrEqual(1);
    expect(y1).toBeLessThan(1.5);
  });

  it('places ticks on round numbers within the range', () => {
    expect(niceTicks(-4, 4, 4)).toEqual([-4, -2, 0, 2, 4]);
    const t = niceTicks(-0.3, 4.3, 4);
    expect(t[0]).toBe(0);
    expect(t.at(-1)).toBe(4);
  });

  it('prints tick numbers with a real minus sign', () => {
    expect(tickLabel(-2)).toBe('−2');
    expect(tickLabel(0.5)).toBe('0.5');
  });
});
