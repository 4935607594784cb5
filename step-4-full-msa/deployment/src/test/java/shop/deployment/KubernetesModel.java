package shop.deployment;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Binds Kubernetes documents to fabric8's typed model, the Java twin of the API server's
 * schema, and reports what the API server would reject: a kind it does not know, a field
 * the kind does not have, a value of the wrong type.
 */
final class KubernetesModel {

	/**
	 * The model class of every kind the manifests use, by {@code apiVersion/kind}. A kind
	 * missing here is reported, never passed unchecked: add its class.
	 */
	private static final Map<String, Class<? extends HasMetadata>> CLASSES = Map.of("v1/Namespace", Namespace.class,
			"v1/ConfigMap", ConfigMap.class, "v1/Secret", Secret.class, "v1/Service", Service.class,
			"apps/v1/Deployment", Deployment.class, "apps/v1/StatefulSet", StatefulSet.class);

	/**
	 * YAML read as strictly as the API server reads it: a key given twice is an error,
	 * and so are {@code "2"} or {@code 2.5} for a whole number and {@code 2} for a string
	 * (Jackson would convert them silently). Jackson 3, the version fabric8's model is
	 * written for.
	 */
	static final ObjectMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.withCoercionConfig(LogicalType.Integer,
				(integers) -> integers.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
		.withCoercionConfig(LogicalType.Boolean,
				(booleans) -> booleans.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
		.withCoercionConfig(LogicalType.Textual,
				(strings) -> strings.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
		.build();

	private KubernetesModel() {
	}

	/**
	 * Binds a document to the model class of its {@code apiVersion} and {@code kind}.
	 * @param where the file and document, the start of every problem's message
	 * @param document the document, never null
	 * @param problems receives one message per problem: the kind has no model class, a
	 * value has the wrong type, or (one message each) a field is unknown or a quantity
	 * does not parse, named by its path such as
	 * {@code spec.template.spec.containers[0].readinesProbe}
	 * @return the bound resource, or null when the document does not bind
	 */
	static HasMetadata bind(String where, JsonNode document, List<String> problems) {
		String type = document.path("apiVersion").asString() + "/" + document.path("kind").asString();
		Class<? extends HasMetadata> modelClass = CLASSES.get(type);
		if (modelClass == null) {
			problems.add(where + ": " + type + " is no kind these manifests know (KubernetesModel.CLASSES)");
			return null;
		}
		HasMetadata resource;
		try {
			resource = YAML.treeToValue(document, modelClass);
		}
		catch (JacksonException ex) {
			problems.add(where + ": " + describe(ex));
			return null;
		}
		checkFields(resource, "", where, problems);
		return resource;
	}

	/**
	 * Walks a bound object and reports every field the model had no property for, and
	 * every quantity that is none. fabric8 names each field of an object with
	 * {@code @JsonProperty} and keeps the fields it does not know in the object's
	 * {@code additionalProperties} instead of failing, so a misspelt field binds without
	 * a word: this walk is what finds it.
	 */
	private static void checkFields(Object value, String path, String where, List<String> problems) {
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				checkFields(list.get(i), path + "[" + i + "]", where, problems);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> checkFields(item, join(path, key), where, problems));
		}
		else if (value instanceof Quantity quantity && !isQuantity(quantity)) {
			// fabric8 keeps any text as a quantity; the API server parses it
			problems.add(where + ": " + path + " must be a quantity such as 512Mi or 250m, not " + quantity);
		}
		else if (value instanceof KubernetesResource) {
			for (Object unknown : additionalProperties(value).keySet()) {
				problems
					.add(where + ": " + join(path, unknown) + " is no field of " + value.getClass().getSimpleName());
			}
			for (Field field : value.getClass().getDeclaredFields()) {
				JsonProperty property = field.getAnnotation(JsonProperty.class);
				if (property != null && field.trySetAccessible()) {
					checkFields(read(field, value), join(path, property.value()), where, problems);
				}
			}
		}
	}

	private static boolean isQuantity(Quantity quantity) {
		try {
			Quantity.getAmountInBytes(quantity);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Map<?, ?> additionalProperties(Object value) {
		try {
			return (Map<?, ?>) value.getClass().getMethod("getAdditionalProperties").invoke(value);
		}
		catch (ReflectiveOperationException ex) {
			return Map.of(); // a model class without a place for unknown fields: Jackson
								// rejects them itself
		}
	}

	private static Object read(Field field, Object value) {
		try {
			return field.get(value);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String join(String path, Object key) {
		return path.isEmpty() ? String.valueOf(key) : path + "." + key;
	}

	/**
	 * Describes a binding error in the words of a manifest rather than of Java.
	 * @param ex what Jackson threw
	 * @return such as {@code spec.replicas must be a number}, never null
	 */
	static String describe(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException unrecognized) {
			return path(ex) + " is no field of " + unrecognized.getReferringClass().getSimpleName();
		}
		Class<?> type = (ex instanceof MismatchedInputException mismatch) ? mismatch.getTargetType() : null;
		if (type == null) {
			return path(ex) + ": " + ex.getOriginalMessage();
		}
		return path(ex) + " must be " + expected(type);
	}

	/**
	 * What a field of this type is written as: a number, a string, true or false, a list,
	 * a mapping.
	 */
	private static String expected(Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (type == String.class) {
			return "a string (quote it)";
		}
		if (Collection.class.isAssignableFrom(type)) {
			return "a list";
		}
		return "a mapping (" + type.getSimpleName() + ")";
	}

	/** The path of the value Jackson could not bind, such as {@code spec.replicas}. */
	private static String path(JacksonException ex) {
		String path = "";
		for (JacksonException.Reference reference : ex.getPath()) {
			path = (reference.getPropertyName() != null) ? join(path, reference.getPropertyName())
					: path + "[" + reference.getIndex() + "]";
		}
		return path;
	}

}
