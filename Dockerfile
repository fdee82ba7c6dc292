# syntax=docker/dockerfile:1
# Our own services in one image: handslag-worker (also `bootstrap` and `probe`), handslag-web and
# the handslag CLI. docker-compose.yml chooses the command per service.

FROM golang:1.26.8-bookworm AS build
ENV GOTOOLCHAIN=local CGO_ENABLED=0
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -ldflags="-s -w" -o /out/ ./cmd/handslag ./cmd/handslag-worker ./cmd/handslag-web \
 && mkdir -p /data

# Distroless: no shell, no package manager, a non-root user (65532).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/ /usr/local/bin/
# The data directory: nothing is kept there in production (the data is in the databases), but it
# exists, writable by nonroot, for a first start that imports an earlier version's files.
COPY --from=build --chown=65532:65532 /data /data
ENV HANDSLAG_DATA=/data HANDSLAG_METRICS_ADDR=:9090 HANDSLAG_WEB_ADDR=:8080
USER nonroot:nonroot
EXPOSE 8080 9090
CMD ["handslag-worker"]
