"""A small PyTorch implementation of the Qwen2.5-VL architecture, written from the semantics of
Hugging Face transformers' modeling_qwen2_5_vl.py (not its code, which is not installed here), to
check the TensorFlow.js policy against an independent implementation.

It deliberately computes things the long way where the TypeScript code takes a shortcut:
window order by HF's pad / reshape / permute (get_window_index), vision attention with a
block-diagonal mask, grouped-query attention by repeating key/value heads (repeat_kv), and M-RoPE
by splitting cos/sin into mrope_section chunks (apply_multimodal_rotary_pos_emb).

Runs with Debian's python3-torch (1.13) and numpy; reads and writes safetensors with its own
small reader/writer (python3-safetensors is not packaged in Debian 12).
"""

import json
import struct

import numpy as np
import torch
import torch.nn.functional as F

DTYPES = {"F32": np.float32, "F16": np.float16, "I32": np.int32, "I64": np.int64}


def read_safetensors(path):
    """All tensors of a .safetensors file as float32 / int torch tensors (BF16 widened to F32)."""
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        raw = data[begin:end]
        if entry["dtype"] == "BF16":
            halves = np.frombuffer(raw, dtype=np.uint16).astype(np.uint32) << 16
            array = halves.view(np.float32)
        else:
            array = np.frombuffer(raw, dtype=DTYPES[entry["dtype"]])
        array = array.astype(np.float32) if array.dtype == np.float16 else array.copy()
        out[name] = torch.from_numpy(array.reshape(entry["shape"]))
    return out


def write_safetensors(path, tensors):
    """float32 tensors to a .safetensors file (header padded to 8 bytes)."""
    header = {"__metadata__": {"format": "pt"}}
    blobs = []
    offset = 0
    for name, tensor in tensors.items():
        blob = tensor.detach().to(torch.float32).contiguous().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def rms_norm(x, weight, eps):
    variance = x.pow(2).mean(-1, keepdim=True)
    return x * torch.rsqrt(variance + eps) * weight


def linear(params, x, name, bias=True):
    y = x @ params[name + ".weight"].t()
    return y + params[name + ".bias"] if bias else y


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Config:
    def __init__(self, path):
        with open(path) as f:
            raw = json.load(f)
        text = raw.get("text_config", raw)
        vision = raw["vision_config"]
        self.hidden = text["hidden_size"]
        self.heads = text["num_attention_heads"]
        self.kv_heads = text["num_key_value_heads"]
        self.head_dim = self.hidden // self.heads
        self.layers = text["num_hidden_layers"]
        self.eps = text["rms_norm_eps"]
        self.theta = text["rope_theta"]
        self.mrope_section = text["rope_scaling"]["mrope_section"]
        self.tied = text.get("tie_word_embeddings", False)
        self.image_token_id = raw["image_token_id"]
        self.vision_start_token_id = raw["vision_start_token_id"]
        self.v_depth = vision["depth"]
        self.v_hidden = vision["hidden_size"]
        self.v_heads = vision["num_heads"]
        self.v_head_dim = self.v_hidden // self.v_heads
        self.patch = vision["patch_size"]
        self.merge = vision["spatial_merge_size"]
        self.window = vision["window_size"]
        self.fullatt = vision["fullatt_block_indexes"]


# ---- vision tower (HF Qwen2_5_VisionTransformerPretrainedModel) ----

def rot_pos_emb(cfg, grids):
    """Angles [N, head_dim/2]: (row, column) of each patch in merge-block order times the frequencies."""
    dim = cfg.v_head_dim // 2
    inv_freq = 1.0 / (10000 ** (torch.arange(0, dim, 2, dtype=torch.float) / dim))
    pos = []
    for t, h, w in grids:
        hpos = torch.arange(h).unsqueeze(1).expand(-1, w)
        hpos = hpos.reshape(h // cfg.merge, cfg.merge, w // cfg.merge, cfg.merge).permute(0, 2, 1, 3).flatten()
        wpos = torch.arange(w).unsqueeze(0).expand(h, -1)
        wpos = wpos.reshape(h // cfg.merge, cfg.merge, w // cfg.merge, cfg.merge).permute(0, 2, 1, 3).flatten()
        pos.append(torch.stack([hpos, wpos], dim=-1).repeat(t, 1))
    pos = torch.cat(pos)
    table = torch.outer(torch.arange(max(max(h, w) for _, h, w in grids), dtype=torch.float), inv_freq)
    return table[pos].flatten(1)


def get_window_index(cfg, grids):
    window_index, cu_window = [], [0]
    offset = 0
    side = cfg.window // cfg.merge // cfg.patch
    unit = cfg.merge * cfg.merge
    for t, h, w in grids:
        gh, gw = h // cfg.merge, w // cfg.merge
        index = torch.arange(t * gh * gw).reshape(t, gh, gw)
        pad_h, pad_w = side - gh % side, side - gw % side
        nh, nw = (gh + pad_h) // side, (gw + pad_w) // side
        padded = F.pad(index, (0, pad_w, 0, pad_h), "constant", -100)
        padded = padded.reshape(t, nh, side, nw, side).permute(0, 1, 3, 2, 4).reshape(t, nh * nw, side, side)
        seqlens = (padded != -100).sum([2, 3]).reshape(-1)
        padded = padded.reshape(-1)
        window_index.append(padded[padded != -100] + offset)
        cu_window.extend((seqlens.cumsum(0) * unit + cu_window[-1]).tolist())
        offset += t * gh * gw
    cu = torch.unique_consecutive(torch.tensor(cu_window))
    return torch.cat(window_index), cu


def block_diagonal_mask(cu, n):
    mask = torch.full((n, n), float("-inf"))
    for a, b in zip(cu[:-1].tolist(), cu[1:].tolist()):
        mask[a:b, a:b] = 0
    return mask


def vision_tower(cfg, p, rows, grids):
    x = rows @ p["visual.patch_embed.proj.weight"].reshape(cfg.v_hidden, -1).t()
    n = x.shape[0]
    unit = cfg.merge * cfg.merge
    rotary = rot_pos_emb(cfg, grids)
    window_index, cu_window = get_window_index(cfg, grids)
    x = x.reshape(n // unit, unit, -1)[window_index].reshape(n, -1)
    rotary = rotary.reshape(n // unit, unit, -1)[window_index].reshape(n, -1)
    emb = torch.cat((rotary, rotary), dim=-1)
    cos, sin = emb.cos().unsqueeze(1), emb.sin().unsqueeze(1)
    cu_full = torch.tensor([0] + np.cumsum([t * h * w for t, h, w in grids]).tolist())
    for i in range(cfg.v_depth):
        mask = block_diagonal_mask(cu_full if i in cfg.fullatt else cu_window, n)
        b = f"visual.blocks.{i}"
        hnorm = rms_norm(x, p[b + ".norm1.weight"], 1e-6)
        q, k, v = linear(p, hnorm, b + ".attn.qkv").reshape(n, 3, cfg.v_heads, -1).permute(1, 0, 2, 3).unbind(0)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        q, k, v = (t.transpose(0, 1) for t in (q, k, v))
        scores = q @ k.transpose(1, 2) / cfg.v_head_dim ** 0.5 + mask
        attn = (torch.softmax(scores, dim=-1) @ v).transpose(0, 1).reshape(n, -1)
        x = x + linear(p, attn, b + ".attn.proj")
        hnorm = rms_norm(x, p[b + ".norm2.weight"], 1e-6)
        gate = F.silu(linear(p, hnorm, b + ".mlp.gate_proj"))
        x = x + linear(p, gate * linear(p, hnorm, b + ".mlp.up_proj"), b + ".mlp.down_proj")
    merged = rms_norm(x, p["visual.merger.ln_q.weight"], 1e-6).reshape(n // unit, -1)
    merged = linear(p, F.gelu(linear(p, merged, "visual.merger.mlp.0")), "visual.merger.mlp.2")
    return merged[torch.argsort(window_index)]


# ---- positions (HF Qwen2_5_VLForConditionalGeneration.get_rope_index, one unpadded sequence) ----

def get_rope_index(cfg, ids, grids):
    ids = list(ids)
    parts, st, image = [], 0, 0
    starts = [i for i, t in enumerate(ids) if t == cfg.vision_start_token_id]
    count = sum(1 for i in starts if i + 1 < len(ids) and ids[i + 1] == cfg.image_token_id)
    for _ in range(count):
        ed = ids.index(cfg.image_token_id, st)
        t, h, w = grids[image]
        image += 1
        gt, gh, gw = t, h // cfg.merge, w // cfg.merge
        text_len = ed - st
        st_idx = parts[-1].max() + 1 if parts else 0
        parts.append(torch.arange(text_len).view(1, -1).expand(3, -1) + st_idx)
        t_index = (torch.arange(gt).view(-1, 1).expand(-1, gh * gw) * 0).long().flatten()
        h_index = torch.arange(gh).view(1, -1, 1).expand(gt, -1, gw).flatten()
        w_index = torch.arange(gw).view(1, 1, -1).expand(gt, gh, -1).flatten()
        parts.append(torch.stack([t_index, h_index, w_index]) + text_len + st_idx)
        st = ed + gt * gh * gw
    if st < len(ids):
        st_idx = parts[-1].max() + 1 if parts else 0
        parts.append(torch.arange(len(ids) - st).view(1, -1).expand(3, -1) + st_idx)
    return torch.cat(parts, dim=1).reshape(3, -1)


# ---- decoder (HF Qwen2_5_VLModel + lm_head) ----

def mrope_cos_sin(cfg, positions):
    """positions [3, T] -> cos, sin [T, head_dim] with each mrope_section chunk from its axis."""
    inv_freq = 1.0 / (cfg.theta ** (torch.arange(0, cfg.head_dim, 2, dtype=torch.int64).float() / cfg.head_dim))
    freqs = positions.float().unsqueeze(-1) * inv_freq  # [3, T, head_dim/2]
    emb = torch.cat((freqs, freqs), dim=-1)
    cos, sin = emb.cos(), emb.sin()
    sections = cfg.mrope_section * 2
    cos = torch.cat([chunk[i % 3] for i, chunk in enumerate(cos.split(sections, dim=-1))], dim=-1)
    sin = torch.cat([chunk[i % 3] for i, chunk in enumerate(sin.split(sections, dim=-1))], dim=-1)
    return cos, sin


def repeat_kv(x, n):
    """[..., kv_heads, T, D] -> [..., kv_heads * n, T, D], each key/value head repeated n times in place."""
    *lead, heads, length, dim = x.shape
    return x.unsqueeze(-3).expand(*lead, heads, n, length, dim).reshape(*lead, heads * n, length, dim)


def decoder(cfg, p, embeds, positions):
    """Logits [..., T, vocab] of embeddings [..., T, hidden] (a leading batch axis is optional)
    at M-RoPE positions [3, T] shared by the batch."""
    length = embeds.shape[-2]
    lead = embeds.shape[:-2]
    cos, sin = mrope_cos_sin(cfg, positions)
    causal = torch.full((length, length), float("-inf")).triu(1)

    def heads(t, count):
        return t.view(*lead, length, count, -1).transpose(-3, -2)

    x = embeds
    for i in range(cfg.layers):
        b = f"model.layers.{i}"
        h = rms_norm(x, p[b + ".input_layernorm.weight"], cfg.eps)
        q = heads(linear(p, h, b + ".self_attn.q_proj"), cfg.heads)
        k = heads(linear(p, h, b + ".self_attn.k_proj"), cfg.kv_heads)
        v = heads(linear(p, h, b + ".self_attn.v_proj"), cfg.kv_heads)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k, v = repeat_kv(k, cfg.heads // cfg.kv_heads), repeat_kv(v, cfg.heads // cfg.kv_heads)
        scores = q @ k.transpose(-1, -2) / cfg.head_dim ** 0.5 + causal
        attn = (torch.softmax(scores.float(), dim=-1) @ v).transpose(-3, -2).reshape(*lead, length, -1)
        x = x + linear(p, attn, b + ".self_attn.o_proj", bias=False)
        h = rms_norm(x, p[b + ".post_attention_layernorm.weight"], cfg.eps)
        gate = F.silu(linear(p, h, b + ".mlp.gate_proj", bias=False))
        x = x + linear(p, gate * linear(p, h, b + ".mlp.up_proj", bias=False), b + ".mlp.down_proj", bias=False)
    x = rms_norm(x, p["model.norm.weight"], cfg.eps)
    head = p["model.embed_tokens.weight"] if cfg.tied else p["lm_head.weight"]
    return x @ head.t()


def logits(cfg, p, ids, images):
    """Logits [T, vocab] of one sequence; images: list of (rows [N, 1176], (t, h, w))."""
    ids = torch.tensor(ids)
    embeds = p["model.embed_tokens.weight"][ids].clone()
    grids = [g for _, g in images]
    if images:
        image_embeds = vision_tower(cfg, p, torch.cat([r for r, _ in images]), grids)
        embeds[ids == cfg.image_token_id] = image_embeds
    return decoder(cfg, p, embeds, get_rope_index(cfg, ids.tolist(), grids))
