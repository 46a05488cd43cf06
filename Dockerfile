# syntax=docker/dockerfile:1
# One image for every role (ROLE=all|api|worker): compiled JavaScript on Node 22 LTS, production
# dependencies only, run as the unprivileged `node` user.
#
#   docker build -t govcraft .
#   docker compose up -d              (see docker-compose.yml and .env.example)
#
# Admin commands run the compiled CLIs in a running container, e.g.
#   docker compose exec api node server/dist/admin/cli/grant.js someone@council.example
#
# The image carries no redis-server: give it REDIS_URL (compose and Kubernetes do).
ARG NODE_IMAGE=node:22-bookworm-slim

# Install scripts stay off, as package.json's allowScripts records for npm 11: every native
# part (sharp, esbuild, rolldown, msgpackr) ships prebuilt in a registry package.

# ---- build: all dependencies, compile the server and shared, bundle the client ----------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY tests/package.json tests/
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY scripts/ scripts/
COPY shared/ shared/
COPY server/ server/
COPY client/ client/
# The server build type-checks shared and server before it emits.
RUN npm run build -w @govcraft/client && node scripts/build-server.mjs

# ---- runtime: production dependencies of server and shared, compiled output only --------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000 \
    WORKER_HEALTH_PORT=3001 \
    NODE_OPTIONS=--conditions=govcraft-compiled
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY tests/package.json tests/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund -w @govcraft/server -w @govcraft/shared \
    && npm cache clean --force \
    && mkdir -p /data && chown node:node /data
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/client/dist client/dist
COPY deploy/healthcheck.mjs deploy/healthcheck.mjs
USER node
VOLUME ["/data"]
EXPOSE 3000 3001
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "deploy/healthcheck.mjs"]
CMD ["node", "server/dist/main.js"]
