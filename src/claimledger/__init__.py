"""claimledger: a ledger of claims in war news (who claims what, where, how firmly, through whom)."""
from importlib import metadata as _metadata

try:
    __version__: str | None = _metadata.version("claimledger")
except _metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = None
