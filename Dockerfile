# Engram API image: `engram serve` by default; any other `engram` command via `docker run IMAGE <command>`.
# It listens on 0.0.0.0, so `serve` needs an API key first (`docker run … IMAGE keys create --name app [--tenant T]`
# against the same DATABASE_URL) and then requires keys on every route but /health and /ready.
# Stage 1 compiles src/ to dist/ with the dev dependencies; stage 2 holds only the runtime
# dependencies, dist/, bin/ and migrations/ (`engram bench` needs the repository, not the image).
FROM node:20-slim AS build

# transformers.js (optional) would otherwise try to download CUDA binaries during npm ci.
ENV ONNXRUNTIME_NODE_INSTALL_CUDA=skip
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` runs scripts/build-if-stale.mjs, which skips the build while src/ is absent.
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY ui ./ui
RUN npm run build

FROM node:20-slim

ENV NODE_ENV=production \
    ONNXRUNTIME_NODE_INSTALL_CUDA=skip \
    HOST=0.0.0.0 \
    PORT=8000 \
    AUTH=auto \
    DATA_DIR=/var/lib/engram

WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY bin ./bin
COPY migrations ./migrations
COPY --from=build /app/dist ./dist

RUN mkdir -p /var/lib/engram /backups && chown node:node /var/lib/engram /backups
USER node
VOLUME ["/var/lib/engram"]
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

ENTRYPOINT ["node", "bin/engram.mjs"]
CMD ["serve"]
