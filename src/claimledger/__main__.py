"""``python -m claimledger``: the command line."""
from .cli import main

main()
