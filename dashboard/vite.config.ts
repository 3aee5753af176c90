import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dashboard imports the contract's TypeScript source directly, so a change to a shared
// type shows up here without a separate contract build step.
const contractEntry = fileURLToPath(new URL('../packages/contract/src/index.ts', import.meta.url));

// In dev, the API (REST + Socket.IO) runs elsewhere; in production it serves dist/ on the same origin.
const apiTarget = process.env.LIAOWANG_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@liaowang/contract': contractEntry },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Libraries in chunks of their own, so the app code can change without busting their cache:
        // ECharts (loaded with the first chart) and React with the router (loaded by every page).
        manualChunks: (id) => {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (/node_modules\/(react|react-dom|react-router|scheduler)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
});
