package workshop.cli.bench;

/**
 * How one app started, and its memory.
 *
 * @param app the app's name
 * @param seconds from launching the JVM to the first healthy answer
 * @param rssHealthyBytes resident memory (with child processes) once healthy, -1 when
 * unknown
 * @param rssAfterLoadBytes resident memory after the measures ran, -1 when unknown
 */
record AppStartup(String app, double seconds, long rssHealthyBytes, long rssAfterLoadBytes) {

	/**
	 * Returns the larger of the two memory figures.
	 * @return bytes, -1 when unknown
	 */
	long largestRss() {
		return Math.max(this.rssHealthyBytes, this.rssAfterLoadBytes);
	}

}
