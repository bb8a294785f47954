import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// Run from the repository root (`npm run build`, `npm run dev:web`); paths are pinned to this folder either way.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Chrome 109, the last on Windows 7 (still found on commune PCs), runs ES2022 as is.
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: a separate file stays cached across PCMD updates on slow links.
        // Leaflet is needed by the map page only: its own chunk, loaded with that page, keeps it out of the first load.
        codeSplitting: {
          groups: [
            { name: 'leaflet', test: /[\\/]node_modules[\\/]leaflet[\\/]/, priority: 2 },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
