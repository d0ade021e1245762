# Familiestøtte: the Teams bot as one container.
#   docker build -t familiestotte .
#   docker run -p 3978:3978 --env-file .env -v familiestotte-data:/data familiestotte
# Without DATABASE_URL the bot keeps its embedded database in /data (one instance only);
# with DATABASE_URL (PostgreSQL) any number of instances can run and /data stays empty.

ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: all dependencies, compile TypeScript to dist/ with its run-time assets ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# Sources only: .dockerignore keeps tests, docs, data and local modules out of the context.
COPY . .
RUN npm run build

# --- runtime: production dependencies and the compiled code only ---
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
# The image's unprivileged user; nothing in /app is writable by it.
USER node
VOLUME ["/data"]
EXPOSE 3978
# Liveness only (/health does not touch the database); orchestrators use /ready for traffic.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/bot/main.js"]
