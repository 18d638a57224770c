"""Reference values of the GRPO objective from PyTorch, for packages/grpo's fixture test.

A tiny autoregressive "table" policy (logits of completion token t = position[t] + transition[previous
token], the previous token of t = 0 being the prompt's last) scores a batch of 3 groups x 3
completions. The advantages, losses, gradients and two optimizer steps below are computed the way
TRL's GRPOTrainer computes them (`_generate_and_score_completions` for the advantages,
`_get_per_token_logps` / `selective_log_softmax` for the log-probs, `_compute_loss` for the loss and
its metrics), with torch autograd for the gradients, torch.nn.utils.clip_grad_norm_, torch.optim.AdamW
and a LambdaLR with Hugging Face's linear schedule for the update.

    /usr/bin/python3 tools/grpo-reference/dump_reference.py \
        [--out packages/grpo/src/testing/fixtures/grpo-reference.json]

Debian's python3-torch (1.13) on CPU; deterministic (fixed seed, one thread).
"""

import argparse
import json
import os

import torch

VOCAB = 5
MAX_LENGTH = 4
G = 3
SEED = 20250530

SEQUENCES = [
    # (sample_id, group_index, prompt token ids, completion token ids)
    ("a", 0, [1, 3], [2, 4, 0, 1]),
    ("a", 1, [1, 3], [0, 2]),
    ("a", 2, [1, 3], [4, 4, 3]),
    ("b", 0, [2], [1]),
    ("b", 1, [2], [3, 0, 2, 2]),
    ("b", 2, [2], [2, 1, 4]),
    ("c", 0, [4, 0], [0, 1, 2]),
    ("c", 1, [4, 0], [3, 3]),
    ("c", 2, [4, 0], [1, 0, 4, 3]),
]
# Group "c" has equal rewards: zero std, advantages 0.
REWARDS = [1.0, 0.0, 0.5, 0.25, 1.0, 0.0, 0.5, 0.5, 0.5]


def batch_tensors():
    """Previous-token ids, target ids and the completion mask, [B, T] (padding: token 0, mask 0)."""
    width = max(len(s[3]) for s in SEQUENCES)
    prev = torch.zeros(len(SEQUENCES), width, dtype=torch.long)
    ids = torch.zeros(len(SEQUENCES), width, dtype=torch.long)
    mask = torch.zeros(len(SEQUENCES), width)
    for i, (_, _, prompt, completion) in enumerate(SEQUENCES):
        for t, token in enumerate(completion):
            prev[i, t] = prompt[-1] if t == 0 else completion[t - 1]
            ids[i, t] = token
            mask[i, t] = 1.0
    return prev, ids, mask


def per_token_logps(position, transition, prev, ids):
    """TRL _get_per_token_logps: log_softmax of the logits, gathered at the completion tokens."""
    width = ids.shape[1]
    logits = position[:width].unsqueeze(0) + transition[prev]
    return torch.log_softmax(logits, dim=-1).gather(-1, ids.unsqueeze(-1)).squeeze(-1)


def advantages(rewards, scale_rewards):
    """TRL _generate_and_score_completions: group mean, Bessel std, eps 1e-4."""
    grouped = rewards.view(-1, G)
    mean = grouped.mean(dim=1).repeat_interleave(G)
    std = grouped.std(dim=1).repeat_interleave(G)
    adv = rewards - mean
    if scale_rewards == "group":
        adv = adv / (std + 1e-4)
    elif scale_rewards == "batch":
        adv = adv / (rewards.std() + 1e-4)
    return adv


def compute_loss(logps, old_logps, ref_logps, adv, mask, loss_type, eps_low, eps_high, beta, max_completion_length):
    """TRL GRPOTrainer._compute_loss, the loss and its logged metrics."""
    if beta != 0.0:
        per_token_kl = torch.exp(ref_logps - logps) - (ref_logps - logps) - 1
    old = old_logps if old_logps is not None else logps.detach()
    coef_1 = torch.exp(logps - old)
    coef_2 = torch.clamp(coef_1, 1 - eps_low, 1 + eps_high)
    per_token_loss1 = coef_1 * adv.unsqueeze(1)
    per_token_loss2 = coef_2 * adv.unsqueeze(1)
    per_token_loss = -torch.min(per_token_loss1, per_token_loss2)
    if beta != 0.0:
        per_token_loss = per_token_loss + beta * per_token_kl
    if loss_type == "grpo":
        loss = ((per_token_loss * mask).sum(-1) / mask.sum(-1).clamp(min=1.0)).mean()
    elif loss_type == "dapo":
        loss = (per_token_loss * mask).sum() / mask.sum().clamp(min=1.0)
    elif loss_type == "dr_grpo":
        loss = (per_token_loss * mask).sum() / (per_token_loss.size(0) * max_completion_length)
    else:
        raise ValueError(loss_type)

    def masked_mean(x):
        return ((x * mask).sum() / mask.sum()).item()

    a = adv.unsqueeze(1)
    low = ((coef_1 < 1 - eps_low) & (a < 0)).float()
    high = ((coef_1 > 1 + eps_high) & (a > 0)).float()
    metrics = {
        "kl": masked_mean(per_token_kl.detach()) if beta != 0.0 else None,
        "clipFractionLow": masked_mean(low),
        "clipFractionHigh": masked_mean(high),
        "ratioMean": masked_mean(coef_1.detach()),
    }
    return loss, metrics


def floats(t):
    return [float(x) for x in t.detach().reshape(-1).tolist()]


def rows(t, mask):
    return [[float(x) for x, m in zip(r, mr) if m > 0] for r, mr in zip(t.detach().tolist(), mask.tolist())]


def hf_linear(warmup, total):
    """transformers.get_linear_schedule_with_warmup's lambda."""
    return lambda step: step / max(1, warmup) if step < warmup else max(0.0, (total - step) / max(1, total - warmup))


def main():
    parser = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "..", "..", "packages", "grpo", "src", "testing", "fixtures", "grpo-reference.json"))
    args = parser.parse_args()
    torch.manual_seed(SEED)
    torch.set_num_threads(1)

    position = torch.randn(MAX_LENGTH, VOCAB)
    transition = torch.randn(VOCAB, VOCAB)
    old_position = position + 0.5 * torch.randn(MAX_LENGTH, VOCAB)
    old_transition = transition + 0.5 * torch.randn(VOCAB, VOCAB)
    ref_position = position + 0.3 * torch.randn(MAX_LENGTH, VOCAB)
    ref_transition = transition + 0.3 * torch.randn(VOCAB, VOCAB)
    prev, ids, mask = batch_tensors()
    rewards = torch.tensor(REWARDS)
    adv = {scale: advantages(rewards, scale) for scale in ("group", "batch", "none")}
    with torch.no_grad():
        old_logps = per_token_logps(old_position, old_transition, prev, ids)
        ref_logps = per_token_logps(ref_position, ref_transition, prev, ids)

    cases = []
    for name, loss_type, eps_low, eps_high, beta, use_old, max_len in [
        ("grpo", "grpo", 0.2, 0.2, 0.04, True, None),
        ("dapo clip-higher", "dapo", 0.2, 0.28, 0.04, True, None),
        ("dr_grpo no KL", "dr_grpo", 0.2, 0.2, 0.0, True, 6),
        ("grpo first step", "grpo", 0.2, 0.2, 0.04, False, None),
    ]:
        p = position.clone().requires_grad_(True)
        tr = transition.clone().requires_grad_(True)
        logps = per_token_logps(p, tr, prev, ids)
        loss, metrics = compute_loss(
            logps, old_logps if use_old else None, ref_logps, adv["group"], mask, loss_type, eps_low, eps_high, beta, max_len
        )
        loss.backward()
        cases.append({
            "name": name, "lossType": loss_type, "epsLow": eps_low, "epsHigh": eps_high, "beta": beta,
            "useOld": use_old, "maxCompletionLength": max_len,
            "loss": loss.item(), "gradPosition": floats(p.grad), "gradTransition": floats(tr.grad), "metrics": metrics,
        })

    # Two optimizer steps on one generation batch (mu = 2): step 0 with old = detached current
    # log-probs (ratio 1), step 1 with those cached; clip_grad_norm_, AdamW, HF linear schedule.
    opt_config = {
        "lossType": "grpo", "epsLow": 0.2, "epsHigh": 0.2, "beta": 0.04, "mu": 2, "maxGradNorm": 0.1,
        "learningRate": 0.05, "betas": [0.9, 0.999], "eps": 1e-8, "weightDecay": 0.1, "warmupSteps": 0, "totalSteps": 4,
    }
    p = position.clone().requires_grad_(True)
    tr = transition.clone().requires_grad_(True)
    optimizer = torch.optim.AdamW([p, tr], lr=opt_config["learningRate"], betas=tuple(opt_config["betas"]),
                                  eps=opt_config["eps"], weight_decay=opt_config["weightDecay"])
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, hf_linear(opt_config["warmupSteps"], opt_config["totalSteps"]))
    cached_old = None
    steps = []
    for step in range(opt_config["mu"]):
        logps = per_token_logps(p, tr, prev, ids)
        loss, metrics = compute_loss(logps, cached_old, ref_logps, adv["group"], mask, "grpo", 0.2, 0.2, opt_config["beta"], None)
        if cached_old is None:
            cached_old = logps.detach()
        optimizer.zero_grad()
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_([p, tr], opt_config["maxGradNorm"])
        lr = optimizer.param_groups[0]["lr"]
        optimizer.step()
        scheduler.step()
        steps.append({"loss": loss.item(), "gradNorm": norm.item(), "learningRate": lr, "metrics": metrics,
                      "position": floats(p), "transition": floats(tr)})

    fixture = {
        "description": "tools/grpo-reference/dump_reference.py (PyTorch %s): TRL-style GRPO advantages, loss, gradients and AdamW steps on a table policy" % torch.__version__,
        "vocab": VOCAB, "maxLength": MAX_LENGTH, "numGenerations": G,
        "position": floats(position), "transition": floats(transition),
        "refPosition": floats(ref_position), "refTransition": floats(ref_transition),
        "sequences": [{"sampleId": s, "groupIndex": g, "promptTokenIds": pr, "completionTokenIds": c} for s, g, pr, c in SEQUENCES],
        "rewards": REWARDS,
        "advantages": {k: floats(v) for k, v in adv.items()},
        "oldLogProbs": rows(old_logps, mask), "refLogProbs": rows(ref_logps, mask),
        "cases": cases,
        "optimizer": {"config": opt_config, "steps": steps},
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print("wrote %s" % os.path.relpath(args.out))


if __name__ == "__main__":
    main()
