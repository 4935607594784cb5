/**
 * The workshop manifest ({@code workshop.yaml}): the steps, their apps, the
 * infrastructure they need and the lineage between them, read once and validated with
 * messages that name the offending field.
 */
package workshop.cli.manifest;
