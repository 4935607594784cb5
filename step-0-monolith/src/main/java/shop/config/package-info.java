/**
 * Configuration: typed properties, security and JSON settings.
 */
package shop.config;
