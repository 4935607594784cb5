/**
 * Payments: authorizes order totals with a simulated provider and records every answer.
 * {@link shop.payments.Payments} is what the order service asks of it, with the commands
 * of this package over Kafka.
 */
package shop.payments;
