#!/usr/bin/env bash
# Stops the application the benchmark scripts started (by its recorded pid).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
stop_app
