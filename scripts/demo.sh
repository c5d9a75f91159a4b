#!/usr/bin/env bash
# The main job on the bundled sample: set up, build, list external findings and who can read the payroll bucket.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release
bin=.build/release/accessgraph
$bin findings samples/acme-org
echo
$bin who-can samples/acme-org arn:aws:s3:::acme-payroll
