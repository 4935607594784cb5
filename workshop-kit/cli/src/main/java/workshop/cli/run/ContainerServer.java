package workshop.cli.run;

import workshop.cli.WorkshopException;

/**
 * A server the workshop started in Docker: shown by {@code status}, but not stopped,
 * killed or started one by one (a container started again comes back empty, on another
 * port).
 */
final class ContainerServer implements InfraServer {

	private final String name;

	private final String address;

	private final AutoCloseable container;

	ContainerServer(String name, String address, AutoCloseable container) {
		this.name = name;
		this.address = address;
		this.container = container;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String state() {
		return "running";
	}

	@Override
	public long pid() {
		return -1;
	}

	@Override
	public String address() {
		return this.address;
	}

	@Override
	public String detail() {
		return "in Docker";
	}

	@Override
	public void start() {
		throw notHere();
	}

	@Override
	public void stop() {
		throw notHere();
	}

	@Override
	public void kill() {
		throw notHere();
	}

	void close() {
		try {
			this.container.close();
		}
		catch (Exception ex) {
			throw new WorkshopException("Could not stop the " + this.name + " container: " + ex.getMessage(), ex);
		}
	}

	private WorkshopException notHere() {
		throw new WorkshopException(this.name + " runs in Docker in this session, and comes back empty when restarted."
				+ " Stop, kill and start work on the embedded servers: run the step without --infra docker.");
	}

}
