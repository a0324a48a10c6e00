/** Debian's Chromium (or $CHROMIUM_PATH) and the launch flags shared by tests and benchmarks. */
export const chromiumPath: string;
export const chromiumArgs: string[];
