FROM node:20-alpine AS base
ONBUILD COPY package.json package-lock.json ./
ONBUILD RUN npm ci --omit=dev
ONBUILD RUN ["npm", "run", "build"]
onbuild user node
