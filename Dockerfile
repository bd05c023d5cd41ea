# crashloop-bot container image.
#
#   docker build -t crashloop-bot:0.1.0 .
#   docker run --rm crashloop-bot:0.1.0 --help
#
# The same RUN steps are replayed in CI by test/deploy/dockerfile-replay.ts (npm test), and this file is
# linted by scripts/lint-dockerfile.sh, so neither can rot while no Docker engine is around.
# Override NODE_IMAGE to pin a digest: --build-arg NODE_IMAGE=node:24-bookworm-slim@sha256:...
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: all dependencies, TypeScript -> dist/ ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the image already has Node 24, so the `node` devDependency must not fetch another,
# and the root "prepare" (tsc) has no sources yet. `npm run build` below compiles explicitly.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- prod-deps: production dependencies only ----
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: "prepare" would run tsc (a devDependency); msgpackr-extract is an optional speed-up
# with a pure-JS fallback and stays denied, as in package.json "allowScripts".
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="crashloop-bot" \
      org.opencontainers.image.description="Tells on-call why a Kubernetes pod is crash-looping, in Slack" \
      org.opencontainers.image.licenses="Apache-2.0"
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
# Files stay owned by root and read-only for the app user: the process cannot rewrite its own code.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# 1000 is the `node` user of the official image; numeric so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000
# Kubernetes ignores HEALTHCHECK (the manifests in deploy/ define probes); this serves `docker run`.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form, no shell: SIGTERM goes straight to Node (PID 1), whose handlers drain and exit 0.
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["all"]
