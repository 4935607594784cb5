package workshop.cli.control;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;

import picocli.CommandLine;
import workshop.cli.WorkshopCommand;
import workshop.cli.Workspace;
import workshop.cli.run.AppLog;
import workshop.cli.run.ManagedApp;
import workshop.cli.run.StepSession;

/**
 * A step started with its control endpoint, as {@code ./workshop run} starts it, for
 * whoever drives it from code: the run command itself, and the steps' system tests, which
 * then act on it with the very commands an attendee types ({@link #workshop}).
 */
public final class RunningStep implements AutoCloseable {

	private final Workspace workspace;

	private final StepSession session;

	private final ControlServer control;

	private boolean closed;

	private RunningStep(Workspace workspace, StepSession session, ControlServer control) {
		this.workspace = workspace;
		this.session = session;
		this.control = control;
	}

	/**
	 * Starts a session and opens its control endpoint; on failure whatever was started is
	 * stopped again.
	 * @param workspace the workspace; its {@code workDir} receives the session file
	 * @param session a session that has started nothing yet
	 * @param log where the apps' output goes
	 * @return the running step
	 */
	public static RunningStep start(Workspace workspace, StepSession session, AppLog log) {
		session.start(workspace, log);
		try {
			return new RunningStep(workspace, session, ControlServer.start(session, workspace.workDir()));
		}
		catch (RuntimeException ex) {
			session.close();
			throw ex;
		}
	}

	/**
	 * Returns the session.
	 * @return the session
	 */
	public StepSession session() {
		return this.session;
	}

	/**
	 * Returns an app of the step.
	 * @param name the app's name
	 * @return the app
	 * @throws IllegalArgumentException when the step has no such app
	 */
	public ManagedApp app(String name) {
		return this.session.managedApps()
			.stream()
			.filter((app) -> app.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(this.session.step().id() + " has no app " + name));
	}

	/**
	 * Returns the base URL of an app.
	 * @param name the app's name
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI url(String name) {
		return app(name).url();
	}

	/**
	 * Returns the address of the control room page, which draws this step live.
	 * @return {@code http://127.0.0.1:<port>/control-room/}
	 */
	public URI controlRoomUrl() {
		return URI.create(this.control.pageUrl());
	}

	/**
	 * Runs a workshop command against this step, in this JVM, as it runs in a second
	 * terminal: {@code workshop("kill", "catalog-service")}.
	 * @param args the command's arguments
	 * @return its exit code and output
	 */
	public Result workshop(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = WorkshopCommand.commandLine(() -> this.workspace);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		return new Result(exitCode, out.toString(), err.toString());
	}

	/** Closes the control endpoint, then stops the step. Safe to call more than once. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.control.close();
		this.session.close();
	}

	/**
	 * What a workshop command did.
	 *
	 * @param exitCode its exit status
	 * @param out what it printed on standard output
	 * @param err what it printed on standard error
	 */
	public record Result(int exitCode, String out, String err) {
	}

}
