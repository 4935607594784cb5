package workshop.cli.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a TCP port is free, and which process holds it when it is not.
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * Picks ports that are free now: each was bound on loopback and released, all
	 * distinct.
	 * @param count how many
	 * @return the ports, never null
	 */
	public static List<Integer> free(int count) {
		List<ServerSocket> held = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				held.add(socket);
			}
			return held.stream().map(ServerSocket::getLocalPort).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot find free ports", ex);
		}
		finally {
			for (ServerSocket socket : held) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// Closing a bound socket we own does not fail in practice.
				}
			}
		}
	}

	/**
	 * Returns whether an app could listen on the port: binding it on every address
	 * succeeds.
	 * @param port the port
	 * @return true when the port is free
	 */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Describes what holds a taken port, for messages: "pid 4242 (java -jar app.jar)".
	 * Finding it reads {@code /proc}, so it works on Linux for processes of the same
	 * user; elsewhere it says less.
	 * @param port the taken port
	 * @return the description, never null
	 */
	public static String holder(int port) {
		return listeningPid(port).map(Ports::describe).orElse("another process");
	}

	/**
	 * Finds the process listening on a port, on Linux.
	 * @param port the port
	 * @return the process id, or empty when it cannot be told
	 */
	public static Optional<Long> listeningPid(int port) {
		Optional<String> inode = ListeningSockets.of(port).stream().map(ListeningSockets.Socket::inode).findFirst();
		if (inode.isEmpty()) {
			return Optional.empty();
		}
		String socketLink = "socket:[" + inode.get() + "]";
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			return processes.filter((dir) -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
				.filter((dir) -> holdsSocket(dir, socketLink))
				.map((dir) -> Long.parseLong(dir.getFileName().toString()))
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static boolean holdsSocket(Path processDir, String socketLink) {
		try (Stream<Path> descriptors = Files.list(processDir.resolve("fd"))) {
			return descriptors.anyMatch((fd) -> {
				try {
					return Files.readSymbolicLink(fd).toString().equals(socketLink);
				}
				catch (IOException | UnsupportedOperationException ex) {
					return false;
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static String describe(long pid) {
		String command = ProcessHandle.of(pid)
			.flatMap((process) -> process.info().commandLine())
			.map((line) -> (line.length() > 80) ? line.substring(0, 77) + "..." : line)
			.orElse("?");
		return "pid " + pid + " (" + command + ")";
	}

}
