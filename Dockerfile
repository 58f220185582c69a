# didi in a container: Debian with Chromium, a static didi binary, and a
# user that is not root, so that Chromium keeps its sandbox on.
#
#   docker build -t didi .
#   docker run --rm --security-opt seccomp=unconfined didi version
#
# Chromium's sandbox needs user namespaces; Docker's default seccomp
# profile refuses them, hence seccomp=unconfined (docs/batch.md says more).
# didi only turns the sandbox off when it runs as root, which this image
# never does.

FROM golang:1.26-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=0.1.0
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.Version=${VERSION}" -o /out/didi ./cmd/didi

FROM debian:trixie-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-dejavu-core fonts-noto-core ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 --user-group didi
COPY --from=build /out/didi /usr/local/bin/didi
USER 10001:10001
WORKDIR /home/didi
ENV DIDI_BROWSER=/usr/bin/chromium
ENTRYPOINT ["didi"]
CMD ["--help"]
