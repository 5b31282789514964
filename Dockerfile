# One image for every process of the distributed runtime (docs/operations.md). Which process a
# container runs is chosen by its command, e.g.
#   node dist/apps/gateway/src/main.js            public HTTP API and console (PORT, default 3000)
#   node dist/apps/hotline/src/main.js            also wage, hardship, mediation: the context services
#   node dist/apps/relay/src/main.js              store → Kafka (run exactly one)
#   node dist/apps/projector/src/main.js          read models as Kafka consumer groups
#   node dist/apps/process-managers/src/main.js   process managers as Kafka consumer groups
#   node dist/apps/projector/src/rebuild.js <name>  a rebuild (what `npm run projections:rebuild` runs)
# The default command is the gateway. `npm run …` scripts rebuild first and need the dev
# dependencies, which this image does not have: run the built files with node instead.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: every dependency, compile the server (tsc) and the console (vite), then drop dev deps
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The lock file is written by npm 11 (package.json "allowScripts" lists the install scripts allowed
# to run); node:20 images ship npm 10.
RUN npm install --global npm@11.19.1 --no-audit --no-fund
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: npm 11 leaves other platforms' optional packages out of the lock file,
# which `npm ci` then refuses as out of sync (see .ci/run); `npm install` otherwise keeps to the lock.
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.base.json tsconfig.build.json nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: node, the production dependencies, dist/ and package.json (its "imports" map #libs)
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=64 \
    DATA_DIR=/app/data \
    WEB_ROOT=/app/dist/web \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# DATA_DIR is only written when CASEWORK_MASTER_KEY is not set (the distributed runtime requires it).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Every process stops gracefully on SIGTERM (finishes what is in hand, leaves its consumer group).
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/gateway/src/main.js"]
