/**
 * What the supervised attention head looks at (`sft.referentAttentionTargets`): "objects", the
 * image tokens of the objects a mention names (`referentTargets`); "question", the reasoning
 * tokens' duplicates in the user's text (`questionDuplicateTargets`).
 */
export const REFERENT_TARGET_KINDS = ['objects', 'question'] as const;
export type ReferentTargetKind = (typeof REFERENT_TARGET_KINDS)[number];
