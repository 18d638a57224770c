import { SCHEMA_VERSION } from '@mixed-r1/records'; export const v = SCHEMA_VERSION;
