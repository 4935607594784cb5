package shop.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import workshop.cli.manifest.App;
import workshop.cli.manifest.Step;

/**
 * The manifests run a step as {@code workshop.yaml} describes it: every app as a
 * Deployment and a Service of its name, from the image Jib builds, on its port, ready
 * when its health path says so, on its own database, within limits, without root.
 */
final class KubernetesWorkshopRules {

	/**
	 * Spring Boot's liveness group: broken inside, so restart; never a dependency's
	 * state.
	 */
	static final String LIVENESS = "/actuator/health/liveness";

	/**
	 * The user of the images (Jib's {@code container.user}): no root, no entry in
	 * /etc/passwd.
	 */
	static final long IMAGE_USER = 65532;

	private KubernetesWorkshopRules() {
	}

	/**
	 * Checks the manifests against a step.
	 * @param manifests the manifests, such as those of {@code step-4-full-msa/k8s}
	 * @param step the step of {@code workshop.yaml}
	 * @param imageVersion the version Jib tags the images with
	 * @return one message per problem, each starting with the app it concerns; empty when
	 * all is well
	 */
	static List<String> problems(KubernetesManifests manifests, Step step, String imageVersion) {
		List<String> problems = new ArrayList<>();
		for (App app : step.apps()) {
			Optional<Deployment> deployment = manifests.find(Deployment.class, app.name());
			Optional<Service> service = manifests.find(Service.class, app.name());
			if (deployment.isEmpty() || service.isEmpty()) {
				problems.add(app.name() + ": needs a Deployment and a Service named " + app.name());
				continue;
			}
			PodSpec pod = deployment.get().getSpec().getTemplate().getSpec();
			if (pod.getContainers().size() != 1) {
				problems.add(app.name() + ": its pod has " + pod.getContainers().size() + " containers, not one");
				continue;
			}
			Container container = pod.getContainers().get(0);
			String image = "shop/step-4-" + Path.of(app.module()).getFileName() + ":" + imageVersion;
			if (!image.equals(container.getImage())) {
				problems.add(app.name() + ": image is " + container.getImage() + ", not Jib's " + image);
			}
			checkPortAndProbes(app, container, problems);
			checkResources(app, container, problems);
			checkNoRoot(app, pod, container, problems);
			checkEnvironment(manifests, step, app, environment(manifests, container), problems);
			checkService(app, service.get(), deployment.get(), problems);
		}
		checkServers(manifests, step, problems);
		return problems;
	}

	/**
	 * The port is workshop.yaml's; readiness asks its health path, liveness Spring Boot's
	 * liveness group, and a startup probe holds liveness back while the JVM starts.
	 */
	private static void checkPortAndProbes(App app, Container container, List<String> problems) {
		Optional<Integer> port = container.getPorts()
			.stream()
			.filter((candidate) -> "http".equals(candidate.getName()))
			.map(ContainerPort::getContainerPort)
			.findFirst();
		if (port.isEmpty() || port.get() != app.port()) {
			problems.add(app.name() + ": container port http is " + port.orElse(null) + ", not workshop.yaml's "
					+ app.port());
		}
		checkProbe(app, "readinessProbe", container.getReadinessProbe(), app.health(), problems);
		checkProbe(app, "livenessProbe", container.getLivenessProbe(), LIVENESS, problems);
		if (container.getStartupProbe() == null) {
			problems.add(app.name() + ": has no startupProbe, so its liveness probe may kill a slow start");
		}
	}

	private static void checkProbe(App app, String kind, Probe probe, String path, List<String> problems) {
		if (probe == null || probe.getHttpGet() == null) {
			problems.add(app.name() + ": has no " + kind + " asking GET " + path);
			return;
		}
		IntOrString port = probe.getHttpGet().getPort();
		if (!path.equals(probe.getHttpGet().getPath()) || !isPort(port, app.port())) {
			problems.add(app.name() + ": " + kind + " asks " + probe.getHttpGet().getPath() + " on port "
					+ port.getValue() + ", not " + path + " on http (" + app.port() + ")");
		}
	}

	/**
	 * Requests reserve what the scheduler counts on; limits bound the pod, and the heap
	 * follows them.
	 */
	private static void checkResources(App app, Container container, List<String> problems) {
		Map<String, ?> requests = (container.getResources() != null) ? container.getResources().getRequests() : null;
		Map<String, ?> limits = (container.getResources() != null) ? container.getResources().getLimits() : null;
		for (String resource : List.of("cpu", "memory")) {
			if (requests == null || !requests.containsKey(resource)) {
				problems.add(app.name() + ": resources.requests has no " + resource);
			}
			if (limits == null || !limits.containsKey(resource)) {
				problems.add(app.name() + ": resources.limits has no " + resource);
			}
		}
	}

	/** The container's settings win over the pod's, as in Kubernetes. */
	private static void checkNoRoot(App app, PodSpec pod, Container container, List<String> problems) {
		PodSecurityContext podContext = (pod.getSecurityContext() != null) ? pod.getSecurityContext()
				: new PodSecurityContext();
		SecurityContext context = (container.getSecurityContext() != null) ? container.getSecurityContext()
				: new SecurityContext();
		Boolean nonRoot = (context.getRunAsNonRoot() != null) ? context.getRunAsNonRoot()
				: podContext.getRunAsNonRoot();
		Long user = (context.getRunAsUser() != null) ? context.getRunAsUser() : podContext.getRunAsUser();
		if (!Boolean.TRUE.equals(nonRoot) || user == null || user != IMAGE_USER) {
			problems.add(app.name() + ": must run as non-root user " + IMAGE_USER + " (runAsNonRoot " + nonRoot
					+ ", runAsUser " + user + ")");
		}
		if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
			problems.add(app.name() + ": allowPrivilegeEscalation must be false");
		}
		if (context.getCapabilities() == null || !context.getCapabilities().getDrop().contains("ALL")) {
			problems.add(app.name() + ": must drop ALL capabilities");
		}
		Optional<String> tmp = container.getVolumeMounts()
			.stream()
			.filter((mount) -> "/tmp".equals(mount.getMountPath()))
			.map(VolumeMount::getName)
			.findFirst();
		boolean tmpIsEmptyDir = tmp.isPresent() && pod.getVolumes()
			.stream()
			.anyMatch((volume) -> volume.getName().equals(tmp.get()) && volume.getEmptyDir() != null);
		if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem()) || !tmpIsEmptyDir) {
			problems.add(app.name() + ": needs a read-only root file system with an emptyDir at /tmp");
		}
	}

	/**
	 * Each service on its own database and the broker, the gateway on the backends'
	 * Services, every app told that the servers are the cluster's. (The heap's share of
	 * the limit is the image's: ImageConfigurationTests.)
	 */
	private static void checkEnvironment(KubernetesManifests manifests, Step step, App app,
			Map<String, String> environment, List<String> problems) {
		expect(app, environment, "WORKSHOP_INFRA", "external", problems);
		if (app.database() != null) {
			expect(app, environment, "SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/" + app.database(),
					problems);
			expect(app, environment, "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", problems);
			for (String secret : List.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
					"SHOP_DATABASE_PASSWORD")) {
				if (!environment.containsKey(secret)) {
					problems.add(app.name() + ": " + secret + " is not set");
				}
			}
		}
		else if (environment.containsKey("SPRING_DATASOURCE_URL")) {
			problems.add(app.name() + ": has SPRING_DATASOURCE_URL, but workshop.yaml gives it no database");
		}
		app.calls()
			.entrySet()
			.stream()
			.filter((call) -> !App.BY_NAME.equals(call.getValue())) // found in the
																	// registry: no URL to
																	// give
			.forEach((call) -> step.app(call.getKey())
				.ifPresent((backend) -> expect(app, environment, environmentVariable(call.getValue()),
						"http://" + backend.name() + ":" + backend.port(), problems)));
	}

	private static void expect(App app, Map<String, String> environment, String variable, String value,
			List<String> problems) {
		if (!value.equals(environment.get(variable))) {
			problems.add(app.name() + ": " + variable + " is " + environment.get(variable) + ", not " + value);
		}
	}

	/**
	 * The Service answers on workshop.yaml's port, passes to the container's, and selects
	 * the app's pods.
	 */
	private static void checkService(App app, Service service, Deployment deployment, List<String> problems) {
		Optional<ServicePort> port = service.getSpec()
			.getPorts()
			.stream()
			.filter((candidate) -> candidate.getPort() == app.port())
			.findFirst();
		if (port.isEmpty()) {
			problems.add(app.name() + ": its Service has no port " + app.port());
		}
		else if (!isPort(port.get().getTargetPort(), app.port())) {
			problems.add(app.name() + ": its Service port " + app.port() + " sends to "
					+ port.get().getTargetPort().getValue() + ", not to the container port http");
		}
		Map<String, String> selector = service.getSpec().getSelector();
		Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
		if (selector.isEmpty() || !labels.entrySet().containsAll(selector.entrySet())) {
			problems.add(app.name() + ": its Service selects " + selector + ", which its pods " + labels + " are not");
		}
	}

	/**
	 * PostgreSQL creates every database of the step, and the servers answer where the
	 * apps look.
	 */
	private static void checkServers(KubernetesManifests manifests, Step step, List<String> problems) {
		String script = manifests.find(ConfigMap.class, "postgres-init")
			.map((init) -> String.join("\n", init.getData().values()))
			.orElse("");
		for (String database : step.infra().databases()) {
			if (!script.contains("create database " + database + ";")) {
				problems.add("postgres: the ConfigMap postgres-init does not create database " + database);
			}
		}
		for (Map.Entry<String, Integer> server : Map.of("postgres", 5432, "kafka", 9092).entrySet()) {
			boolean answers = manifests.find(Service.class, server.getKey())
				.map((service) -> service.getSpec()
					.getPorts()
					.stream()
					.anyMatch((port) -> server.getValue().equals(port.getPort())))
				.orElse(false);
			if (!answers) {
				problems
					.add(server.getKey() + ": needs a Service " + server.getKey() + " on port " + server.getValue());
			}
		}
	}

	/**
	 * Returns a container's environment as the kubelet builds it: the ConfigMaps and
	 * Secrets of {@code envFrom} in order, then {@code env}, each later one winning.
	 * @return variable to value; a value from a key reference reads
	 * {@code <from Secret x>}
	 */
	private static Map<String, String> environment(KubernetesManifests manifests, Container container) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (EnvFromSource source : container.getEnvFrom()) {
			String name = (source.getConfigMapRef() != null) ? "ConfigMap " + source.getConfigMapRef().getName()
					: "Secret " + source.getSecretRef().getName();
			manifests.kustomizations()
				.values()
				.stream()
				.map((kustomization) -> kustomization.generators().get(name))
				.filter((generator) -> generator != null)
				.forEach((generator) -> environment.putAll(generator.entries()));
		}
		for (EnvVar variable : container.getEnv()) {
			environment.put(variable.getName(),
					(variable.getValue() != null) ? variable.getValue() : "<from " + variable.getValueFrom() + ">");
		}
		return environment;
	}

	/**
	 * Spring's relaxed binding: {@code shop.gateway.catalog-url} is
	 * {@code SHOP_GATEWAY_CATALOG_URL}.
	 */
	static String environmentVariable(String property) {
		return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	/** A port given as the name {@code http} or as the number itself. */
	private static boolean isPort(IntOrString port, int number) {
		return port != null && ("http".equals(port.getStrVal()) || Integer.valueOf(number).equals(port.getIntVal()));
	}

}
