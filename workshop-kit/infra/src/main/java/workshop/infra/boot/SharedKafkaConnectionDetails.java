package workshop.infra.boot;

import java.util.List;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;

import workshop.infra.InfraMode;
import workshop.infra.SharedInfrastructure;

/**
 * Connection details of the shared Kafka broker. The broker starts when a client first
 * asks where it is, not when the context starts.
 */
class SharedKafkaConnectionDetails implements KafkaConnectionDetails {

	private final InfraMode mode;

	SharedKafkaConnectionDetails(InfraMode mode) {
		this.mode = mode;
	}

	@Override
	public List<String> getBootstrapServers() {
		return List.of(SharedInfrastructure.kafka(this.mode).bootstrapServers());
	}

}
