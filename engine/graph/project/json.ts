/**
 * Defensive JSON reading for project files: a size cap, syntax errors with line and column, and a
 * walk over the parsed value (iterative, so depth cannot overflow the stack) that refuses
 * prototype-polluting keys and absurd nesting. JSON.parse itself builds plain data only.
 */

export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
/** Deepest nesting a project needs is about 8; anything far beyond is hostile. */
export const MAX_JSON_DEPTH = 64;

export type JsonProblem =
  | { code: 'syntax'; message: string; position: number; line: number; column: number }
  | { code: 'forbidden_key'; message: string; path: string }
  | { code: 'too_deep'; message: string; path: string };

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

export function parseJsonSafely(text: string): JsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const position = errorPosition(text, err);
    const { line, column } = lineColumn(text, position);
    const what =
      position >= text.length
        ? 'the file ends too early (is it truncated?)'
        : describe(text, position);
    return {
      ok: false,
      problem: {
        code: 'syntax',
        message: `The file is not valid JSON: ${what} at line ${line}, column ${column}.`,
        position,
        line,
        column,
      },
    };
  }
  const problem = checkTree(value);
  return problem ? { ok: false, problem } : { ok: true, value };
}

function describe(text: string, position: number): string {
  const ch = text[position]!;
  const shown = /[\x20-\x7e]/.test(ch) ? `"${ch}"` : `character U+${ch.charCodeAt(0).toString(16)}`;
  return `unexpected ${shown}`;
}

/** Walks every object and array; returns the first forbidden key or excessive depth. */
function checkTree(root: unknown): JsonProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) {
      return {
        code: 'too_deep',
        message: `The file nests deeper than ${MAX_JSON_DEPTH} levels (at ${shorten(path) || 'the top'}).`,
        path: shorten(path),
      };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const v: unknown = value[i];
        if (v !== null && typeof v === 'object')
          stack.push({ value: v, path: `${path}[${i}]`, depth: depth + 1 });
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) {
        return {
          code: 'forbidden_key',
          message: `${at}: the key "${key}" is not allowed in a project file.`,
          path: at,
        };
      }
      const v: unknown = (value as Record<string, unknown>)[key];
      if (v !== null && typeof v === 'object') stack.push({ value: v, path: at, depth: depth + 1 });
    }
  }
  return null;
}

function shorten(path: string): string {
  return path.length > 80 ? `${path.slice(0, 77)}…` : path;
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: position - start + 1 };
}

/** Where JSON.parse failed: from its message when it says, else found by a small scanner. */
function errorPosition(text: string, err: unknown): number {
  const m = /at position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (m) return Math.min(Number(m[1]), text.length);
  return new Scanner(text).firstError();
}

/** A minimal JSON syntax checker, used only to locate an error JSON.parse did not place. */
class Scanner {
  private i = 0;
  constructor(private readonly s: string) {}

  firstError(): number {
    try {
      this.ws();
      this.value();
      this.ws();
      return this.i < this.s.length ? this.i : this.s.length;
    } catch (e) {
      if (typeof e === 'number') return Math.min(e, this.s.length);
      throw e;
    }
  }

  private ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i]!)) this.i++;
  }

  private expect(ch: string): void {
    if (this.s[this.i] !== ch) throw this.i;
    this.i++;
  }

  // Iterative over containers: a stack of what is open.
  private value(): void {
    const open: string[] = [];
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === '{') {
        this.i++;
        this.ws();
        if (this.s[this.i] === '}') this.i++;
        else {
          open.push('}');
          this.key();
          continue;
        }
      } else if (c === '[') {
        this.i++;
        this.ws();
        if (this.s[this.i] === ']') this.i++;
        else {
          open.push(']');
          continue;
        }
      } else if (c === '"') this.string();
      else if (c !== undefined && /[-0-9]/.test(c)) this.number();
      else this.literal();
      // After a value: close containers or move to the next element.
      for (;;) {
        const close = open[open.length - 1];
        if (close === undefined) return;
        this.ws();
        const d = this.s[this.i];
        if (d === ',') {
          this.i++;
          if (close === '}') this.key();
          break;
        }
        if (d !== close) throw this.i;
        this.i++;
        open.pop();
      }
    }
  }

  private key(): void {
    this.ws();
    if (this.s[this.i] !== '"') throw this.i;
    this.string();
    this.ws();
    this.expect(':');
  }

  private string(): void {
    this.i++;
    for (;;) {
      if (this.i >= this.s.length) throw this.i;
      const c = this.s.charCodeAt(this.i);
      if (c === 34) {
        this.i++;
        return;
      }
      if (c < 32) throw this.i;
      if (c === 92) {
        const e = this.s[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6))) throw this.i;
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else throw this.i + 1;
      } else this.i++;
    }
  }

  private number(): void {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      this.s.slice(this.i, this.i + 400),
    );
    if (!m || m[0] === '' || m[0] === '-') throw this.i;
    this.i += m[0].length;
  }

  private literal(): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    throw this.i;
  }
}
