package workshop.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import workshop.cli.manifest.Manifest;
import workshop.cli.manifest.ManifestReader;

/**
 * The workshop folder: the one holding {@code workshop.yaml}, the Maven wrapper and the
 * steps.
 *
 * @param root the folder, absolute
 * @param workDir the folder for the command's own files: the running step's control file,
 * kept data, build logs ({@code .workshop/} under the root, git-ignored; tests give their
 * own so that they never meet a step the user runs)
 */
public record Workspace(Path root, Path workDir) {

	/** The manifest's file name. */
	public static final String MANIFEST = "workshop.yaml";

	/**
	 * A workspace whose own files go to {@code .workshop/} under the root.
	 * @param root the folder, absolute
	 */
	public Workspace(Path root) {
		this(root, root.resolve(".workshop"));
	}

	/**
	 * Finds the workspace: the folder named by the {@code workshop.root} system property
	 * (set by the {@code ./workshop} script), else the nearest folder holding
	 * {@code workshop.yaml} from the current one upwards.
	 * @return the workspace, never null
	 * @throws WorkshopException when there is none
	 */
	public static Workspace locate() {
		String configured = System.getProperty("workshop.root");
		if (configured != null) {
			return new Workspace(Path.of(configured).toAbsolutePath().normalize());
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve(MANIFEST))) {
				return new Workspace(dir);
			}
		}
		throw new WorkshopException(
				"No " + MANIFEST + " here or in a parent folder. Run ./workshop from the workshop folder.");
	}

	/**
	 * Reads the manifest.
	 * @return the manifest, never null
	 * @throws workshop.cli.manifest.ManifestException when it is missing or invalid
	 */
	public Manifest manifest() {
		return ManifestReader.read(this.root.resolve(MANIFEST));
	}

	/**
	 * Resolves a path given relative to the workshop folder, such as a module folder.
	 * @param relative the relative path
	 * @return the absolute path
	 */
	public Path resolve(String relative) {
		return this.root.resolve(relative).normalize();
	}

}
