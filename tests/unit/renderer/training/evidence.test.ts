import { describe, expect, it } from 'vitest';
import { describeEvidence } from '../../../../renderer/panels/training/evidence';

describe('alert evidence in words', () => {
  it('names a smoothed generalization loss instead of its key', () => {
    const e = describeEvidence('glSmoothed', 0.42);
    expect(e.label).toContain('smoothed');
    expect(e.label).not.toContain('glSmoothed');
    expect(e.value).toBe('0.42 %');
  });

  it('signs a validation-loss slope per epoch', () => {
    expect(describeEvidence('valSlope', 0.003)).toEqual({
      label: 'slope of validation loss per epoch',
      value: '+0.003',
    });
  });

  it('shows shares as percentages and missing values as n/a', () => {
    expect(describeEvidence('deadShare', 0.25).value).toBe('25 %');
    expect(describeEvidence('valLoss', null).value).toBe('n/a');
  });

  it('splits an unknown key into words', () => {
    expect(describeEvidence('someNewKey', 2).label).toBe('some new key');
  });
});
