package shop.payments.internal;

/**
 * What the payment provider answered, or what happened to the money afterwards.
 */
public enum PaymentStatus {

	/** The amount is authorized. */
	AUTHORIZED,

	/** The provider declined the amount. */
	DECLINED,

	/** An authorized amount was given back because the order was cancelled. */
	REFUNDED

}
