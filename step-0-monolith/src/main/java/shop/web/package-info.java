/**
 * The HTTP layer: REST controllers, request and response shapes, problem details and
 * filters.
 */
package shop.web;
