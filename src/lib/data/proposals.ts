/**
 * A user's polygons joined with the Atlas's zone versions (pure, no zod: the app state needs it at
 * start-up, the file parsing in userfile.ts loads only when a file is opened).
 */
import type { ZoneFeature } from './schema';

/**
 * The Atlas's zones with a user's proposals added; a proposal naming an existing zone and version
 * (`zone`, `version` properties) replaces that version, so claims about it are checked against it.
 */
export function withProposals(atlasZones: ZoneFeature[], proposals: ZoneFeature[]): ZoneFeature[] {
  const replaced = new Set(proposals.map((p) => `${p.properties.zone}|${p.properties.version.id}`));
  const kept = atlasZones.filter((z) => !replaced.has(`${z.properties.zone}|${z.properties.version.id}`));
  // A proposal for an existing zone takes the place of its current version in overlaps.
  const proposedZones = new Set(proposals.map((p) => p.properties.zone));
  return [
    ...kept.map((z) => (proposedZones.has(z.properties.zone) && z.properties.current ? { ...z, properties: { ...z.properties, current: false } } : z)),
    ...proposals,
  ];
}
