#!/usr/bin/env bash
# The quick local gate before a commit: format, lints (snapshot tests included), tests.
set -euo pipefail
cd "$(dirname "$0")"
cargo fmt --check
cargo clippy --all-targets --features snapshots -- -D warnings
cargo test
