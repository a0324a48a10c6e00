/**
 * Data-derived text (column names, cell values, file names, messages) is shown on a terminal:
 * an escape sequence in a CSV header must not recolour, retitle or rewrite it. Text output drops
 * ANSI/OSC escape sequences and C0/C1 control characters (tab and newline stay); JSON output
 * keeps the text but writes C1 controls as \u escapes (JSON.stringify already escapes C0).
 */

// ESC [ … final byte (CSI), ESC ] … BEL or ESC \ (OSC), other two-byte ESC sequences, and the
// single-byte C1 CSI/OSC forms.
const ESCAPES =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u001b\u009c]*(?:\u0007|\u009c)?/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print: escape sequences and control characters removed. */
export function terminalText(s: string): string {
  return s.replace(ESCAPES, '').replace(CONTROLS, '');
}

/** A JSON line safe to print: C1 controls (and U+2028/2029) as \u escapes, still valid JSON. */
export function terminalJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
