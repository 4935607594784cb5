package shop.shared.messaging;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox's second chance. An event bound for Kafka is stored in the event publication
 * registry in the transaction that caused it, and sent after that transaction commits. If
 * the send fails (the broker is down) or the service stops first, the publication stays
 * incomplete: the registry sends it again when the service starts, and this job sends
 * again while it runs every one older than {@code shop.messaging.resubmit-after}. Sending
 * twice is safe: every consumer keeps a {@link ProcessedMessages} log.
 */
@Component
class OutboxRetry {

	private final IncompleteEventPublications incomplete;

	private final Duration resubmitAfter;

	OutboxRetry(IncompleteEventPublications incomplete, MessagingProperties messaging) {
		this.incomplete = incomplete;
		this.resubmitAfter = messaging.resubmitAfter();
	}

	@Scheduled(initialDelayString = "${shop.messaging.resubmit-after:10s}",
			fixedDelayString = "${shop.messaging.resubmit-after:10s}")
	void resubmitOldIncompletePublications() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.resubmitAfter);
	}

}
