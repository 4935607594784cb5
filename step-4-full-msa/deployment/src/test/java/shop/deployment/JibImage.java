package shop.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image as Jib writes it to a tar file ({@code jib:buildTar}): the image's
 * configuration (entry point, ports, user, environment) and, per layer, its name in the
 * image's history and the files it holds. The same configuration and layers that
 * {@code jib:build} pushes to a registry.
 *
 * @param tags the image's names
 * @param config the {@code config} object of the image configuration
 * @param layers the files of each layer, by the layer's name, bottom layer first
 */
record JibImage(List<String> tags, JsonNode config, Map<String, List<String>> layers) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Reads an image tar.
	 * @param tar the file {@code jib:buildTar} wrote
	 * @return the image
	 * @throws IOException when the file cannot be read
	 */
	static JibImage read(Path tar) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
			for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
		JsonNode configuration = JSON.readTree(entries.get(manifest.get("Config").asString()));
		List<String> tags = new ArrayList<>();
		manifest.get("RepoTags").forEach((tag) -> tags.add(tag.asString()));
		Map<String, List<String>> layers = new LinkedHashMap<>();
		JsonNode history = configuration.get("history");
		JsonNode layerFiles = manifest.get("Layers");
		for (int i = 0; i < layerFiles.size(); i++) {
			byte[] layer = entries.get(layerFiles.get(i).asString());
			layers.put(history.get(i).get("comment").asString(), filesOf(layer));
		}
		return new JibImage(tags, configuration.get("config"), layers);
	}

	private static List<String> filesOf(byte[] gzippedTar) throws IOException {
		List<String> files = new ArrayList<>();
		try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(gzippedTar));
				TarArchiveInputStream in = new TarArchiveInputStream(gunzip)) {
			for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (!entry.isDirectory()) {
					files.add(entry.getName());
				}
			}
		}
		return files;
	}

	/**
	 * Returns the command the container runs.
	 * @return the entry point, one argument per element
	 */
	List<String> entrypoint() {
		List<String> entrypoint = new ArrayList<>();
		this.config.path("Entrypoint").forEach((argument) -> entrypoint.add(argument.asString()));
		return entrypoint;
	}

	/**
	 * Returns the ports the image declares.
	 * @return such as {@code 8081/tcp}
	 */
	List<String> exposedPorts() {
		List<String> ports = new ArrayList<>();
		ports.addAll(this.config.path("ExposedPorts").propertyNames());
		return ports;
	}

	/**
	 * Returns the user the container runs as.
	 * @return a user name or number; empty for root
	 */
	String user() {
		return this.config.path("User").asString("");
	}

	/**
	 * Returns the environment the image sets.
	 * @return such as {@code WORKSHOP_INFRA=external}
	 */
	List<String> environment() {
		List<String> environment = new ArrayList<>();
		this.config.path("Env").forEach((variable) -> environment.add(variable.asString()));
		return environment;
	}

}
