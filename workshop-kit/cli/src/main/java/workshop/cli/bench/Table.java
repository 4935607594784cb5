package workshop.cli.bench;

import java.util.List;

/**
 * What one {@link Measure} reports for one step. The report joins the tables of every
 * step that have the same title into one, where the rows with the same key cells sit next
 * to each other: {@code | key cells | step | value cells |}.
 *
 * @param title the section's heading
 * @param explanation what the figures mean and how they were taken, in Markdown
 * @param keyColumns the headers of the key cells
 * @param valueColumns the headers of the value cells
 * @param rows the rows, in order
 */
record Table(String title, String explanation, List<String> keyColumns, List<String> valueColumns, List<Row> rows) {

	/**
	 * One row.
	 *
	 * @param keys what the row measures (such as the request and the concurrency)
	 * @param values the figures
	 */
	record Row(List<String> keys, List<String> values) {

	}

}
