/**
 * {@code ./workshop bench}: starts steps like {@code run}, measures start time, memory
 * and the latency and throughput of the shop API under a small closed-loop load, and
 * writes a comparison report.
 */
package workshop.cli.bench;
