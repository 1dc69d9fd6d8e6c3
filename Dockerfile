# syntax=docker/dockerfile:1
# Clawback: one image for the API and the job workers (CLAWBACK_ROLE=api|worker|all), serving the
# Outlook add-in and Teams console pages it was built with. See docs/deploy.md.
#
#   docker build -t clawback \
#     --build-arg VITE_CLAWBACK_CLIENT_ID=<client id> \
#     --build-arg VITE_CLAWBACK_AUTHORITY=https://login.microsoftonline.com/<tenant id> \
#     --build-arg VITE_CLAWBACK_API_SCOPE=api://clawback.contoso.com/<client id>/access_as_user \
#     --build-arg VITE_CLAWBACK_API_BASE=https://clawback.contoso.com/api/v1 .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: every dependency, then the add-in pages and the ribbon icons ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Workspace manifests first, so the install layer is reused until dependencies change.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY sandbox/package.json sandbox/
COPY api/package.json api/
COPY addin/package.json addin/
COPY manifest/package.json manifest/
RUN npm ci --no-audit --no-fund
COPY . .
# The add-in is bound to the app registration at build time.
ARG VITE_CLAWBACK_CLIENT_ID
ARG VITE_CLAWBACK_AUTHORITY
ARG VITE_CLAWBACK_API_SCOPE
ARG VITE_CLAWBACK_API_BASE
RUN test -n "$VITE_CLAWBACK_CLIENT_ID" \
    || { echo 'set --build-arg VITE_CLAWBACK_CLIENT_ID=<client id> (docs/deploy.md)' >&2; exit 1; }
RUN cd addin && npx vite build \
    && cd .. && npx tsx manifest/src/cli/build.ts --icons-only --out-dir addin/dist

# ---- runtime: production dependencies only, unprivileged ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    CLAWBACK_MODE=production \
    CLAWBACK_ROLE=all \
    PORT=3000 \
    DATA_DIR=/var/lib/clawback
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY sandbox/package.json sandbox/
COPY api/package.json api/
COPY addin/package.json addin/
COPY manifest/package.json manifest/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# The API runs its TypeScript sources through tsx (a production dependency of @clawback/api).
# The sandbox's sources are left out: production never loads the emulator.
COPY shared/src shared/src
COPY api/src api/src
COPY api/drizzle api/drizzle
COPY --from=build /app/addin/dist addin/dist
RUN mkdir -p /var/lib/clawback && chown node:node /var/lib/clawback
USER node
EXPOSE 3000
# Liveness only: the process answers HTTP. /api/v1/health says 503 "degraded" when the database,
# queue or Graph is unwell; use that for readiness and alerts, not for restarts.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health').then(() => process.exit(0), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "api/src/start.ts"]
