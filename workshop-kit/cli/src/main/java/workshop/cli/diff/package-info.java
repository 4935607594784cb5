/**
 * {@code ./workshop diff}: what changed between two steps, module by module along the
 * manifest's lineage, as a unified diff or a self-contained HTML page for the slides.
 */
package workshop.cli.diff;
