#!/usr/bin/env bash
# Starts one Apache Kafka broker in KRaft mode (broker and controller in one process) from the jars
# that Maven laid out in target/lib: no Docker, nothing downloaded beyond Maven Central.
# Usage: kafka-local.sh [--port P] [--controller-port P] [--data DIR]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
port=9092
controller_port=
data="${EMSCREEN_HOME:-$(cd "$here/../.." && pwd)/.emscreen}/kafka"

while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --controller-port) controller_port="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "kafka-local: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$port" in ''|*[!0-9]*) echo "kafka-local: --port needs a number, got '$port'" >&2; exit 2 ;; esac
controller_port="${controller_port:-$((port + 1))}"
lib="$here/target/lib"
[ -d "$lib" ] || { echo "kafka-local: $lib is missing; build it with: ./mvnw -pl deploy/kafka-local package" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$port" "$controller_port"; do
  if port_open "$p"; then echo "kafka-local: port $p is already in use (choose another with --port)" >&2; exit 1; fi
done

mkdir -p "$data/logs"
data=$(cd "$data" && pwd)
config="$data/server.properties"
cat > "$config" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data/logs
num.partitions=3
# One broker: every internal topic has one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS

java_cmd=(java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g} -Dlog4j2.configurationFile="$here/log4j2.properties" -Dlog4j.shutdownHookEnabled=false
  -Demscreen.broker.log="$data/broker.log" -cp "$lib/*")

if [ ! -f "$data/logs/meta.properties" ]; then
  cluster_id=$("${java_cmd[@]}" kafka.tools.StorageTool random-uuid)
  "${java_cmd[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" >/dev/null
fi

"${java_cmd[@]}" kafka.Kafka "$config" &
broker=$!
# Stops the broker and exits with $1: 0 when asked to stop (Ctrl-C, SIGTERM), non-zero when it never became ready.
stop() { kill -TERM "$broker" 2>/dev/null || true; wait "$broker" 2>/dev/null || true; echo "Kafka broker stopped."; exit "${1:-0}"; }
trap 'stop 0' INT TERM

for _ in $(seq 1 $(( ${KAFKA_LOCAL_START_SECONDS:-60} * 10 ))); do
  if ! kill -0 "$broker" 2>/dev/null; then
    echo "kafka-local: the broker exited while starting; see $data/broker.log" >&2; exit 1
  fi
  if port_open "$port"; then break; fi
  sleep 0.1
done
start_seconds="${KAFKA_LOCAL_START_SECONDS:-60}"
port_open "$port" || { echo "kafka-local: the broker did not open port $port within $start_seconds s; see $data/broker.log" >&2; stop 1; }
echo "Kafka broker ready: bootstrap.servers=127.0.0.1:$port"
echo "  data and log: $data (broker.log); Ctrl-C stops it"
wait "$broker"
