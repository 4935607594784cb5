/**
 * The shop's JPA entities and value objects, shared by every part of the application.
 */
package shop.domain;
