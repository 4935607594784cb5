package workshop.cli.control;

import java.util.List;

import workshop.cli.traces.Trace;

/**
 * What the control endpoint answers about traces.
 *
 * @param pages where the trace collector draws them; a trace's id appended names its page
 * @param traces the traces asked for, latest first
 */
record TracesAnswer(String pages, List<Trace> traces) {

}
