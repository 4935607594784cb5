/**
 * The catalog as the order service sees it: the products belong to the catalog service.
 * What the order service keeps is {@link shop.catalog.Catalog}, answered from a replica
 * of the products that the catalog's change stream keeps up to date
 * ({@code shop.catalog.replica}).
 */
package shop.catalog;
