/** The app version, injected by the build (esbuild `define`); "dev" when run from source. */
declare const __LAYERLAB_VERSION__: string | undefined;
export const APP_VERSION: string =
  typeof __LAYERLAB_VERSION__ === 'string' ? __LAYERLAB_VERSION__ : 'dev';
