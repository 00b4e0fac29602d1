"""Candidate links the outbox fills as it sends: a registry, so the outbox knows no portal.

An email that gives a candidate their private link is stored with a placeholder
(`core.links.PORTAL_URL_PLACEHOLDER`) and its application; as a worker sends a batch, it asks
the one resolver registered here for the addresses, in memory only. The portal, which owns
the links and their secret, registers its resolver in `PortalConfig.ready()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

# Application ids → the address of each one's candidate link (issued when none is live). It
# may raise (a row lock, a lost connection): the outbox then asks again one application at
# a time, so that one link that cannot be had holds back one email.
LinkResolver = Callable[[Sequence[int]], Mapping[int, str]]

_resolver: list[LinkResolver] = []


def register(resolver: LinkResolver) -> None:
    """Make `resolver` the one that gives candidates' link addresses (the last one wins)."""
    _resolver[:] = [resolver]


def candidate_link_addresses(application_ids: Sequence[int]) -> Mapping[int, str]:
    """Each application's candidate link address, from the registered resolver."""
    if not _resolver:
        raise RuntimeError("No candidate link resolver is registered (is the portal installed?)")
    return _resolver[0](application_ids)
