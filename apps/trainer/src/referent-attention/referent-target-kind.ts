/**
 * What the supervised attention head looks at (`sft.referentAttentionTargets`): "objects", the
 * image tokens of the objects a mention names (`referentTargets`); "question", the reasoning
 * tokens' duplicates in the user's text (`questionDuplicateTargets`); "answer", from the answer's
 * tokens the objects the question names (an attribute question: of the kind it asks after), or
 * <|vision_start|> when the scene has none of them (`answerReferentTargets`).
 */
export const REFERENT_TARGET_KINDS = ['objects', 'question', 'answer'] as const;
export type ReferentTargetKind = (typeof REFERENT_TARGET_KINDS)[number];
