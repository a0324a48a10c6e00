import { describe, expect, it } from 'vitest';
import { terminalJson, terminalText } from '../../../electron/cli/sanitize';
import { csvRows } from '../../../electron/cli/rows';

describe('terminal-safe text', () => {
  it('drops ANSI colour, OSC title and C0/C1 controls, keeping tab and newline', () => {
    expect(terminalText('a\u001b[31mred\u001b[0m\tb\n')).toBe('ared\tb\n');
    expect(terminalText('x\u001b]0;owned\u0007y')).toBe('xy');
    expect(terminalText('x\u001b]8;;http://e\u001b\\link\u001b]8;;\u001b\\')).toBe('xlink');
    expect(terminalText('c\u009b2Jd\u0000e\u007ff\u0085g')).toBe('cdefg');
  });
  it('keeps the text in JSON but escapes C1 controls, still valid JSON', () => {
    const line = terminalJson({ name: 'a\u001b[1m\u009bb' });
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(JSON.parse(line)).toEqual({ name: 'a\u001b[1m\u009bb' });
  });
});

async function rows(pieces: string[], delimiter = ',') {
  const out = [];
  for await (const r of csvRows(pieces, delimiter)) out.push(r);
  return out;
}

describe('streamed CSV rows', () => {
  it('reads rows across piece boundaries with their file lines, skipping blank lines', async () => {
    expect(await rows(['a,b\n1,', '2\n\n3', ',4\r\n5,6'])).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4'] },
      { line: 5, cells: ['5', '6'] },
    ]);
  });
  it('reads quoted fields with delimiters, doubled quotes and line breaks', async () => {
    expect(await rows(['x;y\n"a;b";"say ""hi', '""\nthere"\n1;2\n'], ';')).toEqual([
      { line: 1, cells: ['x', 'y'] },
      { line: 2, cells: ['a;b', 'say "hi"\nthere'] },
      { line: 4, cells: ['1', '2'] },
    ]);
  });
});
