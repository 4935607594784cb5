package workshop.cli.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;
import workshop.cli.run.InfraServer;
import workshop.cli.run.ManagedApp;
import workshop.cli.run.StepSession;
import workshop.cli.system.ListeningSockets;
import workshop.cli.traces.TraceCollector;

/**
 * What {@code ./workshop status} shows, as the control endpoint sends it: each app, each
 * server, and what the step adds (the paths its apps list under {@code status} in the
 * manifest, such as the gateway's cutover policies).
 *
 * @param step the step's id
 * @param title the step's title
 * @param frontDoor the URL a user opens
 * @param frontDoorApp the app behind that URL
 * @param data the folder that keeps the step's data, or null when it goes with the run
 * @param apps every app, in manifest order
 * @param servers PostgreSQL and Kafka, when the step has them
 * @param details what the apps' status paths answered
 * @param deadLetters the dead-letter topics of the step's broker, or null when the step
 * has no Kafka
 * @param figures the key metrics of each app that lists {@code metrics} in the manifest
 * @param traces where the step's trace collector draws its traces, or null when its apps
 * export none
 */
public record StepStatus(String step, String title, String frontDoor, String frontDoorApp, String data,
		List<AppStatus> apps, List<ServerStatus> servers, List<Detail> details, DeadLetterStatus deadLetters,
		List<Figures> figures, String traces) {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One app.
	 *
	 * @param name its name
	 * @param state {@code starting}, {@code running}, {@code stopping}, {@code stopped},
	 * {@code killed}, {@code crashed} or {@code failed}
	 * @param pid its process id, or -1 when it does not run
	 * @param port the port it listens on
	 * @param listening the addresses its port accepts connections on ({@code 127.0.0.1}:
	 * this machine only; {@code 0.0.0.0} or {@code ::}: every interface), empty when
	 * nothing listens or the system does not say
	 * @param url its base URL
	 * @param health the HTTP status of its health URL, 0 when nothing answered
	 * @param uptimeSeconds how long it has run, or -1
	 * @param rssBytes its resident memory with its children, or -1
	 * @param lastExitCode the exit code of its last process, or null
	 * @param calls the apps it calls
	 * @param database the database it works on, or null
	 */
	public record AppStatus(String name, String state, long pid, int port, List<String> listening, String url,
			int health, long uptimeSeconds, long rssBytes, Integer lastExitCode, List<String> calls, String database) {
	}

	/**
	 * One server.
	 *
	 * @param name {@code postgres} or {@code kafka}
	 * @param state {@code running}, {@code stopped}, {@code killed} or {@code crashed}
	 * @param pid its process id, or -1
	 * @param address where clients reach it
	 * @param detail what it holds
	 */
	public record ServerStatus(String name, String state, long pid, String address, String detail) {
	}

	/**
	 * What one status path of an app answered.
	 *
	 * @param app the app
	 * @param path the path, such as {@code /actuator/cutover}
	 * @param value the JSON it answered, or null
	 * @param error why there is no value, or null
	 */
	public record Detail(String app, String path, JsonNode value, String error) {
	}

	/**
	 * The key metrics of one app, read from its {@code /actuator/prometheus}.
	 *
	 * @param app the app
	 * @param samples every series of the metrics the manifest names, in the order written
	 * @param error why there are none (the app does not run or answer), or null
	 */
	public record Figures(String app, List<PrometheusText.Sample> samples, String error) {
	}

	/**
	 * The dead-letter topics of the step's broker ({@link DeadLetters}).
	 *
	 * @param topics every topic ending in {@code .DLT}, by name
	 * @param error why they are not known (the broker is down), or null
	 */
	public record DeadLetterStatus(List<DeadLetterTopic> topics, String error) {
	}

	/**
	 * One dead-letter topic.
	 *
	 * @param name its name, such as {@code inventory.reserve-stock.DLT}
	 * @param waiting how many of its messages were not replayed yet
	 */
	public record DeadLetterTopic(String name, long waiting) {
	}

	/**
	 * Reads the status of a running session, asking every app's health URL and status
	 * paths, and the broker for its dead letters, at once.
	 * @param session the session
	 * @return the status, never null
	 */
	public static StepStatus of(StepSession session) {
		ExecutorService askers = Executors.newFixedThreadPool(4);
		try {
			List<CompletableFuture<AppStatus>> apps = new ArrayList<>();
			List<CompletableFuture<Detail>> details = new ArrayList<>();
			List<CompletableFuture<Figures>> figures = new ArrayList<>();
			CompletableFuture<DeadLetterStatus> deadLetters = session.step().infra().kafka()
					? CompletableFuture.supplyAsync(() -> deadLetters(session), askers)
					: CompletableFuture.completedFuture(null);
			for (ManagedApp app : session.managedApps()) {
				apps.add(CompletableFuture.supplyAsync(() -> appStatus(app), askers));
				for (String path : app.app().status()) {
					details.add(CompletableFuture.supplyAsync(() -> detail(app, path), askers));
				}
				if (!app.app().metrics().isEmpty()) {
					figures.add(CompletableFuture.supplyAsync(() -> figures(app), askers));
				}
			}
			List<ServerStatus> servers = session.servers().stream().map(StepStatus::serverStatus).toList();
			return new StepStatus(session.step().id(), session.step().title(), session.step().frontDoor(),
					session.step().frontDoorApp().name(), session.keptData().map(Object::toString).orElse(null),
					apps.stream().map(CompletableFuture::join).toList(), servers,
					details.stream().map(CompletableFuture::join).toList(), deadLetters.join(),
					figures.stream().map(CompletableFuture::join).toList(),
					session.traces().map(TraceCollector::pagesUrl).orElse(null));
		}
		finally {
			askers.shutdown();
		}
	}

	private static AppStatus appStatus(ManagedApp app) {
		var running = app.current();
		Duration uptime = app.uptime();
		App described = app.app();
		return new AppStatus(app.name(), app.state().label(), (running != null) ? running.process().pid() : -1,
				app.port(), (running != null) ? ListeningSockets.addresses(app.port()) : List.of(),
				app.url().toString(), app.health(), (uptime != null) ? uptime.toSeconds() : -1, app.residentBytes(),
				app.lastExitCode(), List.copyOf(described.calls().keySet()), described.database());
	}

	private static ServerStatus serverStatus(InfraServer server) {
		return new ServerStatus(server.name(), server.state(), server.pid(), server.address(), server.detail());
	}

	private static DeadLetterStatus deadLetters(StepSession session) {
		try {
			return new DeadLetterStatus(DeadLetters.of(session).waiting(), null);
		}
		catch (WorkshopException ex) {
			return new DeadLetterStatus(List.of(), ex.getMessage());
		}
	}

	private static Figures figures(ManagedApp app) {
		Answer answer = ask(app, TrafficMeter.METRICS_PATH);
		if (answer.error() != null) {
			return new Figures(app.name(), List.of(), answer.error());
		}
		return new Figures(app.name(),
				PrometheusText.parse(answer.body())
					.stream()
					.filter((sample) -> app.app().metrics().contains(sample.name()))
					.toList(),
				null);
	}

	private static Detail detail(ManagedApp app, String path) {
		Answer answer = ask(app, path);
		if (answer.error() != null) {
			return new Detail(app.name(), path, null, answer.error());
		}
		try {
			return new Detail(app.name(), path, JSON.readTree(answer.body()), null);
		}
		catch (JacksonException ex) {
			return new Detail(app.name(), path, null, "answered no JSON");
		}
	}

	/** GETs a path of a running app: its body on a 200, else why there is none. */
	private static Answer ask(ManagedApp app, String path) {
		if (app.current() == null) {
			return new Answer(null, app.name() + " is " + app.state().label());
		}
		HttpRequest request = HttpRequest.newBuilder(app.url().resolve(path)).timeout(Duration.ofSeconds(2)).build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? new Answer(response.body(), null)
					: new Answer(null, "answered " + response.statusCode());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(null, "interrupted");
		}
		catch (IOException ex) {
			return new Answer(null, "no answer (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private record Answer(String body, String error) {
	}

}
