# Engram API image: `engram serve` by default; any other `engram` command via `docker run IMAGE <command>`.
FROM node:20-slim

ENV NODE_ENV=production \
    # transformers.js (optional) would otherwise try to download CUDA binaries during npm ci.
    ONNXRUNTIME_NODE_INSTALL_CUDA=skip \
    HOST=0.0.0.0 \
    PORT=8000 \
    DATA_DIR=/var/lib/engram

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY bin ./bin
COPY migrations ./migrations
COPY src ./src

RUN mkdir -p /var/lib/engram /backups && chown node:node /var/lib/engram /backups
USER node
VOLUME ["/var/lib/engram"]
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

ENTRYPOINT ["node", "bin/engram.mjs"]
CMD ["serve"]
