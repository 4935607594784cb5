package shop.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports that are free now, chosen by the operating system, so the tests never collide
 * with a shop already running on 8080-8082 or with another test run.
 */
final class FreePorts {

	private FreePorts() {
	}

	/**
	 * Picks distinct free ports. They are released before this returns, so another
	 * process could take one in between: unlikely, and the app then fails to start with a
	 * clear message in its log.
	 * @param count how many ports
	 * @return the ports, all different
	 */
	static List<Integer> pick(int count) {
		List<ServerSocket> held = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				held.add(new ServerSocket(0));
			}
			return held.stream().map(ServerSocket::getLocalPort).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot find a free port", ex);
		}
		finally {
			held.forEach(FreePorts::close);
		}
	}

	private static void close(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing listens on it any more either way.
		}
	}

}
