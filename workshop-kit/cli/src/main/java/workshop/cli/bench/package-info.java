/**
 * {@code ./workshop bench}: starts steps like {@code run}, records each app's start time
 * and memory, runs the {@link workshop.cli.bench.Measure}s each step lists in
 * {@code workshop.yaml} against its targets there, and writes one Markdown report with
 * the steps side by side.
 */
package workshop.cli.bench;
