import { describe, expect, it } from 'vitest';
import {
  MAX_VISIBLE,
  addNotice,
  lifetime,
  visibleNotices,
  type Notice,
} from '../../../../renderer/store/noticeQueue';

const add = (list: Notice[], id: number, text: string, kind: Notice['kind'] = 'error') =>
  addNotice(list, { id, text, kind }).list;

describe('toast list', () => {
  it('counts a repeated message instead of stacking it', () => {
    let list: Notice[] = [];
    for (let i = 1; i <= 3; i++) list = add(list, i, 'Stop the training first.');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 1, count: 3 });
  });

  it('moves a repeated message to the newest place', () => {
    let list = add([], 1, 'a');
    list = add(list, 2, 'b');
    list = add(list, 3, 'a');
    expect(list.map((n) => n.text)).toEqual(['b', 'a']);
  });

  it('keeps the same words of another kind apart', () => {
    const list = add(add([], 1, 'Saved.', 'info'), 2, 'Saved.', 'error');
    expect(list).toHaveLength(2);
  });

  it('never groups messages shown at the pointer', () => {
    let list: Notice[] = [];
    list = addNotice(list, { id: 1, text: 'x', kind: 'error', at: { x: 1, y: 1 } }).list;
    list = addNotice(list, { id: 2, text: 'x', kind: 'error', at: { x: 5, y: 5 } }).list;
    expect(list).toHaveLength(2);
  });

  it('lets errors stay until closed and information leave by itself', () => {
    expect(lifetime({ kind: 'error' })).toBeNull();
    expect(lifetime({ kind: 'info' })).toBeGreaterThan(0);
    expect(lifetime({ kind: 'error', at: { x: 0, y: 0 } })).toBeGreaterThan(0);
    expect(lifetime({ kind: 'info', action: { label: 'Undo', run() {} } })!).toBeGreaterThan(
      lifetime({ kind: 'info' })!,
    );
  });

  it('shows the newest few and counts the rest', () => {
    let list: Notice[] = [];
    for (let i = 1; i <= MAX_VISIBLE + 2; i++) list = add(list, i, `message ${i}`);
    const { shown, hidden } = visibleNotices(list);
    expect(shown).toHaveLength(MAX_VISIBLE);
    expect(shown.at(-1)!.text).toBe(`message ${MAX_VISIBLE + 2}`);
    expect(hidden).toBe(2);
  });
});
