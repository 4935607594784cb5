/**
 * The payment service, as the order service sees it: {@link shop.payments.Payments},
 * answered by commands over Kafka, and the answers that come back.
 */
package shop.payments;
