import { type Logger, pino } from 'pino';
import type { Config } from '../config';

export type { Logger } from 'pino';

/** JSON logs on stdout; one logger per process, children per request and worker. */
export function createLogger(config: Pick<Config, 'logLevel' | 'nodeEnv'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'initiatief' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['password', '*.password', 'req.headers.cookie', 'headers.cookie'],
      censor: '[redacted]',
    },
  });
}

/** A logger that writes nothing, for tests and scripts. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
