/**
 * Running a step: build what is stale, start its infrastructure, start every app as its
 * own JVM from a fast-starting layout, wait for health, prefix the logs, and stop
 * everything cleanly.
 */
package workshop.cli.run;
