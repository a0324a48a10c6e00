/** Outside links: only the product's documentation pages open; everything else says why not. */
import { describe, expect, it } from 'vitest';
import { checkExternalLink, DOCUMENTATION_LINKS } from '../../../../electron/backend/links';

const DOCS = ['https://docs.example.org/layerlab/guide', 'https://docs.example.org/layerlab/'];

describe('external links', () => {
  it('opens a listed documentation page, with or without a #place on it', () => {
    expect(checkExternalLink('https://docs.example.org/layerlab/guide', DOCS)).toBeNull();
    expect(checkExternalLink('https://docs.example.org/layerlab/guide#layers', DOCS)).toBeNull();
    expect(checkExternalLink('https://DOCS.example.org/layerlab/', DOCS)).toBeNull();
  });

  it('refuses any other address, naming the reason', () => {
    expect(checkExternalLink('https://keras.io/', DOCS)).toContain('not one of the documentation');
    expect(checkExternalLink('https://docs.example.org/layerlab/guide/../../x', DOCS)).toContain(
      'not one of',
    );
    expect(checkExternalLink('https://docs.example.org/layerlab/guide?next=evil', DOCS)).toContain(
      'not one of',
    );
    expect(checkExternalLink('https://docs.example.org.evil.example/layerlab/', DOCS)).toContain(
      'not one of',
    );
    expect(checkExternalLink('http://docs.example.org/layerlab/guide', DOCS)).toBe(
      'only https:// links open',
    );
    expect(checkExternalLink('https://u:p@docs.example.org/layerlab/guide', DOCS)).toContain(
      'user name or password',
    );
    expect(checkExternalLink('file:///etc/passwd', DOCS)).toBe('only https:// links open');
    expect(checkExternalLink('not a url', DOCS)).toBe('it is not a valid address');
  });

  it('lists only https pages, and refuses everything else by default', () => {
    for (const link of DOCUMENTATION_LINKS) expect(checkExternalLink(link)).toBeNull();
    expect(checkExternalLink('https://example.com/')).not.toBeNull();
  });
});
