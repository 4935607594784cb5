package shop.catalog.replica;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import shop.shared.Money;

/**
 * One change of one product, read from a record of the catalog's change stream: the key
 * is the product's id, the value a Debezium change event without schema, <pre>
 * {"before": {...} | null, "after": {"id", "sku", "name", "price_amount", "price_currency", "active", ...} | null,
 *  "source": {"lsn": 123, "sequence": "[\"122\",\"123\"]", "ts_ms": ..., ...}, "op": "r" | "c" | "u" | "d", ...}
 * </pre>
 *
 * @param productId the product's id, never null
 * @param kind what happened to it, never null
 * @param sku its SKU, null for a deletion
 * @param name its name, null for a deletion
 * @param price its price, null for a deletion
 * @param active whether it can be ordered, false for a deletion
 * @param lsn the position of the change in the catalog database's log: for one product, a
 * later change has a greater one
 * @param committedAt when the change was committed in the catalog database
 */
record ProductChange(UUID productId, Kind kind, String sku, String name, Money price, boolean active, long lsn,
		Instant committedAt) {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Reads one record of the stream.
	 * @param key the record's key, the product's id
	 * @param value the record's value, the change event
	 * @return the change, never null
	 * @throws IllegalArgumentException if the record is not a change event of a product
	 */
	static ProductChange parse(String key, String value) {
		try {
			JsonNode event = json.readTree(value);
			Kind kind = Kind.of(event.path("op").asString(""));
			JsonNode source = event.path("source");
			long lsn = position(source);
			Instant committedAt = Instant.ofEpochMilli(source.required("ts_ms").asLong());
			UUID id = UUID.fromString(key);
			if (kind == Kind.DELETE) {
				return new ProductChange(id, kind, null, null, null, false, lsn, committedAt);
			}
			JsonNode after = event.required("after");
			return new ProductChange(id, kind, after.required("sku").asString(), after.required("name").asString(),
					new Money(after.required("price_amount").asLong(), after.required("price_currency").asString()),
					after.required("active").asBoolean(), lsn, committedAt);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new IllegalArgumentException("Not a product change (key " + key + "): " + ex.getMessage(), ex);
		}
	}

	/**
	 * Where a change stands in the log: {@code source.lsn}, or, for a row read again by
	 * an incremental snapshot, which has none, the position the stream had reached when
	 * the row was sent, the last of {@code source.sequence}.
	 */
	private static long position(JsonNode source) {
		if (source.path("lsn").isNumber()) {
			return source.path("lsn").asLong();
		}
		long position = -1;
		for (JsonNode lsn : json.readTree(source.required("sequence").asString())) {
			if (!lsn.isNull()) {
				position = Long.parseLong(lsn.asString());
			}
		}
		if (position < 0) {
			throw new IllegalArgumentException("the change has neither source.lsn nor a position in source.sequence");
		}
		return position;
	}

	/**
	 * Whether the product is gone from the catalog.
	 * @return true for a deletion
	 */
	boolean isDeletion() {
		return this.kind == Kind.DELETE;
	}

	/**
	 * What happened to the product, Debezium's {@code op}.
	 */
	enum Kind {

		/** {@code r}: read by the snapshot that starts the stream; not a change. */
		SNAPSHOT,

		/** {@code c}: added. */
		CREATE,

		/** {@code u}: changed. */
		UPDATE,

		/** {@code d}: deleted. */
		DELETE;

		static Kind of(String op) {
			return switch (op) {
				case "r" -> SNAPSHOT;
				case "c" -> CREATE;
				case "u" -> UPDATE;
				case "d" -> DELETE;
				default -> throw new IllegalArgumentException("unknown op '" + op + "'");
			};
		}

	}

}
