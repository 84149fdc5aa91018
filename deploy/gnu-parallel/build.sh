#!/usr/bin/env bash
# Build a clinic's catalogue across several hosts with GNU parallel (`apt-get install
# parallel`): shard K of N runs on whichever host is free, over ssh. Every host needs handout
# installed and the clinic folder at the same path (a shared mount, or rsync it first); the
# PDFs land in each host's output folder, so point --out at shared storage, or collect them
# afterwards (each host writes only its own shard's files).
#
# Usage: deploy/gnu-parallel/build.sh CLINIC_DIR OUT_DIR host1 host2 ...
#   e.g. deploy/gnu-parallel/build.sh /srv/clinic /srv/handouts build1 build2 build3
set -euo pipefail
CLINIC=$1
OUT=$2
shift 2
HOSTS=("$@")
N=$((${#HOSTS[@]} * 2))  # two shards per host keeps every host busy to the end
logins=$(printf '%s,' "${HOSTS[@]}")
seq 1 "$N" | parallel --sshlogin "${logins%,}" --halt soon,fail=1 --tag \
  "cd '$CLINIC' && handout build --quiet --out '$OUT' --shard {}/$N --report '$OUT/report-{}.json'"
echo "built $N shards on ${#HOSTS[@]} hosts into $OUT"
