import { build } from 'esbuild';
const r = await build({ entryPoints: [process.argv[2]], bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true, outfile: '/tmp/x.cjs', external: ['electron','gl','webgpu'], define: { __LAYERLAB_VERSION__: '"x"' }, logLevel: 'error' });
const inputs = r.metafile.inputs;
const t = process.argv[3] || 'zod';
console.log(Object.keys(inputs).filter(k => !k.includes('node_modules') && inputs[k].imports.some(i => i.path.includes('node_modules/' + t + '/'))));
