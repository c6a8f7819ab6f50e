# syntax=docker/dockerfile:1
# TankTower Console: the Next.js standalone server, nothing else (docs/deploy.md).
# No dev dependencies, no emulator, no Python, no source: only .next/standalone,
# its static files, and Node. Runs as an unprivileged user.

ARG NODE_VERSION=20.19-bookworm-slim

# 1. Dependencies, from the lock file only (dev ones too: the build needs TypeScript, Tailwind, ...).
FROM node:${NODE_VERSION} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts

# 2. Build: the standalone output traces exactly the production modules the server needs.
FROM node:${NODE_VERSION} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN node scripts/check-licences.mjs \
 && npx next build \
 && node scripts/standalone/assemble.mjs /app/.next/standalone-image

# 3. Run: Node and the assembled server, as user "node" (uid 1000), read-only files.
FROM node:${NODE_VERSION} AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true \
    TT_MODE=aws \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    # Lets the console finish the apply steps in flight on SIGTERM (lib/server/startup.ts).
    NEXT_MANUAL_SIG_HANDLE=true
COPY --from=build --chown=root:root /app/.next/standalone-image ./
# The server's files stay root-owned (read-only to it); only Next's cache directory is its own.
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
# Liveness only answers 200 when the server runs; "degraded" (AWS unreachable) still counts as alive.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The ECS/Kubernetes stop timeout should exceed TT_SHUTDOWN_GRACE_SECONDS (default 25).
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
