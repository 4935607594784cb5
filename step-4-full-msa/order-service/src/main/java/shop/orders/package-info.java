/**
 * Orders: places a customer's order and sees it through stock and payment to its final
 * status.
 */
package shop.orders;
