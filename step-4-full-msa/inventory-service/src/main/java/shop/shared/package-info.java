/**
 * What every part of the service uses and none owns: money, problem details, filters,
 * security, JSON, database and messaging configuration. Each service has its own copy.
 */
package shop.shared;
