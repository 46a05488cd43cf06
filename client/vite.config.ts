import { defineConfig } from 'vite';

const API = process.env.GOVCRAFT_API ?? 'http://localhost:3000';

export default defineConfig({
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
