/**
 * {@code ./workshop doctor}: checks the machine before a run and says how to fix what
 * blocks it.
 */
package workshop.cli.doctor;
