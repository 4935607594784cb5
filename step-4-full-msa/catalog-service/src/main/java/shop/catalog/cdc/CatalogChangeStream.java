package shop.catalog.cdc;

import org.springframework.context.SmartLifecycle;

/**
 * Streams the catalog's database while the service runs. The administrator creates the
 * publication; the engine, under its own login, creates its slot on the first start and
 * reads the products table once (the initial snapshot), so that every subscriber starts
 * with every product; later starts go on from the offsets the engine stored on the
 * broker.
 */
class CatalogChangeStream implements SmartLifecycle {

	private final ChangeStreams streams;

	private final DatabaseLogin administrator;

	private volatile ChangeStream stream;

	CatalogChangeStream(ChangeStreams streams, DatabaseLogin administrator) {
		this.streams = streams;
		this.administrator = administrator;
	}

	@Override
	public synchronized void start() {
		this.streams.createPublication(this.administrator);
		this.stream = this.streams.stream(this.administrator, true);
	}

	@Override
	public synchronized void stop() {
		ChangeStream running = this.stream;
		this.stream = null;
		if (running != null) {
			running.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.stream != null;
	}

}
