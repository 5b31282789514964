import { resolve } from 'node:path';
import { provinceFromSettings, type ProvinceUnit } from '#identity';

/** Everything the one-process system reads from its environment (README "Configuration"). */
export interface CaseworkConfig {
  /** HTTP port; 0 picks a free one. */
  readonly port: number;
  /** Where the embedded PostgreSQL keeps its cluster. */
  readonly dataDir: string;
  /** An external PostgreSQL instead of the embedded one. */
  readonly databaseUrl?: string;
  /** The administrator's password on first start; generated and printed once when absent. */
  readonly adminPassword?: string;
  /**
   * The province federation above the cities (PROVINCE_UNIT_ID, PROVINCE_UNIT_NAME), when the
   * installation serves a province; the tree is put under it at start (docs/configuration.md).
   */
  readonly province?: ProvinceUnit;
  /** A JSON file overriding the hotline time limits (see docs/configuration.md). */
  readonly hotlineTimeLimitsFile?: string;
  /** A JSON file of the local minimum-living lines by district and year (hardship files). */
  readonly povertyLinesFile?: string;
  /** Where the built web console is; served at `/`. */
  readonly webRoot: string;
  readonly log: boolean;
  /** How long a log-in lasts, in seconds; 8 hours when absent. */
  readonly sessionLifetimeSeconds?: number;
  /** How often hardship files are swept for reminders to their cadres, in seconds (default an hour). */
  readonly reminderSweepSeconds: number;
  /**
   * Whether the public port serves the API documents (`API_DOCS=on`) and `/metrics` (`METRICS=on`).
   * Off by default, on by default when `NODE_ENV=development`.
   */
  readonly exposure: { readonly apiDocs: boolean; readonly metrics: boolean };
  /** How often the event store's hash chains are checked, in hours (AUDIT_CHECK_HOURS, default 24; 0: never). */
  readonly auditCheckHours: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): CaseworkConfig {
  return {
    port: env.PORT ? Number(env.PORT) : 3000,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.CASEWORK_ADMIN_PASSWORD || undefined,
    province: provinceFromSettings(env.PROVINCE_UNIT_ID || undefined, env.PROVINCE_UNIT_NAME || undefined),
    hotlineTimeLimitsFile: env.HOTLINE_TIME_LIMITS_FILE || undefined,
    povertyLinesFile: env.POVERTY_LINES_FILE || undefined,
    webRoot: resolve(env.WEB_ROOT ?? './dist/web'),
    log: env.LOG !== 'off',
    sessionLifetimeSeconds: positiveInteger(env.SESSION_LIFETIME_SECONDS, 'SESSION_LIFETIME_SECONDS'),
    reminderSweepSeconds: positiveInteger(env.REMINDER_SWEEP_SECONDS, 'REMINDER_SWEEP_SECONDS') ?? 3_600,
    auditCheckHours: env.AUDIT_CHECK_HOURS === '0' ? 0 : positiveInteger(env.AUDIT_CHECK_HOURS, 'AUDIT_CHECK_HOURS') ?? 24,
    exposure: {
      apiDocs: onOff(env.API_DOCS, 'API_DOCS') ?? env.NODE_ENV === 'development',
      metrics: onOff(env.METRICS, 'METRICS') ?? env.NODE_ENV === 'development',
    },
  };
}

function onOff(value: string | undefined, name: string): boolean | undefined {
  if (!value) return undefined;
  if (value !== 'on' && value !== 'off') throw new Error(`${name} must be "on" or "off", not "${value}"`);
  return value === 'on';
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (!value) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`${name} must be a positive whole number of seconds, not "${value}"`);
  return Number(value);
}
