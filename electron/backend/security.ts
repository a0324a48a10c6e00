/**
 * The Content-Security-Policy of every page Layerlab serves (app:// in Electron, http:// in
 * browser mode): only the app's own scripts and styles, no inline script, no eval, no plugins,
 * no framing, no form posts. Browser mode adds its WebSocket to connect-src.
 */
export function contentSecurityPolicy(opts: { connect?: string[] } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...(opts.connect ?? [])].join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
