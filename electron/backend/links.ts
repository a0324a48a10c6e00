/**
 * The only outside pages Layerlab opens (in the system browser, or a new tab): the product's own
 * documentation. Every request to open a link, from the renderer or a window it tries to open,
 * is checked here; anything else is refused and the reason logged.
 *
 * The renderer links to no outside page today, so the list is empty: add the exact https URL of
 * a documentation page here before linking to it.
 */
export const DOCUMENTATION_LINKS: readonly string[] = [];

/** Null when `url` may open; otherwise why not (for the log and the error message). */
export function checkExternalLink(
  url: string,
  allowed: readonly string[] = DOCUMENTATION_LINKS,
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a valid address';
  }
  if (parsed.protocol !== 'https:') return 'only https:// links open';
  if (parsed.username || parsed.password) return 'links with a user name or password do not open';
  // Compared without the #fragment (a place on the same page), exactly otherwise.
  parsed.hash = '';
  const wanted = parsed.href;
  const listed = allowed.some((a) => {
    try {
      const u = new URL(a);
      u.hash = '';
      return u.href === wanted;
    } catch {
      return false;
    }
  });
  return listed ? null : 'it is not one of the documentation pages Layerlab links to';
}
