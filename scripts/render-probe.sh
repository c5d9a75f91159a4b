#!/usr/bin/env bash
# Builds scripts/render-probe/main.swift into .build/render-probe against the Render module,
# without adding a target to Package.swift. Usage:
#   scripts/render-probe.sh && valgrind --leak-check=full .build/render-probe memcheck
#   .build/render-probe bench 1000 sfdp
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --target Render >/dev/null
swiftc -O -o .build/render-probe scripts/render-probe/main.swift \
    -I .build/debug/Modules -I Sources/CGraphviz $(pkg-config --cflags-only-I libgvc | sed 's/-I/-Xcc -I/g') \
    .build/debug/Render.build/*.o .build/debug/Graph.build/*.o .build/debug/Policy.build/*.o \
    $(pkg-config --libs libgvc)
echo ".build/render-probe"
