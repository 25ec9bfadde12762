/**
 * A user's polygons joined with the Atlas's zone versions, and what the place list and the draw
 * panel need of a proposal (pure, no zod: the app state and the first screen need it at
 * start-up, the file parsing in userfile.ts loads only when a file is opened).
 */
import type { ZoneFeature } from './schema';
import type { ProposalAttachment, ProposalFeature } from './userfile';

/** Positional accuracy assumed when a file does not say (metres). */
export const DEFAULT_USER_ACCURACY_M = 10;

/** The attachment of a zone version, when it is a proposal attached to an official version. */
export const attachmentOf = (z: ZoneFeature): ProposalAttachment | null => (z as ProposalFeature).properties.attachedTo ?? null;

/**
 * The Atlas's zones with a user's proposals added beside them. A proposal never replaces an
 * official version (see ProposalAttachment in userfile.ts): the official versions are returned
 * unchanged, in order, followed by the proposals, each in its own zone.
 */
export function withProposals(atlasZones: ZoneFeature[], proposals: ZoneFeature[]): ZoneFeature[] {
  return [...atlasZones, ...proposals];
}
