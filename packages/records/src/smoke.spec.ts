import { SCHEMA_VERSION } from './index';
it('has version 1', () => expect(SCHEMA_VERSION).toBe(1));
