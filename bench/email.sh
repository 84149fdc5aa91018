#!/usr/bin/env bash
# Benchmark: messages to patients for 1,000 visits (issue 27). Makes a patients' CSV of 1,000
# visits (en, es, ar in turn, every third with a password, one article each), then measures the
# delivery part of `handout build --patients` (after its "N handouts written" line, when every
# personal copy is built): messages written per second with --email-out, and sent per second to
# a local SMTP server (Debian's python3-aiosmtpd, tests/e2e/smtp_server.py: STARTTLS with a
# certificate made here, a login, each message written to disk). Each mode runs R times
# (default 3) into fresh folders (the journal starts empty); prints each run and the median of
# messages per second, wall and CPU seconds (handout's own CPU; the server's is printed per run).
# Timings depend on the machine: reported here, never asserted in tests.
# Usage: bench/email.sh [build/handout] [R] [visits]
set -euo pipefail
HANDOUT=$(realpath "${1:-build/handout}")
R=${2:-3}
VISITS=${3:-1000}
REPO=$(cd "$(dirname "$0")/.." && pwd)
PY=/usr/bin/python3
W=$(mktemp -d /tmp/handout-bench-email.XXXXXX)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$W"' EXIT

# Certificates: a CA the config trusts and a server certificate for 127.0.0.1.
(
  cd "$W"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj "/CN=bench CA"
  openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost"
  printf 'subjectAltName=IP:127.0.0.1\n' >ext.cnf
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext.cnf
) >"$W/openssl.log" 2>&1
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cp -r "$REPO/assets" "$REPO/content" "$W/"
{
  grep -v '^output:\|^patients_output:' "$REPO/handout.yaml"
  cat <<YAML
email:
  from: "Willow Creek Clinic <handouts@willowcreek.example>"
  reply_to: front-desk@willowcreek.example
  signature: "Willow Creek Clinic · 555-0100"
  password_hint: We will text you the password.
  smtp:
    host: 127.0.0.1
    port: $PORT
    ca_file: ca.pem
    username: bench
    password_env: HANDOUT_BENCH_SMTP
    messages_per_minute: 100000
YAML
} >"$W/h.yaml"
export HANDOUT_BENCH_SMTP=bench
"$PY" - "$W/visits.csv" "$VISITS" <<'PYCSV'
import csv, sys
names = {"en": "Bench Person", "es": "Persona de Prueba", "ar": "مريضة تجريبية"}
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "language", "articles", "name", "email", "password", "note"])
    for i in range(int(sys.argv[2])):
        lang = ("en", "es", "ar")[i % 3]
        w.writerow([f"b{i:04d}", lang, "vaginismus", f"{names[lang]} {i}", f"patient{i}@example.org",
                    f"pw-{i:04d}" if i % 3 == 2 else "", "A short note."])
PYCSV

phase() { "$PY" "$REPO/bench/phase_time.py" '^[0-9]+ handouts? written' "$1" "${@:2}"; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
results=$W/results
for mode in eml smtp; do
  for r in $(seq "$R"); do
    if [ "$mode" = eml ]; then
      line=$(phase '^wrote .*\.eml ' "$HANDOUT" build --config "$W/h.yaml" --patients "$W/visits.csv" \
        --patients-out "$W/copies-$mode-$r" --email-out "$W/outbox-$r")
    else
      rm -rf "$W/srv"
      "$PY" "$REPO/tests/e2e/smtp_server.py" --port "$PORT" --out "$W/srv" --cert "$W/server.pem" \
        --key "$W/server.key" --auth bench:bench --lifetime 1800 >"$W/srv.log" 2>&1 &
      server=$!
      for _ in $(seq 100); do [ -e "$W/srv/ready" ] && break; sleep 0.1; done
      line=$(phase '^sent ' "$HANDOUT" build --config "$W/h.yaml" --patients "$W/visits.csv" \
        --patients-out "$W/copies-$mode-$r" --send)
      received=$(find "$W/srv" -name '*.eml' | wc -l)
      # The server's own CPU (user + sys, all its threads), for where the wall time went.
      server_cpu=$(awk -v t="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); printf "%.2f", ($12 + $13) / t}' "/proc/$server/stat")
      kill "$server"
      wait "$server" 2>/dev/null || true
      server=
      [ "$received" -eq "$VISITS" ] || echo "warning: the server received $received messages, not $VISITS" >&2
    fi
    read -r count wall cpu rate rc <<<"$line"
    [ "$rc" -eq 0 ] && [ "$count" -eq "$VISITS" ] || echo "warning: run $mode/$r: exit $rc, $count messages" >&2
    printf '%-5s run %d: %d messages in %6.2f s wall, %6.2f s CPU: %7.1f messages/s%s\n' "$mode" "$r" "$count" "$wall" \
      "$cpu" "$rate" "$([ "$mode" = smtp ] && echo " (server: $server_cpu s CPU from its start)")"
    echo "$mode $rate $wall $cpu" >>"$results"
    rm -rf "$W/copies-$mode-$r" "$W/outbox-$r"
  done
done
for mode in eml smtp; do
  rate=$(awk -v m="$mode" '$1 == m {print $2}' "$results" | median)
  wall=$(awk -v m="$mode" '$1 == m {print $3}' "$results" | median)
  cpu=$(awk -v m="$mode" '$1 == m {print $4}' "$results" | median)
  label=$([ "$mode" = eml ] && echo "written (--email-out)" || echo "sent (--send, STARTTLS)")
  printf 'median of %d, %s: %.1f messages/s; %.2f s wall, %.2f s CPU for %d messages (%.2f ms CPU each)\n' \
    "$R" "$label" "$rate" "$wall" "$cpu" "$VISITS" "$(awk -v c="$cpu" -v n="$VISITS" 'BEGIN {print c * 1000 / n}')"
done
