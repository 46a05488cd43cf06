import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const API = process.env.GOVCRAFT_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [
    // Offline play: the service worker is client/src/offline/sw.ts (precache plus a sync
    // handler for the evidence queue, which generateSW cannot express).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/offline',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        name: 'GovCraft',
        short_name: 'GovCraft',
        description: 'Take on real local problems as quests with your neighbours.',
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f3f2f1',
        theme_color: '#0b0c0c',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        // A classic worker, registered without `type: 'module'`, works in every browser.
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        // Phaser's chunk is large and the map needs it offline.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  server: {
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/socket.io': { target: API, ws: true },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Phaser is one large library loaded lazily; its chunk size is expected.
    chunkSizeWarningLimit: 1600,
  },
});
