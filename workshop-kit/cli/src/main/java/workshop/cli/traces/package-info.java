/**
 * The trace collector of a running step: it receives the spans the apps export over
 * OTLP/HTTP on loopback, keeps the latest traces in memory, and draws them for
 * {@code ./workshop traces}, the control room and the storefront's call log.
 */
package workshop.cli.traces;
