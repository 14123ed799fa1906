"""The Python anchors of issue 15's performance section, measured the way the `bench` commands measure twostep:
SciPy's exact assignment and POT's network simplex and log-domain Sinkhorn at n = 1500 (as `bench ot`), and a
PyTorch MeanFlow training step with forward-mode AD (torch.autograd.forward_ad) at batch 1500 on one thread (as
`bench train`: the same MLP, width 64, depth 5, SELU, 16 time frequencies, adaptive loss, Adam). Run by anchors.sh
with Debian's python3-scipy, python3-pot and python3-torch."""
import math
import statistics
import sys
import time

import numpy as np


def timed(f, repeats):
    f()
    t = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        f()
        t.append(time.perf_counter() - t0)
    return statistics.median(t)


def clouds(n, near_identity, rng):
    a = rng.standard_normal((n, 3))
    b = a + 0.05 * rng.standard_normal((n, 3)) if near_identity else rng.standard_normal((n, 3))
    return a, b


def ot_anchors(n, repeats):
    from scipy.optimize import linear_sum_assignment
    import ot
    rng = np.random.default_rng(1)
    for label, near in (("near identity", True), ("same law", False)):
        a, b = clouds(n, near, rng)
        cost = ((a[:, None, :] - b[None, :, :]) ** 2).sum(-1)
        s = timed(lambda: linear_sum_assignment(cost), repeats)
        print(f"scipy linear_sum_assignment n={n} {label}: median {s:.4f} s")
        w = np.full(n, 1.0 / n)
        s = timed(lambda: ot.emd(w, w, cost, numItermax=10**7), repeats)
        print(f"pot emd n={n} {label}: median {s:.4f} s")
    a, b = clouds(n, False, rng)
    cost = ((a[:, None, :] - b[None, :, :]) ** 2).sum(-1)
    w = np.full(n, 1.0 / n)
    reg = 0.001 * cost.max()
    t0 = time.perf_counter()
    plan = ot.sinkhorn(w, w, cost, reg, method="sinkhorn_log", numItermax=1000, stopThr=1e-6)
    s = time.perf_counter() - t0
    print(f"pot sinkhorn_log n={n} eps=0.001 (relative), 1000 iterations cap: {s:.2f} s, "
          f"{plan.nbytes / 1e6:.1f} MB plan")


def meanflow_step(batch, steps, features=5, width=64, depth=5, freqs=16):
    import torch
    from torch.autograd import forward_ad as fwad
    torch.set_num_threads(1)
    torch.manual_seed(1)
    d = 3
    f = torch.tensor([16.0 ** (j / (freqs - 1)) for j in range(freqs)])

    def emb(x):  # sin and cos of f x, for t and t - r
        arg = x[:, :, None] * f
        return torch.cat([arg.sin(), arg.cos()], -1).reshape(x.shape[0], -1)

    layers = [torch.nn.Linear(d + features + 4 * freqs, width)]
    layers += [torch.nn.Linear(width, width) for _ in range(depth - 1)]
    head = torch.nn.Linear(width, d)
    params = [p for l in layers + [head] for p in l.parameters()]
    opt = torch.optim.Adam(params, lr=1e-4)

    def net(zs, tau):
        h = torch.selu(layers[0](torch.cat([zs, emb(tau)], 1)))
        for l in layers[1:]:
            h = h + torch.selu(l(h))
        return head(h)

    def step():
        x = torch.randn(batch, d)
        eps = torch.randn(batch, d)
        a = torch.sigmoid(2 * torch.randn(batch))
        b = torch.sigmoid(2 * torch.randn(batch))
        t = torch.maximum(a, b)
        r = torch.minimum(a, b)
        r[: batch // 2] = t[: batch // 2]
        z = (1 - t[:, None]) * x + t[:, None] * eps
        v = eps - x
        zs = torch.cat([z, torch.rand(batch, features)], 1)
        dzs = torch.cat([v, torch.zeros(batch, features)], 1)
        tau = torch.stack([t, t - r], 1)
        with fwad.dual_level():
            u = net(fwad.make_dual(zs, dzs), fwad.make_dual(tau, torch.ones(batch, 2)))
            u, dudt = fwad.unpack_dual(u)
        target = (v - (t - r)[:, None] * dudt).detach()
        per = ((u - target) ** 2).sum(1)
        loss = (per / (per.detach() + 0.01)).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()

    for _ in range(20):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    s = time.perf_counter() - t0
    print(f"pytorch {torch.__version__} meanflow step (forward-AD) d=3 batch={batch} threads=1: "
          f"{steps / s:.1f} steps/s")


if __name__ == "__main__":
    which = sys.argv[1:] or ["ot", "meanflow"]
    if "meanflow" in which:
        meanflow_step(1500, 200)
    if "ot" in which:
        ot_anchors(1500, 3)
