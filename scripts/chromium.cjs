// Debian's Chromium and the flags every browser test and benchmark launches it with: headless,
// no sandbox (root), no GPU, and no background networking (this machine's network is closed).
// CommonJS so that playwright.config.ts and the .mjs benchmarks can both load it.
exports.chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
exports.chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
