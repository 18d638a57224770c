"""Dumps reference logits for the fixture checkpoint's inputs.

    /usr/bin/python3 tools/policy-reference/dump_logits.py packages/policy/src/testing/fixtures/reference-model

reads config.json, model.safetensors, reference-inputs.json (cases: token ids and images by name)
and reference-inputs.safetensors (image rows) from that folder and writes
reference-logits.safetensors (one [T, vocab] tensor per case).
"""

import json
import os
import sys

import torch

from qwen2_5_vl_reference import Config, logits, read_safetensors, write_safetensors


def main(folder):
    torch.set_grad_enabled(False)
    cfg = Config(os.path.join(folder, "config.json"))
    params = read_safetensors(os.path.join(folder, "model.safetensors"))
    with open(os.path.join(folder, "reference-inputs.json")) as f:
        cases = json.load(f)["cases"]
    rows = read_safetensors(os.path.join(folder, "reference-inputs.safetensors"))
    out = {}
    for case in cases:
        images = [(rows[image["rows"]], tuple(image["grid"])) for image in case["images"]]
        out[case["name"]] = logits(cfg, params, case["token_ids"], images)
        print(case["name"], tuple(out[case["name"]].shape), float(out[case["name"]].abs().max()))
    write_safetensors(os.path.join(folder, "reference-logits.safetensors"), out)


if __name__ == "__main__":
    main(sys.argv[1])
