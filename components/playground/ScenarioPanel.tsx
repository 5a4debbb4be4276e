'use client';

import type { Dispatch } from 'react';
import type { PlaygroundAction } from '@/lib/playground/reducer';
import type { ScenarioParameter } from '@/lib/playground/scenario-query';

import type { PresetGroup } from '@/lib/content/preset-groups';

export type { PresetGroup };

type Setting = { name: ScenarioParameter; label: string; options: [value: string, label: string][] };

// Choices that change the scenario through the target's query string; "" keeps the preset's own.
const SETTINGS: Setting[] = [
  {
    name: 'proxy',
    label: 'Proxy hop',
    options: [
      ['', 'As the preset'],
      ['none', 'No proxy'],
      ['basic', 'Proxy with Basic'],
      ['digest', 'Proxy with Digest'],
    ],
  },
  {
    name: 'schemes',
    label: 'Schemes offered, in order',
    options: [
      ['', 'As the preset'],
      ['basic', 'Basic'],
      ['bearer', 'Bearer'],
      ['digest', 'Digest'],
      ['digest,basic', 'Digest, then Basic'],
      ['bearer,basic', 'Bearer, then Basic'],
      ['digest,bearer,basic', 'Digest, Bearer, Basic'],
    ],
  },
  {
    name: 'layout',
    label: 'Several challenges',
    options: [
      ['', 'As the preset'],
      ['several-lines', 'One field line each'],
      ['one-line', 'All on one line'],
    ],
  },
  {
    name: 'algorithm',
    label: 'Digest algorithms',
    options: [
      ['', 'As the preset'],
      ['SHA-256', 'SHA-256'],
      ['MD5', 'MD5'],
      ['SHA-512-256', 'SHA-512-256'],
      ['SHA-256-sess', 'SHA-256-sess'],
      ['SHA-256,MD5', 'SHA-256, then MD5'],
    ],
  },
  {
    name: 'qop',
    label: 'Digest qop',
    options: [
      ['', 'As the preset'],
      ['auth', 'auth'],
      ['auth-int', 'auth-int'],
      ['auth,auth-int', 'auth, auth-int'],
    ],
  },
  // Seconds a token from the token endpoint stays valid (RFC 6749 §5.1 expires_in); a short one shows expiry and refresh.
  {
    name: 'token_lifetime',
    label: 'Bearer token lifetime',
    options: [
      ['', 'As the preset'],
      ['5', '5 seconds'],
      ['60', '1 minute'],
      ['300', '5 minutes'],
      ['3600', '1 hour'],
    ],
  },
  {
    name: 'status',
    label: 'Authenticated but not permitted',
    options: [
      ['', 'As the preset'],
      ['403', '403 Forbidden'],
      ['404', '404 Not Found (hide it)'],
    ],
  },
  {
    name: 'role',
    label: 'Role the resource needs',
    options: [
      ['', 'As the preset'],
      ['editor', 'editor (bob has it)'],
      ['reader', 'reader (alice has it)'],
    ],
  },
];

function currentValue(target: string, name: string): string {
  const query = target.includes('?') ? target.slice(target.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get(name) ?? '';
}

export function ScenarioPanel({
  groups,
  preset,
  target,
  dispatch,
}: {
  groups: PresetGroup[];
  preset: string;
  target: string;
  dispatch: Dispatch<PlaygroundAction>;
}) {
  const summary = groups.flatMap((group) => group.presets).find((p) => p.id === preset)?.summary;
  return (
    <fieldset className="rounded-lg border border-line p-4">
      <legend className="px-1">
        <h2 className="text-lg font-bold">1. Scenario</h2>
      </legend>
      <div className="flex flex-wrap items-end gap-3">
        {/* The whole row on a phone, the Reset button below: a preset's title then shows whole (issue 16). */}
        <label className="flex min-w-0 flex-[1_1_100%] flex-col text-sm font-medium sm:flex-1">
          Preset
          <select
            value={preset}
            onChange={(event) => dispatch({ type: 'choose-preset', id: event.target.value })}
            className="mt-1 w-full rounded border border-line bg-canvas px-2 py-1.5"
          >
            {groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.presets.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => dispatch({ type: 'reset' })}
          className="rounded border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface"
        >
          Reset to the preset
        </button>
      </div>
      {summary ? <p className="mt-2 text-sm text-muted">{summary}</p> : null}
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-semibold">Configure the scenario</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col text-sm font-medium">
            Realm
            <input
              value={currentValue(target, 'realm')}
              placeholder="As the preset"
              onChange={(event) => dispatch({ type: 'set-scenario-param', name: 'realm', value: event.target.value === '' ? null : event.target.value })}
              className="mt-1 rounded border border-line bg-canvas px-2 py-1.5"
            />
          </label>
          <label className="flex flex-col text-sm font-medium">
            Scope the resource needs (Bearer)
            <input
              value={currentValue(target, 'scope')}
              placeholder="As the preset, e.g. read write"
              onChange={(event) => dispatch({ type: 'set-scenario-param', name: 'scope', value: event.target.value === '' ? null : event.target.value })}
              className="mt-1 rounded border border-line bg-canvas px-2 py-1.5"
            />
          </label>
          {SETTINGS.map((setting) => (
            <label key={setting.name} className="flex flex-col text-sm font-medium">
              {setting.label}
              <select
                value={currentValue(target, setting.name)}
                onChange={(event) => dispatch({ type: 'set-scenario-param', name: setting.name, value: event.target.value === '' ? null : event.target.value })}
                className="mt-1 rounded border border-line bg-canvas px-2 py-1.5"
              >
                {setting.options.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <p className="mt-2 text-xs text-muted">Each choice becomes a query parameter of the request target, so the URL alone describes the experiment.</p>
      </details>
    </fieldset>
  );
}
