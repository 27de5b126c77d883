/**
 * The folder of the compiled server for the current sources (built first when missing), or
 * null when the build failed. See build-server.mjs.
 */
export function buildServer(): Promise<string | null>;
