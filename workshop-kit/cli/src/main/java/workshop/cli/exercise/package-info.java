/**
 * {@code ./workshop exercise}: start, check, solve and reset the exercises in
 * {@code exercises/}, and prove in CI that each one fails before and passes after.
 */
package workshop.cli.exercise;
