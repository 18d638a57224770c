"""PyTorch timing of the policy benchmark's training step on the tiny config, for the ratio the
TypeScript benchmark (tools/bench/policy/policy.ts) prints: forward + backward of next-token
cross-entropy over a batch of text sequences, by the reference implementation in
tools/policy-reference (Debian's python3-torch, CPU).

    /usr/bin/python3 tools/bench/policy/reference_step.py --config config.json --batch 8 --length 128 --threads 2 [--json]

config.json: a Qwen2.5-VL config (the TypeScript benchmark writes the tiny one and passes it).
"""

import argparse
import json
import os
import statistics
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "policy-reference"))
from qwen2_5_vl_reference import Config, decoder  # noqa: E402


def tiny_params(cfg_json, seed):
    """Random parameters of the config's decoder (the vision tower is not in this step)."""
    torch.manual_seed(seed)
    h, i, v = cfg_json["hidden_size"], cfg_json["intermediate_size"], cfg_json["vocab_size"]
    heads, kv = cfg_json["num_attention_heads"], cfg_json["num_key_value_heads"]
    hd = h // heads
    p = {"model.embed_tokens.weight": torch.randn(v, h) * 0.02, "model.norm.weight": torch.ones(h)}
    for layer in range(cfg_json["num_hidden_layers"]):
        b = f"model.layers.{layer}"
        p[b + ".input_layernorm.weight"] = torch.ones(h)
        p[b + ".post_attention_layernorm.weight"] = torch.ones(h)
        for name, out in (("q_proj", h), ("k_proj", kv * hd), ("v_proj", kv * hd)):
            p[f"{b}.self_attn.{name}.weight"] = torch.randn(out, h) * 0.02
            p[f"{b}.self_attn.{name}.bias"] = torch.zeros(out)
        p[b + ".self_attn.o_proj.weight"] = torch.randn(h, h) * 0.02
        p[b + ".mlp.gate_proj.weight"] = torch.randn(i, h) * 0.02
        p[b + ".mlp.up_proj.weight"] = torch.randn(i, h) * 0.02
        p[b + ".mlp.down_proj.weight"] = torch.randn(h, i) * 0.02
    for t in p.values():
        t.requires_grad_(True)
    return p


def batched_logits(cfg, p, ids):
    """Logits [B, T, V] of text sequences [B, T] (text positions: all three M-RoPE axes equal)."""
    positions = torch.arange(ids.shape[1]).view(1, -1).expand(3, -1)
    return decoder(cfg, p, p["model.embed_tokens.weight"][ids], positions)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--length", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--cpu-time", action="store_true", help="time by process CPU time instead of wall clock")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    with open(args.config) as f:
        cfg_json = json.load(f)
    cfg = Config(args.config)
    p = tiny_params(cfg_json, 0)
    gen = torch.Generator().manual_seed(1)
    ids = torch.randint(0, cfg_json["vocab_size"] - 10, (args.batch, args.length), generator=gen)

    def step():
        logits = batched_logits(cfg, p, ids)
        loss = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), ids[:, 1:].reshape(-1))
        loss.backward()
        for t in p.values():
            t.grad = None
        return float(loss)

    step()
    clock = time.process_time if args.cpu_time else time.perf_counter
    times = []
    for _ in range(args.repeats):
        start = clock()
        step()
        times.append(clock() - start)
    seconds = statistics.median(times)
    result = {"engine": "pytorch", "version": torch.__version__, "threads": args.threads, "batch": args.batch,
              "length": args.length, "step_seconds": seconds, "tokens_per_second": args.batch * args.length / seconds}
    print(json.dumps(result) if args.json else
          f"pytorch {torch.__version__} cpu x{args.threads}: train step {seconds * 1000:.1f} ms, {result['tokens_per_second']:.0f} tokens/s")


if __name__ == "__main__":
    main()
