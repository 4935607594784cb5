package workshop.cli.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses as the kernel's socket tables write them.
 */
class ListeningSocketsTests {

	@Test
	void decodesIpv4AddressesInTheMachinesByteOrder() {
		assertThat(ListeningSockets.decode("0100007F")).isEqualTo("127.0.0.1");
		assertThat(ListeningSockets.decode("00000000")).isEqualTo("0.0.0.0");
		assertThat(ListeningSockets.decode("0F02000A")).isEqualTo("10.0.2.15");
	}

	@Test
	void decodesIpv6AddressesAndIpv4OnesOnIpv6Sockets() {
		assertThat(ListeningSockets.decode("00000000000000000000000000000000")).isEqualTo("::");
		assertThat(ListeningSockets.decode("00000000000000000000000001000000")).isEqualTo("::1");
		assertThat(ListeningSockets.decode("0000000000000000FFFF00000100007F")).isEqualTo("127.0.0.1");
	}

}
