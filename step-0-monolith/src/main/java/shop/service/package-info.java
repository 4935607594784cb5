/**
 * The business layer: transactions and rules of the shop, called by the web layer.
 */
package shop.service;
