/**
 * A user's polygons joined with the Atlas's zone versions (pure, no zod: the app state needs it at
 * start-up, the file parsing in userfile.ts loads only when a file is opened).
 */
import type { ZoneFeature } from './schema';

/**
 * The Atlas's zones with a user's proposals added beside them. A proposal never replaces an
 * official version (see ProposalAttachment in userfile.ts): the official versions are returned
 * unchanged, in order, followed by the proposals, each in its own zone.
 */
export function withProposals(atlasZones: ZoneFeature[], proposals: ZoneFeature[]): ZoneFeature[] {
  return [...atlasZones, ...proposals];
}
