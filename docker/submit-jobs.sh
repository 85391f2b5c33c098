#!/usr/bin/env bash
# Submits the Strata jobs to the compose session cluster, in dependency order, each once: a job
# already RUNNING (by name) is left alone, so running the submitter again is harmless. The client
# builds each job's graph, so it needs the same environment (STRATA_*, secrets) as the jobs.
set -euo pipefail

FLINK="${FLINK_HOME:-/opt/flink}/bin/flink"
JOBMANAGER="${STRATA_JOBMANAGER:-jobmanager:8081}"
CONF=/opt/strata/conf/strata.yaml
JARS=/opt/strata/jobs
V="${STRATA_VERSION:?}"

# name | jar | entry class ("-": the jar's Main-Class)
JOBS=(
  "cdc-capture|strata-bronze-ingest-$V.jar|io.strata.bronze.cdc.CdcCaptureJob"
  "bronze-ingest|strata-bronze-ingest-$V.jar|-"
  "silver-conform|strata-silver-conform-$V.jar|-"
  "gold-features|strata-gold-features-$V.jar|-"
  "quality-async|strata-quality-async-$V.jar|-"
)

until "$FLINK" list -m "$JOBMANAGER" > /dev/null 2>&1; do
  echo "waiting for the JobManager at $JOBMANAGER"; sleep 3
done

running="$("$FLINK" list -r -m "$JOBMANAGER" 2>/dev/null || true)"
for entry in "${JOBS[@]}"; do
  IFS='|' read -r name jar entry_class <<< "$entry"
  if grep -q " : $name (RUNNING)" <<< "$running"; then
    echo "$name is running already"; continue
  fi
  args=(run -d -m "$JOBMANAGER")
  [[ "$entry_class" != "-" ]] && args+=(-c "$entry_class")
  echo "submitting $name"
  "$FLINK" "${args[@]}" "$JARS/$jar" --config "$CONF"
done
