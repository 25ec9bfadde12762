import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);
import base from './vite.config.ts';
import { mergeConfig } from 'vite';
import { writeFileSync } from 'node:fs';
const strip = (s: string) => s.replace('/work/wt/i12/', '');
export default mergeConfig(base, {
  plugins: [{
    name: 'analyze',
    generateBundle(_o: any, bundle: any) {
      const out: any = {};
      for (const [f, c] of Object.entries<any>(bundle)) {
        if (c.type !== 'chunk') continue;
        out[f] = { imports: c.imports, dynamicImports: c.dynamicImports, modules: Object.fromEntries(Object.entries<any>(c.modules).map(([id, m]) => [strip(id), m.code ? require('node:zlib').gzipSync(m.code,{level:9}).length : -m.renderedLength]).sort((a: any, b: any) => b[1] - a[1])) };
      }
      writeFileSync('/tmp/i12/chunks.json', JSON.stringify(out, null, 1));
      const g: any = {};
      for (const id of this.getModuleIds()) {
        const i = this.getModuleInfo(id);
        if (!i) continue;
        g[strip(id)] = { s: i.importedIds.map(strip), d: i.dynamicallyImportedIds.map(strip) };
      }
      writeFileSync('/tmp/i12/graph.json', JSON.stringify(g));
    },
  }],
});
