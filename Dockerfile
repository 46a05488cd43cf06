# One image for every role (ROLE=all|api|worker).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && mkdir -p /data && chown node:node /data
ENV NODE_ENV=production DATA_DIR=/data
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/src/main.ts"]
