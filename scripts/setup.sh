#!/usr/bin/env bash
# Installs what AccessGraph's build, tests and demo need on a Debian machine
# (Swift itself must already be on the PATH). Idempotent: skips what is present.
set -euo pipefail
need_apt=()
pkg-config --exists libgvc 2>/dev/null || need_apt+=(libgraphviz-dev)
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
# The HTML report is checked in a real headless browser.
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2
fi
# The collector's end-to-end test drives the real aws CLI against a local moto server.
# The SARIF test validates findings --format sarif against the official schema with jsonschema.
if ! python3 -c 'import moto, flask, jsonschema' >/dev/null 2>&1 || ! command -v aws >/dev/null 2>&1; then
  python3 -m pip install -q --disable-pip-version-check 'moto[server]==5.2.1' 'awscli==1.45.11' 'jsonschema==4.26.0' >&2
fi
command -v swift >/dev/null 2>&1 || { echo "setup: swift is not on the PATH (Swift 6.0 or newer is needed)" >&2; exit 1; }
