package workshop.cli.traces;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;

/**
 * Reads the body of an OTLP/HTTP trace export ({@code application/x-protobuf}, an
 * {@code ExportTraceServiceRequest}), with the OpenTelemetry project's own protocol
 * classes.
 */
final class OtlpSpans {

	private static final HexFormat HEX = HexFormat.of();

	private OtlpSpans() {
	}

	/**
	 * Decodes an export.
	 * @param body the request body
	 * @return its spans, each with the {@code service.name} of its resource
	 * @throws InvalidProtocolBufferException when the body is not such a message
	 */
	static List<Span> read(byte[] body) throws InvalidProtocolBufferException {
		ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
		List<Span> spans = new ArrayList<>();
		for (ResourceSpans resource : request.getResourceSpansList()) {
			String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name",
					"unknown");
			for (ScopeSpans scope : resource.getScopeSpansList()) {
				for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
					spans.add(new Span(hex(span.getTraceId()), hex(span.getSpanId()), hex(span.getParentSpanId()),
							service, span.getName(), kind(span.getKind()), span.getStartTimeUnixNano(),
							span.getEndTimeUnixNano(), span.getStatus().getCode() == StatusCode.STATUS_CODE_ERROR,
							attributes(span.getAttributesList())));
				}
			}
		}
		return spans;
	}

	private static String kind(io.opentelemetry.proto.trace.v1.Span.SpanKind kind) {
		return switch (kind) {
			case SPAN_KIND_SERVER -> "SERVER";
			case SPAN_KIND_CLIENT -> "CLIENT";
			case SPAN_KIND_PRODUCER -> "PRODUCER";
			case SPAN_KIND_CONSUMER -> "CONSUMER";
			default -> "INTERNAL";
		};
	}

	private static Map<String, String> attributes(List<KeyValue> attributes) {
		Map<String, String> values = new LinkedHashMap<>();
		for (KeyValue attribute : attributes) {
			values.put(attribute.getKey(), text(attribute.getValue()));
		}
		return values;
	}

	private static String text(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
			case INT_VALUE -> Long.toString(value.getIntValue());
			case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
			default -> value.toString().strip();
		};
	}

	private static String hex(ByteString id) {
		return HEX.formatHex(id.toByteArray());
	}

}
