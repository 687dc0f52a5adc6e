import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

/** REPO_ROOT is the repository root: the image's build context and the compose project's base. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** IMAGE is the image the docker tests run: TRIBUTARY_IMAGE, else what .ci/run builds. */
export const IMAGE = process.env.TRIBUTARY_IMAGE ?? "tributary:local";

/**
 * run runs a program and resolves with its standard output, or rejects with its standard error
 * (or the reason it could not start) in the message.
 */
export function run(program: string, args: readonly string[], options: { timeoutMs?: number; cwd?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: options.timeoutMs ?? 60_000, cwd: options.cwd ?? REPO_ROOT, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${program} ${args.join(" ")}: ${[stderr.trim(), stdout.trim()].filter((text) => text !== "").join("\n") || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

/** docker runs the docker CLI. */
export function docker(args: readonly string[], timeoutMs = 60_000): Promise<string> {
  return run("docker", args, { timeoutMs });
}

/** DockerEngine says whether a Docker engine answers, and if not, why. */
export interface DockerEngine {
  readonly available: boolean;
  /** One line: the server version, or why there is none. */
  readonly detail: string;
}

/** dockerEngine asks the docker CLI for the server's version. */
export async function dockerEngine(): Promise<DockerEngine> {
  try {
    const version = await docker(["version", "--format", "{{.Server.Version}}"], 15_000);
    return { available: true, detail: `Docker engine ${version}` };
  } catch (error) {
    const message = (error as Error).message.split("\n").find((line) => line.trim() !== "") ?? "no answer";
    return { available: false, detail: message.includes("ENOENT") ? "no docker CLI on PATH" : message };
  }
}

/**
 * ensureImage builds the image from deploy/Dockerfile when it is missing (.ci/run builds it before
 * the tests; a developer may not have). An existing image is used as it is: rebuild it after
 * changing the code (`docker build -f deploy/Dockerfile -t tributary:local .`).
 */
export async function ensureImage(image: string): Promise<void> {
  try {
    await docker(["image", "inspect", "--format", "{{.Id}}", image], 15_000);
  } catch {
    console.log(`docker tests: building ${image} from deploy/Dockerfile (it is missing)`);
    await docker(["build", "-f", "deploy/Dockerfile", "-t", image, "."], 600_000);
  }
}
