"""A small, bounded load on `claimledger serve` (served_url in conftest.py): concurrent clients
over the whole request mix of benchmarks/load.py get no error. It asserts no latency: the
figures of the full run (50 clients for 30 s) are in benchmarks/README.md."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.model
CLIENTS = 10
SECONDS = 3.0


def load_module():
    spec = importlib.util.spec_from_file_location("benchmark_load", ROOT / "benchmarks" / "load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_concurrent_clients_get_no_errors(served_url):
    load = load_module()
    result = load.run_load(served_url, clients=CLIENTS, seconds=SECONDS)
    families = result["families"]
    assert result["all"]["requests"] >= CLIENTS and result["all"]["errors"] == 0, result
    assert {"listing", "detail", "page"} <= set(families)  # the mix was sent
    assert all(row["errors"] == 0 for row in families.values()), families
