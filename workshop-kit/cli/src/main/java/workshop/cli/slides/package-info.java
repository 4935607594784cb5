/**
 * {@code ./workshop slides}: builds the seminar decks when their sources changed and
 * serves them on this machine.
 */
package workshop.cli.slides;
