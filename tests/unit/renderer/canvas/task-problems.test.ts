import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../renderer/store/analysis';
import { shapeOf } from '../../../../renderer/store/data';
import { TEMPLATES } from '../../../../renderer/canvas/templates';
import { prep, sample } from '../../engine/data/helpers';

const numeric = (rows: number) => {
  const lines = ['x1,x2,price'];
  for (let i = 0; i < rows; i++) lines.push(`${i},${(i * 7) % 11},${(i * 1.37 + 2).toFixed(2)}`);
  return lines.join('\n') + '\n';
};

const logistic = () => TEMPLATES.find((t) => t.id === 'logistic')!.build(2);
const mlp = () => TEMPLATES.find((t) => t.id === 'mlp')!.build(3);

describe('the canvas analysis for the loaded dataset', () => {
  it('tells the checker a numeric target is a regression, so a sigmoid + BCE network is refused', async () => {
    const s = (await prep(numeric(40), undefined, 'prices.csv')).summary;
    expect(s.target?.task).toBe('regression');
    const shape = shapeOf(s);
    expect(shape.targets).toBe(1);
    const a = analyse(logistic(), shape);
    expect(a.ok).toBe(false);
    expect(a.problems.map((p) => p.code)).toEqual(['loss_task']);
    expect(a.problems[0]!.message).toMatch(/the target is a number \(a regression\)/);
  });

  it('refuses a Softmax classifier on a numeric target', async () => {
    const shape = shapeOf((await prep(numeric(40), undefined, 'prices.csv')).summary);
    expect(analyse(mlp(), shape).problems.map((p) => p.code)).toEqual(['loss_task']);
  });

  it('keeps a class target a classification, with no targets given', async () => {
    const shape = shapeOf((await prep(sample('iris'), undefined, 'iris.csv')).summary);
    expect(shape.targets).toBeUndefined();
    expect(analyse(mlp(), shape).ok).toBe(true);
  });
});
