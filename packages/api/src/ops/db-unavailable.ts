/**
 * Whether an error means the database cannot be reached right now (it is down, restarting or
 * refusing connections), as opposed to a query that is wrong. Such a request is answered
 * 503 `unavailable` so clients and load balancers retry, instead of 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') return false;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      // Node socket errors on connect or while a query is in flight.
      if (
        ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(
          code,
        )
      )
        return true;
      // SQLSTATE class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot
      // connect now), 53300 (too many connections).
      if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') return true;
    }
    if (typeof message === 'string') {
      // node-postgres reports a dropped connection without a code.
      if (
        /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
          message,
        )
      )
        return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
