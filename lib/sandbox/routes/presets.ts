import { json } from '../openapi/refs';
import type { PathItem } from '../openapi/types';
import { allPresets } from '../scenario/presets';
import { presetPath, PRESETS_PATH } from './paths';
import { readOnlyJsonRoute } from './read-only';
import type { EndpointRoute } from './route';

// GET /api/sandbox/presets: every preset, in course order, with its URL.

function presetList(): { presets: { id: string; title: string; summary: string; url: string }[] } {
  return { presets: allPresets().map((preset) => ({ id: preset.id, title: preset.title, summary: preset.summary, url: presetPath(preset.id) })) };
}

function describe(): PathItem {
  return {
    get: {
      operationId: 'listPresets',
      summary: 'List the presets',
      description: 'Every preset: its id, title, a summary of what it teaches, and its URL.',
      tags: ['Discovery'],
      security: [],
      responses: { '200': { description: 'The presets, in course order.', content: json('PresetList', presetList()) } },
    },
  };
}

export const presetListRoute: EndpointRoute = readOnlyJsonRoute(PRESETS_PATH, () => JSON.stringify(presetList()), describe);
