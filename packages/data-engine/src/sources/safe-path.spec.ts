import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImagePathError, resolveInsideRoot } from './safe-path';
import { temporaryFolder } from './spec-helpers';

// Layout:  <tmp>/root/images/a.png, <tmp>/root/images/sub/b.png, <tmp>/outside/secret.png
//          <tmp>/root/images/link-out.png -> <tmp>/outside/secret.png
//          <tmp>/root/images/link-in.png  -> <tmp>/root/images/a.png
//          <tmp>/root/images/dir-out      -> <tmp>/outside
describe('resolveInsideRoot', () => {
  const folder = temporaryFolder();
  const root = join(folder.path, 'root', 'images');
  const outside = join(folder.path, 'outside');
  beforeAll(() => {
    mkdirSync(join(root, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(root, 'a.png'), 'a');
    writeFileSync(join(root, 'sub', 'b.png'), 'b');
    writeFileSync(join(outside, 'secret.png'), 'secret');
    symlinkSync(join(outside, 'secret.png'), join(root, 'link-out.png'));
    symlinkSync(join(root, 'a.png'), join(root, 'link-in.png'));
    symlinkSync(outside, join(root, 'dir-out'));
  });
  afterAll(folder.remove);

  const refusal = async (path: string) => {
    const error = await resolveInsideRoot(root, path).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ImagePathError);
    return (error as ImagePathError).reason;
  };

  it('gives the real path of a file inside the root', async () => {
    await expect(resolveInsideRoot(root, 'a.png')).resolves.toBe(join(root, 'a.png'));
    await expect(resolveInsideRoot(root, 'sub/b.png')).resolves.toBe(join(root, 'sub', 'b.png'));
    await expect(resolveInsideRoot(root, './sub/../a.png')).resolves.toBe(join(root, 'a.png'));
  });

  it('follows a symbolic link whose target stays inside the root, to the target', async () => {
    await expect(resolveInsideRoot(root, 'link-in.png')).resolves.toBe(join(root, 'a.png'));
  });

  it('refuses a ".." path that climbs out of the root, even to a file that exists', async () => {
    expect(await refusal('../../outside/secret.png')).toBe(
      `image path "../../outside/secret.png" escapes the image root ${root} through ".."`,
    );
    expect(await refusal('sub/../../images/../../outside/secret.png')).toMatch(/escapes the image root/);
    expect(await refusal('..')).toMatch(/escapes the image root/);
  });

  it('refuses absolute paths, POSIX and Windows, even inside the root', async () => {
    expect(await refusal(join(root, 'a.png'))).toBe(
      `image path ${JSON.stringify(join(root, 'a.png'))} is absolute; expected a path relative to the image root`,
    );
    expect(await refusal('/etc/passwd')).toMatch(/is absolute/);
    expect(await refusal('C:\\images\\a.png')).toMatch(/is absolute/);
    expect(await refusal('\\\\server\\share\\a.png')).toMatch(/is absolute/);
  });

  it('refuses a symbolic link to a file outside the root, naming its target', async () => {
    expect(await refusal('link-out.png')).toBe(
      `image path "link-out.png" is a symbolic link to ${join(outside, 'secret.png')}, outside the image root`,
    );
  });

  it('refuses a path through a symbolically linked folder outside the root', async () => {
    expect(await refusal('dir-out/secret.png')).toMatch(/is a symbolic link to .*secret\.png, outside the image root/);
  });

  it('refuses a missing file, a folder, an empty path and a NUL byte', async () => {
    expect(await refusal('sub/missing.png')).toBe(`image file not found: "sub/missing.png" under ${root}`);
    expect(await refusal('a.png/inner.png')).toMatch(/^image file not found/);
    expect(await refusal('sub')).toBe('image path "sub" is not a file');
    expect(await refusal('  ')).toBe('empty image path');
    expect(await refusal('a.png\0.jpg')).toMatch(/contains a NUL byte/);
  });

  it('throws a plain error (a configuration error, not a rejection) when the root does not exist', async () => {
    const missingRoot = join(folder.path, 'no-such-root');
    const error = await resolveInsideRoot(missingRoot, 'a.png').catch((thrown: unknown) => thrown);
    expect(error).not.toBeInstanceOf(ImagePathError);
    expect((error as Error).message).toMatch(new RegExp(`^image root ${missingRoot} cannot be resolved`));
  });
});
