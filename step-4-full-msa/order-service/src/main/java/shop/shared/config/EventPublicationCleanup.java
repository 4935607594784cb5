package shop.shared.config;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the event publication registry small. Every event a listener handled stays in
 * {@code event_publication} with its completion date, for looking into afterwards; this
 * job deletes the ones older than {@code shop.events.keep-completed}. Incomplete
 * publications are never deleted: they are resubmitted when the application starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class EventPublicationCleanup {

	private final CompletedEventPublications completed;

	private final Duration keepCompleted;

	public EventPublicationCleanup(CompletedEventPublications completed, ShopProperties properties) {
		this.completed = completed;
		this.keepCompleted = properties.events().keepCompleted();
	}

	/**
	 * Deletes completed publications older than the configured age, every
	 * {@code shop.events.cleanup-every}.
	 */
	@Scheduled(initialDelayString = "${shop.events.cleanup-every:PT10M}",
			fixedDelayString = "${shop.events.cleanup-every:PT10M}")
	public void deleteOldCompletedPublications() {
		this.completed.deletePublicationsOlderThan(this.keepCompleted);
	}

}
