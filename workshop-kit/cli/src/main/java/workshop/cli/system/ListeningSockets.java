package workshop.cli.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses a port listens on, read from the kernel's socket tables
 * ({@code /proc/net/tcp} and {@code tcp6} on Linux): {@code 127.0.0.1} means this machine
 * only, {@code 0.0.0.0} or {@code ::} means every network interface.
 */
public final class ListeningSockets {

	/** State 0A in the kernel's tables: a socket that accepts connections. */
	private static final String LISTEN = "0A";

	private ListeningSockets() {
	}

	/**
	 * One socket that accepts connections.
	 *
	 * @param address the address it is bound to, such as {@code 127.0.0.1} or {@code ::}
	 * @param inode the kernel's id of the socket, which a process's open files name
	 */
	public record Socket(String address, String inode) {
	}

	/**
	 * Returns the sockets on which a port accepts connections.
	 * @param port the port
	 * @return the sockets; empty when nothing listens or the tables cannot be read (not
	 * Linux)
	 */
	public static List<Socket> of(int port) {
		List<Socket> sockets = new ArrayList<>();
		read(Path.of("/proc/net/tcp"), port, sockets);
		read(Path.of("/proc/net/tcp6"), port, sockets);
		return sockets;
	}

	/**
	 * Returns the addresses on which a port accepts connections.
	 * @param port the port
	 * @return the addresses, such as {@code 127.0.0.1} or {@code ::}; empty when nothing
	 * listens or the tables cannot be read (not Linux)
	 */
	public static List<String> addresses(int port) {
		return of(port).stream().map(Socket::address).distinct().toList();
	}

	/**
	 * Returns whether every address a port listens on is a loopback address.
	 * @param port the port
	 * @return true when something listens and only this machine can reach it
	 */
	public static boolean onlyLoopback(int port) {
		List<String> addresses = addresses(port);
		return !addresses.isEmpty()
				&& addresses.stream().allMatch((address) -> address.startsWith("127.") || address.equals("::1"));
	}

	private static void read(Path table, int port, List<Socket> sockets) {
		List<String> lines;
		try {
			lines = Files.readAllLines(table);
		}
		catch (IOException ex) {
			return;
		}
		String wanted = String.format(Locale.ROOT, "%04X", port);
		for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
			// Columns: sl, local_address, rem_address, st (0A = LISTEN), ..., inode is
			// the
			// tenth.
			String[] fields = line.trim().split("\\s+");
			if (fields.length < 10 || !LISTEN.equals(fields[3])) {
				continue;
			}
			String[] local = fields[1].split(":");
			if (local.length == 2 && local[1].equalsIgnoreCase(wanted)) {
				sockets.add(new Socket(decode(local[0]), fields[9]));
			}
		}
	}

	/**
	 * Decodes an address of the kernel's tables: 8 hex digits (IPv4) or 32 (IPv6), each
	 * 32-bit group in the machine's byte order (little-endian on the machines the
	 * workshop runs on).
	 */
	static String decode(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int group = 0; group < bytes.length / 4; group++) {
			for (int i = 0; i < 4; i++) {
				int offset = group * 8 + (3 - i) * 2;
				bytes[group * 4 + i] = (byte) Integer.parseInt(hex.substring(offset, offset + 2), 16);
			}
		}
		if (bytes.length == 4) {
			return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
		}
		boolean mappedV4 = true;
		for (int i = 0; i < 10; i++) {
			mappedV4 &= bytes[i] == 0;
		}
		mappedV4 &= (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
		if (mappedV4) {
			// An IPv4 address on an IPv6 socket (as Java binds 127.0.0.1): the same
			// address.
			return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
		}
		boolean any = true;
		boolean loopback = true;
		for (int i = 0; i < 16; i++) {
			any &= bytes[i] == 0;
			loopback &= bytes[i] == ((i == 15) ? 1 : 0);
		}
		if (any) {
			return "::";
		}
		if (loopback) {
			return "::1";
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 16; i += 2) {
			text.append(i == 0 ? "" : ":")
				.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
		}
		return text.toString();
	}

}
