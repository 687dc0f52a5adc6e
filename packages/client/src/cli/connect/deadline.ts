import { CliError } from "../cli-errors.js";

/**
 * withDeadline settles like `promise`, or rejects with CliError(`message()`) once `timeoutMs`
 * pass first. The operation itself is not cancelled: the caller disconnects its client, which
 * stops the SDK's retries.
 */
export async function withDeadline<T>(promise: Promise<T>, timeoutMs: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CliError(message())), timeoutMs);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
