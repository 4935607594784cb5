/**
 * Spring Boot auto-configuration that connects an app to the workshop's infrastructure
 * through Boot's connection details, so application code never knows the mode.
 */
package workshop.infra.boot;
