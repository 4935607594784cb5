package workshop.cli.run;

import java.util.function.Consumer;

import workshop.cli.WorkshopException;
import workshop.infra.ServerProcess;

/**
 * The lifecycle every embedded server of a step shares: one process at a time, started on
 * the same data folder and ports each time, stopped or killed on request, and a death
 * nobody asked for passed to the session's listener.
 *
 * @param <S> the server type
 */
abstract class EmbeddedServerControl<S extends ServerProcess> implements InfraServer {

	private final Consumer<InfraServer> onUnexpectedExit;

	private S server;

	private String state = "stopped";

	private boolean asked;

	EmbeddedServerControl(Consumer<InfraServer> onUnexpectedExit) {
		this.onUnexpectedExit = onUnexpectedExit;
	}

	/**
	 * Starts the server process and waits until it accepts clients.
	 * @return the running server
	 */
	abstract S launch();

	@Override
	public synchronized String state() {
		return this.state;
	}

	@Override
	public synchronized long pid() {
		return (this.server != null) ? this.server.pid() : -1;
	}

	/**
	 * Returns the running server.
	 * @return the server, or null when it does not run
	 */
	synchronized S server() {
		return "running".equals(this.state) ? this.server : null;
	}

	@Override
	public void start() {
		synchronized (this) {
			if ("running".equals(this.state) || "starting".equals(this.state)) {
				throw new WorkshopException(name() + " is already " + this.state + ".");
			}
			this.state = "starting";
		}
		S started;
		try {
			started = launch();
		}
		catch (RuntimeException ex) {
			synchronized (this) {
				this.state = "failed";
			}
			throw ex;
		}
		synchronized (this) {
			this.server = started;
			this.state = "running";
			this.asked = false;
		}
		ProcessHandle.of(started.pid()).ifPresent((process) -> process.onExit().thenRun(() -> ended(started)));
	}

	@Override
	public void stop() {
		S server = running();
		server.close();
		mark(server, "stopped");
	}

	@Override
	public void kill() {
		S server = running();
		server.kill();
		mark(server, "killed");
	}

	/** Stops the server if it runs, for the end of the session. Never fails. */
	synchronized void shutDown() {
		if ("running".equals(this.state)) {
			this.asked = true;
			this.server.close();
			this.state = "stopped";
		}
	}

	private synchronized S running() {
		if (!"running".equals(this.state)) {
			throw new WorkshopException(
					name() + " is not running (" + this.state + "). Start it with ./workshop start " + name() + ".");
		}
		this.asked = true;
		return this.server;
	}

	private synchronized void mark(S server, String newState) {
		if (this.server == server) {
			this.state = newState;
		}
	}

	private void ended(S server) {
		synchronized (this) {
			if (this.server != server || this.asked || !"running".equals(this.state)) {
				return;
			}
			this.state = "crashed";
		}
		this.onUnexpectedExit.accept(this);
	}

}
