/**
 * The {@code ./workshop} command: one picocli subcommand per verb, all driven by
 * {@code workshop.yaml}.
 */
package workshop.cli;
