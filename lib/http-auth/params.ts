import type { ParamSyntax } from './grammar/auth-params';

/**
 * Builds the public `params` record. Defined as own data properties so names such as `__proto__`
 * stay ordinary keys instead of touching the prototype.
 */
export function paramsRecord(params: readonly ParamSyntax[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const p of params) setParam(record, p.name, p.value);
  return record;
}

export function setParam(record: Record<string, string>, name: string, value: string): void {
  if (name === '__proto__') {
    Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[name] = value;
  }
}

/** Case-insensitive, own-property lookup of a parameter (RFC 9110 §11.2: names are case-insensitive). */
export function getParam(params: Record<string, string>, name: string): string | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(params, key) ? params[key] : undefined;
}
