#!/bin/sh
# Stops the Kafka node start.sh started (same KAFKA_DATA_DIR): SIGTERM for a controlled shutdown,
# SIGKILL if it is still running after 30 s.
set -eu
data=${KAFKA_DATA_DIR:-${TMPDIR:-/tmp}/casework-kafka}
pidfile="$data/kafka.pid"
[ -f "$pidfile" ] || { echo "no Kafka started from $data"; exit 0; }
pid=$(cat "$pidfile")
if kill -TERM "$pid" 2>/dev/null; then
  tries=0
  while kill -0 "$pid" 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 60 ]; then kill -KILL "$pid" 2>/dev/null || true; break; fi
    sleep 0.5
  done
fi
rm -f "$pidfile"
echo "Kafka stopped"
