"""Time per image of the Python reference of Qwen2.5-VL preprocessing (Pillow + NumPy, Hugging
Face's Qwen2VLImageProcessor algorithm: tools/vision-reference/qwen_reference.py) on the JPEGs
that tools/bench/vision/vision.ts writes, at the same max_pixels (1,003,520: 1024x768 -> 1036x756),
on one core. Prints the median ms/image of the whole preprocessing and of its stages.

    npx tsx tools/bench/vision/vision.ts            # writes tmp/bench-vision/*.jpg
    /usr/bin/python3 tools/bench/vision/reference.py [tmp/bench-vision] [--seconds 3]

Needs Debian's python3-pil (Pillow 9.4) and python3-numpy.
"""

import os
import statistics
import sys
import time

import numpy as np
from PIL import Image

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "vision-reference"))
import qwen_reference as ref  # noqa: E402

MAX_PIXELS = 1003520
ROUNDS = 5


def stages(path):
    """The reference in its stages, each timed: seconds for decode + to_rgb, resize, normalise + patchify."""
    t0 = time.perf_counter()
    image = ref.to_rgb(Image.open(path))
    image.load()
    t1 = time.perf_counter()
    height, width, _ = ref.smart_resize(image.height, image.width, ref.FACTOR, ref.MIN_PIXELS, MAX_PIXELS)
    resized = np.asarray(image.resize((width, height), Image.BICUBIC), dtype=np.uint8)
    t2 = time.perf_counter()
    rows, _grid = ref.patchify(ref.rescale_and_normalize(resized))
    t3 = time.perf_counter()
    assert rows.shape == ((height // 14) * (width // 14), 1176)
    return t1 - t0, t2 - t1, t3 - t2


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    seconds = float(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 3.0
    directory = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "tmp", "bench-vision")
    paths = sorted(os.path.join(directory, name) for name in os.listdir(directory) if name.endswith(".jpg")) if os.path.isdir(directory) else []
    if not paths:
        raise SystemExit(f"no JPEGs in {directory}: run `npx tsx tools/bench/vision/vision.ts` first")
    for path in paths[:2]:
        ref.preprocess(path, ref.MIN_PIXELS, MAX_PIXELS)  # warm-up
    totals, decode, resize, patches = [], [], [], []
    for _ in range(ROUNDS):
        start, done = time.perf_counter(), 0
        while time.perf_counter() - start < seconds / ROUNDS:
            d, r, p = stages(paths[done % len(paths)])
            decode.append(d)
            resize.append(r)
            patches.append(p)
            done += 1
        totals.append((time.perf_counter() - start) / done)
    ms = statistics.median(totals) * 1000
    print(f"Pillow {Image.__version__} + NumPy {np.__version__} reference, {len(paths)} images from {directory}, one core:")
    print(f"  full preprocessing: {ms:.1f} ms/image ({1000 / ms:.1f} images/s)")
    print(f"  decode + to_rgb {statistics.median(decode) * 1000:.1f} ms, resize (BICUBIC) {statistics.median(resize) * 1000:.1f} ms, "
          f"rescale + normalise + patchify {statistics.median(patches) * 1000:.1f} ms")
    print(f"compare: npx tsx tools/bench/vision/vision.ts --reference-ms {ms:.1f}")


if __name__ == "__main__":
    main()
