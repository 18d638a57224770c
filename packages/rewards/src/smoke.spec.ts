import { v } from './index';
it('sees records', () => expect(v).toBe(1));
