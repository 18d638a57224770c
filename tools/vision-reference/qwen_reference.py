"""Qwen2.5-VL image preprocessing in Pillow + NumPy: the Python reference the TypeScript package
packages/vision is checked against (SPEC.md section 4).

It follows, step by step:
- qwen-vl-utils `vision_process.py`: `fetch_image` opens the file with `Image.open`, converts it
  with `to_rgb` (RGBA composited on white with `paste(mask=alpha)`, every other mode
  `convert("RGB")`), computes `smart_resize` and resizes with `image.resize((w, h))`, whose
  default filter in Pillow 9.4 is BICUBIC;
- Hugging Face transformers `models/qwen2_vl/image_processing_qwen2_vl.py`
  (`Qwen2VLImageProcessor._preprocess`, PIL path): `rescale` (float64 multiply by 1/255, cast to
  float32, `image_transforms.rescale`), `normalize` (float32 `(x - mean) / std`,
  `image_transforms.normalize`) with the CLIP mean and std, channels first, the frame repeated to
  the temporal patch size 2, then the patch reshape/transpose into rows of 1176 values.

Needs Debian's python3-pil (Pillow 9.4) and python3-numpy: run with /usr/bin/python3.
"""

import math

import numpy as np
from PIL import Image

FACTOR = 28
PATCH_SIZE = 14
MERGE_SIZE = 2
TEMPORAL_PATCH_SIZE = 2
MIN_PIXELS = 3136
MAX_PIXELS = 12845056
CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]
RESCALE_FACTOR = 1 / 255


def to_rgb(image):
    """qwen-vl-utils `to_rgb`."""
    if image.mode == "RGBA":
        white_background = Image.new("RGB", image.size, (255, 255, 255))
        white_background.paste(image, mask=image.split()[3])
        return white_background
    return image.convert("RGB")


def smart_resize(height, width, factor=FACTOR, min_pixels=MIN_PIXELS, max_pixels=MAX_PIXELS):
    """SPEC.md section 4 (qwen-vl-utils / HF `smart_resize`). Returns (height, width, branch)."""
    if height < factor or width < factor:
        raise ValueError(f"height:{height} or width:{width} must be larger than factor:{factor}")
    if max(height, width) / min(height, width) > 200:
        raise ValueError(f"absolute aspect ratio must be smaller than 200, got {max(height, width) / min(height, width)}")
    h_bar = round(height / factor) * factor  # Python's round: ties to even
    w_bar = round(width / factor) * factor
    branch = "round"
    if h_bar * w_bar > max_pixels:
        beta = math.sqrt((height * width) / max_pixels)
        h_bar = math.floor(height / beta / factor) * factor
        w_bar = math.floor(width / beta / factor) * factor
        branch = "max"
    elif h_bar * w_bar < min_pixels:
        beta = math.sqrt(min_pixels / (height * width))
        h_bar = math.ceil(height * beta / factor) * factor
        w_bar = math.ceil(width * beta / factor) * factor
        branch = "min"
    return h_bar, w_bar, branch


def rescale_and_normalize(rgb):
    """HF `rescale` then `normalize` on an HxWx3 uint8 array; float32 HxWx3."""
    scaled = (rgb.astype(np.float64) * RESCALE_FACTOR).astype(np.float32)
    mean = np.array(CLIP_MEAN, dtype=np.float32)
    std = np.array(CLIP_STD, dtype=np.float32)
    return (scaled - mean) / std


def patchify(normalized):
    """HF `_preprocess` from the channels-first frame to (grid_t * grid_h * grid_w, 1176) rows."""
    patches = np.array([normalized.transpose(2, 0, 1)])  # (1, C, H, W)
    if patches.shape[0] % TEMPORAL_PATCH_SIZE != 0:
        repeats = np.repeat(patches[-1][np.newaxis], TEMPORAL_PATCH_SIZE - 1, axis=0)
        patches = np.concatenate([patches, repeats], axis=0)
    channel = patches.shape[1]
    grid_t = patches.shape[0] // TEMPORAL_PATCH_SIZE
    grid_h, grid_w = patches.shape[2] // PATCH_SIZE, patches.shape[3] // PATCH_SIZE
    patches = patches.reshape(
        grid_t, TEMPORAL_PATCH_SIZE, channel,
        grid_h // MERGE_SIZE, MERGE_SIZE, PATCH_SIZE,
        grid_w // MERGE_SIZE, MERGE_SIZE, PATCH_SIZE,
    )
    patches = patches.transpose(0, 3, 6, 4, 7, 2, 1, 5, 8)
    rows = patches.reshape(grid_t * grid_h * grid_w, channel * TEMPORAL_PATCH_SIZE * PATCH_SIZE * PATCH_SIZE)
    return np.ascontiguousarray(rows, dtype=np.float32), (grid_t, grid_h, grid_w)


def preprocess(path, min_pixels=MIN_PIXELS, max_pixels=MAX_PIXELS):
    """The whole reference for one image file: a dict with every intermediate result."""
    opened = Image.open(path)
    mode = opened.mode
    rgb_image = to_rgb(opened)
    width, height = rgb_image.size
    resized_height, resized_width, branch = smart_resize(height, width, FACTOR, min_pixels, max_pixels)
    resized = rgb_image.resize((resized_width, resized_height), Image.BICUBIC)
    resized_array = np.asarray(resized, dtype=np.uint8)
    rows, grid = patchify(rescale_and_normalize(resized_array))
    return {
        "mode": mode,
        "rgb": np.asarray(rgb_image, dtype=np.uint8),
        "resized": resized_array,
        "branch": branch,
        "rows": rows,
        "grid": grid,
    }
