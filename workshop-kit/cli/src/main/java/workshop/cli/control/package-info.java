/**
 * The control endpoint of a running step and the commands that use it from another
 * terminal: {@code ./workshop status}, {@code stop}, {@code kill}, {@code start},
 * {@code restart}, {@code migrate}, {@code replay}.
 */
package workshop.cli.control;
