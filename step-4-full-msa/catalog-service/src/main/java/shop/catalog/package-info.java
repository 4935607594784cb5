/**
 * The catalog: the products the shop sells and their prices, an application of its own
 * with its schema.
 */
package shop.catalog;
