package workshop.cli.bench;

/**
 * The memory of one of a step's servers (PostgreSQL, Kafka), with every process it
 * started, as proportional sets: PostgreSQL's shared buffers count once, not once per
 * backend.
 *
 * @param server the server's name
 * @param healthyBytes once the step's apps were healthy, -1 when unknown (not a process
 * here, as with {@code --infra external})
 * @param afterLoadBytes after the measures ran, -1 when unknown
 */
record ServerMemory(String server, long healthyBytes, long afterLoadBytes) {

}
