"""Writes the reference fixtures of packages/vision (packages/vision/src/testing/fixtures/):
small test images in every supported format, and for each, what the Python reference
(qwen_reference.py: Pillow + NumPy, the Hugging Face Qwen2VLImageProcessor algorithm) makes of it:
the decoded RGB, the resized uint8 RGB, the grid and, for a few, the float32 patch rows; plus
resize-only cases for the resampler (Pillow's Image.resize(BICUBIC)), smart_resize cases, and
inputs that must be refused (truncated, not an image, a decompression bomb).

Needs Debian's python3-pil (Pillow 9.4.0) and python3-numpy (the pyenv python3 on PATH has no
Pillow):

    /usr/bin/python3 tools/vision-reference/make_fixtures.py

The output is deterministic: running it again rewrites the same bytes (with these versions).
"""

import gzip
import hashlib
import io
import json
import os
import re
import shutil
import struct
import sys
import warnings
import zlib

import numpy as np
import PIL
from PIL import Image, ImageCms

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qwen_reference as ref  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "packages", "vision", "src", "testing", "fixtures")

# smart_resize settings: (min_pixels, max_pixels). Chosen per image so that some images are
# enlarged (the min branch), some shrunk (the max branch) and some only rounded to multiples of 28.
DEFAULT = (ref.MIN_PIXELS, ref.MAX_PIXELS)
SHRINK = (ref.MIN_PIXELS, 3136)
SHRINK_MORE = (784, 1568)
GROW = (6272, ref.MAX_PIXELS)


# ---------------------------------------------------------------- deterministic content

def hash32(index):
    """A 32-bit integer hash of each index (same arithmetic as testing/synthetic.ts `hash32`)."""
    h = (index.astype(np.uint64) * np.uint64(2654435761)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(15)
    h = (h * np.uint64(2246822519)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(13)
    h = (h * np.uint64(3266489917)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(16)
    return h


def synthetic_rgb(width, height, seed):
    """Gradients with wrap-around edges plus hashed noise: testing/synthetic.ts `syntheticRgb`."""
    y, x, c = np.meshgrid(np.arange(height), np.arange(width), np.arange(3), indexing="ij")
    index = (y * width + x) * 3 + c + seed * 7919
    noise = hash32(index.astype(np.uint64)) >> np.uint64(26)
    value = (x * 3 + y * 5 + c * 85).astype(np.uint64) + noise
    return (value & np.uint64(255)).astype(np.uint8)


def picture(width, height, seed):
    """Smooth gradients, seeded noise and hard edges (a rectangle and a diagonal line)."""
    rs = np.random.RandomState(seed)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([
        x * 255.0 / max(1, width - 1),
        y * 255.0 / max(1, height - 1),
        (x + y) * 255.0 / max(1, width + height - 2),
    ], -1)
    base += rs.normal(0, 18, base.shape)
    base[height // 4: height // 2, width // 5: width // 2] = [250, 30, 40]
    base[np.abs(x - y * width / height) < 1.5] = [10, 10, 200]
    return np.clip(np.rint(base), 0, 255).astype(np.uint8)


def alpha_ramp(width, height, seed):
    """Alpha from 0 to 255 across, with noise and a fully opaque and a fully transparent band."""
    rs = np.random.RandomState(seed)
    y, x = np.mgrid[0:height, 0:width]
    a = x * 255.0 / max(1, width - 1) + rs.normal(0, 25, (height, width))
    a[: height // 6] = 255
    a[-(height // 6):] = 0
    return np.clip(np.rint(a), 0, 255).astype(np.uint8)


# ---------------------------------------------------------------- hand-written encoders

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def pack_bits(row, bits):
    """Packs a row of small integers MSB first, as PNG stores bit depths below 8."""
    per = 8 // bits
    padded = np.concatenate([row, np.zeros((-len(row)) % per, dtype=np.uint8)]).reshape(-1, per)
    out = np.zeros(len(padded), dtype=np.uint8)
    for i in range(per):
        out |= (padded[:, i] << (8 - bits * (i + 1))).astype(np.uint8)
    return out.tobytes()


def png_bytes(samples, bit_depth, colour_type, plte=None, trns=None, interlace=False):
    """A PNG of `samples` (H x W x channels, or H x W; uint8 or uint16), filter 0 on every row."""
    if samples.ndim == 2:
        samples = samples[:, :, np.newaxis]
    height, width = samples.shape[:2]

    def rows(image):
        for r in image:
            if bit_depth < 8:
                yield b"\x00" + pack_bits(r[:, 0], bit_depth)
            elif bit_depth == 16:
                yield b"\x00" + r.astype(">u2").tobytes()
            else:
                yield b"\x00" + r.astype(np.uint8).tobytes()

    if interlace:
        raw = b"".join(b"".join(rows(samples[y0::dy, x0::dx])) for x0, y0, dx, dy in ADAM7 if samples[y0::dy, x0::dx].size)
    else:
        raw = b"".join(rows(samples))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 1 if interlace else 0))
    if plte is not None:
        out += chunk(b"PLTE", plte)
    if trns is not None:
        out += chunk(b"tRNS", trns)
    return out + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def bomb_png(width, height):
    """A 1-bit grey PNG of one colour: width * height pixels in a few tens of KB."""
    row = b"\x00" + bytes((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def tiff_bytes(samples, photometric, extra_samples=None, big_endian=False):
    """An uncompressed single-strip TIFF of uint8 `samples` (H x W x channels)."""
    height, width, channels = samples.shape
    e = ">" if big_endian else "<"
    data = samples.astype(np.uint8).tobytes()
    entries = [
        (256, 4, 1, width), (257, 4, 1, height), (258, 3, channels, None), (259, 3, 1, 1),
        (262, 3, 1, photometric), (273, 4, 1, None), (277, 3, 1, channels), (278, 4, 1, height),
        (279, 4, 1, len(data)), (284, 3, 1, 1),
    ]
    if extra_samples is not None:
        entries.append((338, 3, 1, extra_samples))
    ifd_size = 2 + 12 * len(entries) + 4
    bits_at = 8 + ifd_size
    data_at = bits_at + 2 * channels
    out = bytearray((b"MM" if big_endian else b"II") + struct.pack(e + "HI", 42, 8))
    out += struct.pack(e + "H", len(entries))
    for tag, kind, count, value in entries:
        out += struct.pack(e + "HHI", tag, kind, count)
        if tag == 258 and channels > 2:
            out += struct.pack(e + "I", bits_at)  # more than two SHORTs: an offset
        elif tag == 258:
            out += struct.pack(e + "HH", 8, 8 if channels == 2 else 0)
        elif tag == 273:
            out += struct.pack(e + "I", data_at)
        elif kind == 3:
            out += struct.pack(e + "HH", value, 0)
        else:
            out += struct.pack(e + "I", value)
    out += struct.pack(e + "I", 0)
    out += struct.pack(e + "H" * channels, *([8] * channels))
    return bytes(out + data)


def gif_first_image_descriptor(data):
    """Byte offset of the first image descriptor of a GIF."""
    pos = 13 + (3 << ((data[10] & 7) + 1) if data[10] & 0x80 else 0)
    while data[pos] == 0x21:
        pos += 2
        while data[pos]:
            pos += data[pos] + 1
        pos += 1
    return pos


def gif_with_larger_screen(data, grow, offset):
    """The GIF with its logical screen enlarged by `grow` and the first frame moved to `offset`."""
    out = bytearray(data)
    width, height = struct.unpack("<HH", out[6:10])
    out[6:10] = struct.pack("<HH", width + grow[0], height + grow[1])
    at = gif_first_image_descriptor(out)
    out[at + 1: at + 5] = struct.pack("<HH", *offset)
    return bytes(out)


def tiff_with_extra_samples(data, value):
    """The little-endian TIFF `data` (one IFD, as Pillow writes) with its ExtraSamples value replaced."""
    out = bytearray(data)
    ifd = struct.unpack("<I", out[4:8])[0]
    for entry in range(struct.unpack("<H", out[ifd: ifd + 2])[0]):
        at = ifd + 2 + 12 * entry
        if struct.unpack("<H", out[at: at + 2])[0] == 338:
            out[at + 8: at + 10] = struct.pack("<H", value)
            return bytes(out)
    raise ValueError("no ExtraSamples tag")


def strip_jpeg_segment(data, marker):
    """The JPEG without its segments of `marker` (e.g. 0xEE, Adobe APP14)."""
    out = bytearray(data[:2])
    pos = 2
    while pos < len(data):
        kind = data[pos + 1]
        if kind == 0xDA:
            return bytes(out + data[pos:])
        length = struct.unpack(">H", data[pos + 2: pos + 4])[0]
        if kind != marker:
            out += data[pos: pos + 2 + length]
        pos += 2 + length
    raise ValueError("no scan found")


def encoded(image, fmt, **params):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


# ---------------------------------------------------------------- the image set

def image_set():
    """(name, file extension, bytes, smart_resize settings, keep patch rows, description)."""
    p57 = picture(57, 31, 1)
    p100 = picture(100, 75, 2)
    p64 = picture(64, 48, 3)
    p41 = picture(41, 29, 4)
    p90 = picture(90, 60, 5)
    rs = np.random.RandomState(6)
    grey41 = np.asarray(Image.fromarray(p41).convert("L"))
    palette = rs.randint(0, 256, 16 * 3).astype(np.uint8).tobytes()
    indices = (p41[:, :, 0] // 16).astype(np.uint8)

    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    srgb_icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    # a fixed creation date and no profile ID (ICC.1 header bytes 24-35 and 84-99), for the same bytes every run
    srgb_icc[24:36] = struct.pack(">6H", 2020, 1, 1, 0, 0, 0)
    srgb_icc[84:100] = bytes(16)
    srgb_icc = bytes(srgb_icc)
    cmyk_jpeg = encoded(Image.fromarray(p57).convert("CMYK"), "JPEG", quality=92)
    rgba100 = Image.fromarray(np.dstack([p100, alpha_ramp(100, 75, 7)]), "RGBA")
    rgba41_16 = (np.dstack([p41, alpha_ramp(41, 29, 8)]).astype(np.uint16) * 257 + rs.randint(0, 257, (29, 41, 4))).astype(np.uint16)
    # every (sample, alpha) pair: sample x, x + 86 and x + 172 (at most 255) in R, G, B, alpha y
    y, x = np.mgrid[0:256, 0:86]
    all_pairs = np.dstack([x, x + 86, np.minimum(x + 172, 255), y]).astype(np.uint8)
    # every premultiplied (sample, alpha) pair with sample <= alpha, laid out as all_pairs
    associated_pairs = np.dstack([np.minimum(all_pairs[:, :, :3], all_pairs[:, :, 3:]), all_pairs[:, :, 3:]])
    associated_tiff = tiff_with_extra_samples(encoded(Image.fromarray(associated_pairs, "RGBA"), "TIFF", compression="tiff_adobe_deflate"), 1)
    gif_image = Image.fromarray(p57).convert("P", palette=Image.ADAPTIVE, colors=64)
    gif_second = Image.fromarray(p57[::-1]).convert("P", palette=Image.ADAPTIVE, colors=64)
    gif_transparent = encoded(gif_image, "GIF", transparency=5)
    premultiplied = np.dstack([p41, alpha_ramp(41, 29, 9)]).astype(np.uint16)
    premultiplied[:, :, :3] = (premultiplied[:, :, :3] * premultiplied[:, :, 3:] + 127) // 255

    return [
        ("jpeg-baseline", "jpg", encoded(Image.fromarray(p100), "JPEG", quality=90), DEFAULT, True, "baseline JPEG, 4:2:0 chroma"),
        ("jpeg-444", "jpg", encoded(Image.fromarray(p57), "JPEG", quality=95, subsampling=0), GROW, False, "baseline JPEG, 4:4:4 chroma"),
        ("jpeg-progressive", "jpg", encoded(Image.fromarray(p90), "JPEG", quality=85, progressive=True), SHRINK, False, "progressive JPEG"),
        ("jpeg-grey", "jpg", encoded(Image.fromarray(p64).convert("L"), "JPEG", quality=90), SHRINK_MORE, False, "greyscale JPEG"),
        ("jpeg-cmyk-adobe", "jpg", cmyk_jpeg, DEFAULT, False, "CMYK JPEG with an Adobe APP14 marker (stored inverted)"),
        ("jpeg-cmyk-no-adobe", "jpg", strip_jpeg_segment(cmyk_jpeg, 0xEE), SHRINK, False, "CMYK JPEG without an Adobe marker"),
        ("jpeg-exif-rotated", "jpg", encoded(Image.fromarray(p57), "JPEG", quality=90, exif=exif.tobytes()), DEFAULT, False,
         "JPEG with EXIF Orientation 6: not rotated by Image.open"),
        ("jpeg-icc", "jpg", encoded(Image.fromarray(p64), "JPEG", quality=90, icc_profile=srgb_icc), GROW, False,
         "JPEG with an embedded ICC profile: not applied by Image.open"),
        ("png-rgb", "png", png_bytes(p57, 8, 2), DEFAULT, False, "8-bit RGB PNG"),
        ("png-rgb-interlaced", "png", png_bytes(p41, 8, 2, interlace=True), DEFAULT, False, "8-bit RGB PNG, Adam7 interlaced"),
        ("png-rgba", "png", encoded(rgba100, "PNG"), SHRINK, True, "8-bit RGBA PNG: composited on white"),
        ("png-rgba-all-pairs", "png", png_bytes(all_pairs, 8, 6), SHRINK, False,
         "86x256 RGBA PNG with every (sample, alpha) pair: the white composite, exhaustively"),
        ("png-rgb16", "png", png_bytes((p41.astype(np.uint16) * 257 + rs.randint(0, 257, p41.shape)).astype(np.uint16), 16, 2), GROW, False,
         "16-bit RGB PNG: PIL keeps the high byte"),
        ("png-rgba16", "png", png_bytes(rgba41_16, 16, 6), DEFAULT, False, "16-bit RGBA PNG"),
        ("png-grey", "png", png_bytes(grey41, 8, 0), DEFAULT, False, "8-bit grey PNG"),
        ("png-grey16", "png", png_bytes((grey41.astype(np.uint16) * 2 + rs.randint(0, 3, grey41.shape)).astype(np.uint16), 16, 0), DEFAULT, True,
         "16-bit grey PNG: PIL mode I, clamped to 255 by convert('RGB')"),
        ("png-grey-alpha", "png", png_bytes(np.dstack([grey41, alpha_ramp(41, 29, 10)]), 8, 4), DEFAULT, False,
         "8-bit grey+alpha PNG: PIL mode LA, alpha ignored by convert('RGB')"),
        ("png-grey-alpha16", "png", png_bytes((np.dstack([grey41, alpha_ramp(41, 29, 11)]).astype(np.uint16) * 257).astype(np.uint16), 16, 4), GROW, False,
         "16-bit grey+alpha PNG: PIL mode RGBA, composited on white"),
        ("png-grey1", "png", png_bytes((grey41 > 128).astype(np.uint8), 1, 0), DEFAULT, False, "1-bit grey PNG (PIL mode 1)"),
        ("png-grey2", "png", png_bytes(grey41 >> 6, 2, 0), DEFAULT, False, "2-bit grey PNG"),
        ("png-grey4", "png", png_bytes(grey41 >> 4, 4, 0), DEFAULT, False, "4-bit grey PNG"),
        ("png-grey-trns", "png", png_bytes(grey41, 8, 0, trns=struct.pack(">H", int(grey41[0, 0]))), DEFAULT, False,
         "8-bit grey PNG with a tRNS colour: ignored by convert('RGB')"),
        ("png-rgb-trns", "png", png_bytes(p41 & 0xC0, 8, 2, trns=struct.pack(">HHH", *[int(v) for v in (p41[0, 0] & 0xC0)])), DEFAULT, False,
         "8-bit RGB PNG with a tRNS colour: ignored by convert('RGB')"),
        ("png-palette", "png", png_bytes(indices, 8, 3, plte=palette), DEFAULT, False, "8-bit palette PNG"),
        ("png-palette-trns", "png", png_bytes(indices, 8, 3, plte=palette, trns=bytes([0, 128, 255, 10])), SHRINK, False,
         "8-bit palette PNG with tRNS alphas: PIL mode P, alpha ignored by convert('RGB')"),
        ("png-palette4-trns", "png", png_bytes(indices, 4, 3, plte=palette, trns=bytes([0, 77])), DEFAULT, False,
         "4-bit palette PNG with tRNS alphas"),
        ("webp-lossy", "webp", encoded(Image.fromarray(p100), "WEBP", quality=80), DEFAULT, True, "lossy WebP"),
        ("webp-lossless", "webp", encoded(Image.fromarray(p57), "WEBP", lossless=True), GROW, False, "lossless WebP"),
        ("webp-lossy-alpha", "webp", encoded(Image.fromarray(np.dstack([p64, alpha_ramp(64, 48, 12)]), "RGBA"), "WEBP", quality=80), SHRINK_MORE, False,
         "lossy WebP with alpha: composited on white"),
        ("webp-lossless-alpha", "webp", encoded(Image.fromarray(np.dstack([p41, alpha_ramp(41, 29, 13)]), "RGBA"), "WEBP", lossless=True), DEFAULT, False,
         "lossless WebP with alpha"),
        ("gif", "gif", encoded(gif_image, "GIF"), DEFAULT, False, "GIF, 64 colours, interlaced"),
        ("gif-transparent", "gif", gif_transparent, DEFAULT, True,
         "GIF with a transparency index: PIL's convert('RGB') shows the index's palette colour"),
        ("gif-animated", "gif", encoded(gif_image, "GIF", save_all=True, append_images=[gif_second], duration=100, loop=0), SHRINK, False,
         "animated GIF: the first frame"),
        ("gif-partial-frame", "gif", gif_with_larger_screen(gif_transparent, (6, 4), (3, 2)), DEFAULT, False,
         "GIF whose first frame is smaller than the screen, with transparency: the rest is the transparent index"),
        ("gif-partial-frame-opaque", "gif", gif_with_larger_screen(encoded(gif_image, "GIF"), (6, 4), (3, 2)), DEFAULT, False,
         "GIF whose first frame is smaller than the screen, no transparency: the rest is index 0"),
        ("tiff-raw", "tif", encoded(Image.fromarray(p57), "TIFF"), DEFAULT, False, "uncompressed RGB TIFF"),
        ("tiff-lzw", "tif", encoded(Image.fromarray(p41), "TIFF", compression="tiff_lzw"), GROW, False, "LZW RGB TIFF"),
        ("tiff-deflate", "tif", encoded(Image.fromarray(p41), "TIFF", compression="tiff_adobe_deflate"), DEFAULT, False, "deflate RGB TIFF"),
        ("tiff-jpeg", "tif", encoded(Image.fromarray(p64), "TIFF", compression="jpeg"), SHRINK_MORE, False, "JPEG-compressed TIFF"),
        ("tiff-rgba", "tif", encoded(Image.fromarray(np.dstack([p41, alpha_ramp(41, 29, 14)]), "RGBA"), "TIFF", compression="tiff_lzw"), DEFAULT, False,
         "RGBA TIFF (unassociated alpha): composited on white"),
        ("tiff-rgba-associated", "tif", tiff_bytes(premultiplied.astype(np.uint8), 2, extra_samples=1), DEFAULT, False,
         "RGBA TIFF with associated (premultiplied) alpha"),
        ("tiff-rgba-associated-all-pairs", "tif", associated_tiff, SHRINK, False,
         "86x256 deflate TIFF with associated alpha, every premultiplied (sample, alpha) pair: PIL's unpremultiply, exhaustively"),
        ("tiff-rgbx", "tif", tiff_bytes(np.dstack([p41, alpha_ramp(41, 29, 15)]), 2, extra_samples=0), DEFAULT, False,
         "RGB TIFF with an unspecified extra sample: PIL mode RGBX, dropped"),
        ("tiff-big-endian", "tif", tiff_bytes(p41, 2, big_endian=True), DEFAULT, False, "uncompressed big-endian RGB TIFF"),
        ("tiff-grey", "tif", encoded(Image.fromarray(grey41), "TIFF"), DEFAULT, False, "greyscale TIFF"),
        ("tiff-cmyk", "tif", encoded(Image.fromarray(p41).convert("CMYK"), "TIFF"), DEFAULT, False, "CMYK TIFF (not inverted)"),
        ("tiff-palette", "tif", encoded(Image.fromarray(p41).convert("P", palette=Image.ADAPTIVE, colors=32), "TIFF"), DEFAULT, False, "palette TIFF"),
    ]


def error_set():
    """(name, bytes, expected ImageError kind)."""
    jpeg = encoded(Image.fromarray(picture(100, 75, 2)), "JPEG", quality=90)
    png = png_bytes(picture(57, 31, 1), 8, 2)
    gif = encoded(Image.fromarray(picture(57, 31, 1)).convert("P", palette=Image.ADAPTIVE, colors=64), "GIF")
    return [
        ("truncated.jpg", jpeg[: len(jpeg) // 2], "undecodable"),
        ("truncated.png", png[: len(png) // 2], "undecodable"),
        ("truncated-header.png", png[:20], "undecodable"),
        ("truncated.gif", gif[: len(gif) // 2], "undecodable"),
        ("random.bin", np.random.RandomState(16).randint(0, 256, 4096).astype(np.uint8).tobytes(), "undecodable"),
        ("empty.bin", b"", "undecodable"),
        ("text.txt", b"This is a text file, not an image.\n", "undecodable"),
        ("bomb.png", bomb_png(20000, 20000), "too-many-pixels"),
    ]


# ---------------------------------------------------------------- writing

def sha256(data):
    return hashlib.sha256(data).hexdigest()


def write(relative, data, compress=False):
    path = os.path.join(OUT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(gzip.compress(data, 9, mtime=0) if compress else data)
    return relative


def pil_error(data):
    """The exception Pillow raises opening and converting `data`, as "Class: message"."""
    try:
        image = Image.open(io.BytesIO(data))
        ref.to_rgb(image)
    except Exception as error:  # noqa: BLE001 - recording whatever Pillow raises
        # without the object address Pillow puts in some messages, so the output is the same every run
        return re.sub(r"<_io\.BytesIO object at 0x[0-9a-f]+>", "<bytes>", f"{type(error).__name__}: {error}")
    raise SystemExit("expected Pillow to refuse this input")


def image_entries():
    entries = []
    for name, extension, data, settings, keep_rows, description in image_set():
        file = write(f"images/{name}.{extension}", data)
        opened = Image.open(io.BytesIO(data))
        rgb = np.asarray(ref.to_rgb(opened), dtype=np.uint8)
        entry = {
            "name": name,
            "file": file,
            "description": description,
            "pilMode": opened.mode,
            "width": int(rgb.shape[1]),
            "height": int(rgb.shape[0]),
            "decoded": {"file": write(f"decoded/{name}.rgb.gz", rgb.tobytes(), True), "sha256": sha256(rgb.tobytes())},
        }
        if opened.mode == "RGBA":
            dropped = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.uint8)
            entry["decodedAlphaDroppedSha256"] = sha256(dropped.tobytes())
        if settings is not None:
            min_pixels, max_pixels = settings
            result = ref.preprocess(io.BytesIO(data), min_pixels, max_pixels)
            resized = result["resized"]
            qwen = {
                "minPixels": min_pixels,
                "maxPixels": max_pixels,
                "branch": result["branch"],
                "resizedWidth": int(resized.shape[1]),
                "resizedHeight": int(resized.shape[0]),
                "resized": {"file": write(f"resized/{name}.rgb.gz", resized.tobytes(), True), "sha256": sha256(resized.tobytes())},
                "grid": [int(v) for v in result["grid"]],
                "tokens": int(result["grid"][0] * result["grid"][1] * result["grid"][2] // 4),
                "rowCount": int(result["rows"].shape[0]),
            }
            rows = result["rows"].astype("<f4").tobytes()
            qwen["rowsSha256"] = sha256(rows)
            if keep_rows:
                qwen["rowsFile"] = write(f"patches/{name}.f32.gz", rows, True)
            entry["qwen"] = qwen
        entries.append(entry)
    return entries


def error_entries():
    entries = []
    for name, data, kind in error_set():
        entries.append({"name": name, "file": write(f"errors/{name}", data), "kind": kind, "pilError": pil_error(data)})
    return entries


def resize_entries():
    """Random RGB arrays resized by Pillow's BICUBIC to many sizes (enlarging, shrinking, 1 px sides)."""
    rs = np.random.RandomState(17)
    inputs = {
        (37, 23): [(1, 1), (1, 23), (37, 1), (111, 69), (5, 3), (36, 24), (38, 22), (37, 30), (50, 23), (13, 100), (200, 5), (74, 46)],
        (96, 64): [(14, 9), (28, 28), (48, 32), (32, 21), (95, 63), (97, 65), (28, 126), (1, 64), (96, 1)],
        (8, 6): [(1, 1), (3, 2), (24, 18), (800, 6), (8, 600), (9, 7)],
        (1, 1): [(5, 5), (3, 1)],
        (1, 7): [(3, 21), (2, 2)],
    }
    entries = []
    for (width, height), targets in inputs.items():
        array = rs.randint(0, 256, (height, width, 3)).astype(np.uint8)
        source = write(f"resize/noise-{width}x{height}.rgb.gz", array.tobytes(), True)
        image = Image.fromarray(array)
        for target in targets:
            out = np.asarray(image.resize(target, Image.BICUBIC), dtype=np.uint8).tobytes()
            entries.append({
                "input": source, "inputWidth": width, "inputHeight": height,
                "width": target[0], "height": target[1],
                "output": write(f"resize/noise-{width}x{height}-to-{target[0]}x{target[1]}.rgb.gz", out, True),
                "sha256": sha256(out),
            })
    return entries


def synthetic_resize_entries():
    """Large resizes of testing/synthetic.ts images, checked by hash only (no bytes committed)."""
    cases = [
        (1024, 768, 1, [(1036, 756), (448, 336), (1024, 756), (1036, 768), (28, 28)]),
        (640, 480, 2, [(644, 476), (1288, 952)]),
        (3000, 40, 3, [(1000, 20), (2996, 56)]),
        (33, 2000, 4, [(28, 1988), (56, 672)]),
    ]
    entries = []
    for width, height, seed, targets in cases:
        array = synthetic_rgb(width, height, seed)
        image = Image.fromarray(array)
        for target in targets:
            out = np.asarray(image.resize(target, Image.BICUBIC), dtype=np.uint8).tobytes()
            entries.append({
                "inputWidth": width, "inputHeight": height, "seed": seed, "inputSha256": sha256(array.tobytes()),
                "width": target[0], "height": target[1], "sha256": sha256(out),
            })
    return entries


def smart_resize_entries():
    """smart_resize on chosen and random sizes, including ties (x.5 * 28) and both error cases."""
    rs = np.random.RandomState(18)
    sizes = [
        (480, 640, ref.MIN_PIXELS, ref.MAX_PIXELS), (768, 1024, ref.MIN_PIXELS, 1003520), (42, 42, 1, 10 ** 9), (70, 98, 1, 10 ** 9),
        (126, 154, 1, 10 ** 9), (28, 28, ref.MIN_PIXELS, ref.MAX_PIXELS), (27, 100, ref.MIN_PIXELS, ref.MAX_PIXELS),
        (100, 27, ref.MIN_PIXELS, ref.MAX_PIXELS), (28, 5600, ref.MIN_PIXELS, ref.MAX_PIXELS), (28, 5601, ref.MIN_PIXELS, ref.MAX_PIXELS),
        (31, 57, ref.MIN_PIXELS, ref.MAX_PIXELS), (75, 100, 12544, ref.MAX_PIXELS), (4000, 3000, ref.MIN_PIXELS, ref.MAX_PIXELS),
        (20000, 15000, ref.MIN_PIXELS, ref.MAX_PIXELS), (1080, 1920, 256 * 28 * 28, 1280 * 28 * 28),
    ]
    for _ in range(300):
        height, width = (int(v) for v in rs.randint(28, 5000, 2))
        min_pixels = int(rs.choice([3136, 12544, 200704, 401408]))
        max_pixels = int(rs.choice([3136 * 4, 401408, 1003520, 12845056]))
        sizes.append((height, width, min_pixels, max(min_pixels, max_pixels)))
    entries = []
    for height, width, min_pixels, max_pixels in sizes:
        entry = {"height": height, "width": width, "minPixels": min_pixels, "maxPixels": max_pixels}
        try:
            h, w, branch = ref.smart_resize(height, width, ref.FACTOR, min_pixels, max_pixels)
            entry.update({"resizedHeight": h, "resizedWidth": w, "branch": branch})
        except ValueError as error:
            entry["error"] = "aspect-ratio" if "aspect ratio" in str(error) else "too-small"
        entries.append(entry)
    return entries


def main():
    # Pillow warns when converting the palette PNGs with tRNS alphas: expected, that is the case tested
    warnings.filterwarnings("ignore", message="Palette images with Transparency")
    if PIL.__version__ != "9.4.0":
        raise SystemExit(f"expected Pillow 9.4.0 (Debian's python3-pil; run with /usr/bin/python3), found {PIL.__version__}")
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    manifest = {
        "generator": "tools/vision-reference/make_fixtures.py",
        "pillow": PIL.__version__,
        "numpy": np.__version__,
        "images": image_entries(),
        "errors": error_entries(),
        "resize": resize_entries(),
        "syntheticResize": synthetic_resize_entries(),
        "smartResize": smart_resize_entries(),
    }
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(d, n)) for d, _, names in os.walk(OUT) for n in names)
    print(f"wrote {OUT}: {len(manifest['images'])} images, {len(manifest['errors'])} refused inputs, "
          f"{len(manifest['resize'])} + {len(manifest['syntheticResize'])} resize cases, "
          f"{len(manifest['smartResize'])} smart_resize cases, {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
