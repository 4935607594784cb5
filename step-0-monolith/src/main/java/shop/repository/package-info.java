/**
 * The data access layer: Spring Data JPA repositories over the shop's tables.
 */
package shop.repository;
