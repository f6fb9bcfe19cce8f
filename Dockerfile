# The app for `docker compose up`: Node 20, the built explorer, and the server run through tsx.
# Neo4j comes from its own container (NEO4J_URI), so no Java here.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# Fixes to dependencies, applied by `npm ci` (postinstall: patch-package).
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:4000/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--import", "tsx", "server/src/main.ts"]
