/**
 * The black-box HTTP suite of the shop API contract ({@code CONTRACT.md}), which every
 * step of the workshop passes against its front door by extending
 * {@link workshop.contract.ShopContract}.
 */
package workshop.contract;
