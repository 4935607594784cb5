package shop.shared.web;

/**
 * One offending field of a request, as listed in a validation problem's {@code errors}.
 *
 * @param field the field's JSON path, for example {@code lines[0].quantity}
 * @param message what is wrong with it
 */
public record FieldViolation(String field, String message) {
}
