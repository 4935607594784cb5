/**
 * The move of the catalog's data from its old home, the schema {@code catalog} of the
 * shop's database, to a database of its own, in phases: A copies, B cuts over, C removes
 * the old copy. Which database serves the service is decided here.
 */
package shop.catalog.migration;
