#!/usr/bin/env bash
# Seed corpora for the fuzz targets from the repository's own files.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/load_scenario corpus/load_plan corpus/import
cp ../tests/fixtures/scenarios/*.ron corpus/load_scenario/
cp ../scenarios/trend.ron corpus/load_scenario/
head -c 60000 ../scenarios/national-13th-fyp.ron > corpus/load_scenario/national-head.ron
head -c 60000 ../plan.ron > corpus/load_plan/plan-head.ron
tail -c 60000 ../plan.ron > corpus/load_plan/plan-tail.ron
for n in 1 100 400 900 1200; do
  sed -n "${n},$((n + 60))p" ../assets/source/plan.txt > "corpus/import/excerpt-$n.txt"
done
head -n 80 ../assets/source/plan.txt > corpus/import/front.txt
