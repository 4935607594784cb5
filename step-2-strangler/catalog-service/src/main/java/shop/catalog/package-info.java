/**
 * The catalog: the products the shop sells and their prices. Since step 2 an application
 * of its own, strangled out of the monolith with its schema.
 */
package shop.catalog;
