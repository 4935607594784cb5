package shop.systemtests;

import org.junit.jupiter.api.Test;

import workshop.cli.run.ManagedApp;
import workshop.cli.system.ListeningSockets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every app of the step listens on loopback only, as {@code ./workshop run} starts it
 * without {@code --lan}: nobody else on the room's Wi-Fi reaches the admin API or the
 * backends behind the gateway.
 */
class LoopbackIntegrationTests {

	private final RunningShop running = RunningShop.get();

	@Test
	void everyAppAcceptsConnectionsOnLoopbackOnly() {
		for (ManagedApp app : this.running.step().session().managedApps()) {
			assertThat(ListeningSockets.addresses(app.port())).as(app.name()).containsExactly("127.0.0.1");
		}
	}

}
