import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const backend = 'http://127.0.0.1:3000';

/**
 * boot/prefetch.ts is an entry of its own, loaded first and apart from the main script (which the
 * browser takes ~0.5 s to fetch and run on these machines), so the first screen's data is asked for at
 * once. Its script tag is put before the main one once its file name (with hash) is known.
 */
function bootPrefetch(): Plugin {
  return {
    name: 'casework-boot-prefetch',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((file) => file.type === 'chunk' && file.isEntry && file.name === 'prefetch');
        if (!chunk || !html.includes('<script')) throw new Error('boot/prefetch.ts was not built as an entry, or index.html has no script');
        // Module scripts run in the order of the page: this one before the main script.
        return html.replace('<script', `<script type="module" crossorigin src="/${chunk.fileName}"></script>\n    <script`);
      },
    },
  };
}

/** The casework console. The API serves the built files from `<repo>/dist/web` at `/`. */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), bootPrefetch()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      input: { main: fileURLToPath(new URL('index.html', import.meta.url)), prefetch: fileURLToPath(new URL('src/boot/prefetch.ts', import.meta.url)) },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
    },
  },
});
