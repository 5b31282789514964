#!/bin/sh
# Starts one Kafka node (broker + KRaft controller) on loopback, in the background, for a developer.
#   KAFKA_PORT             client port (default 9092)
#   KAFKA_CONTROLLER_PORT  controller port (default KAFKA_PORT + 1)
#   KAFKA_DATA_DIR         logs, generated config, pid and broker.log (default $TMPDIR/casework-kafka)
#   KAFKA_HEAP             JVM maximum heap (default 512m: the machine also runs PostgreSQL)
# Data survive a stop/start; delete KAFKA_DATA_DIR for an empty broker. Stop it with stop.sh.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-$((port + 1))}
data=${KAFKA_DATA_DIR:-${TMPDIR:-/tmp}/casework-kafka}
heap=${KAFKA_HEAP:-512m}

command -v java >/dev/null || { echo "start.sh: java not found (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
if [ -f "$data/kafka.pid" ] && kill -0 "$(cat "$data/kafka.pid")" 2>/dev/null; then
  echo "Kafka already running (pid $(cat "$data/kafka.pid"), data in $data)"; exit 0
fi
"$here/fetch.sh"
mkdir -p "$data"

config="$data/server.properties"
cat "$here/server.properties" - > "$config" <<PROPS

# Written by start.sh
log.dirs=$data/logs
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.quorum.voters=1@127.0.0.1:$controller_port
PROPS

jvm="@$here/jvm.options -Xmx$heap -Dlog4j.configuration=file:$here/log4j.properties"

# A new store is formatted once, with a cluster id of 16 random bytes in URL-safe base64 (a second
# format, even with --ignore-formatted, fails on the different id). It is passed as --cluster-id=<id>:
# one id in 64 starts with "-", which the tool would otherwise read as an option.
if [ ! -f "$data/logs/meta.properties" ]; then
  cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  # shellcheck disable=SC2086
  java $jvm -cp "$here/lib/*" kafka.tools.StorageTool format \
    --cluster-id="$cluster_id" --config "$config" > "$data/format.log" 2>&1 \
    || { cat "$data/format.log" >&2; exit 1; }
fi

# shellcheck disable=SC2086
nohup java $jvm -cp "$here/lib/*" kafka.Kafka "$config" > "$data/broker.log" 2>&1 &
echo $! > "$data/kafka.pid"

# Ready when the broker logs that it started (KafkaRaftServer logs at INFO, see log4j.properties).
tries=0
until grep -q 'Kafka Server started' "$data/broker.log" 2>/dev/null; do
  if ! kill -0 "$(cat "$data/kafka.pid")" 2>/dev/null; then
    echo "start.sh: Kafka exited; its log:" >&2; cat "$data/broker.log" >&2; exit 1
  fi
  tries=$((tries + 1))
  [ "$tries" -le 120 ] || { echo "start.sh: Kafka not up after 60 s, see $data/broker.log" >&2; exit 1; }
  sleep 0.5
done
echo "Kafka on 127.0.0.1:$port (pid $(cat "$data/kafka.pid"), data in $data)"
