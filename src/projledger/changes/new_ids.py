"""New item ids: a list prefix and 6 random Crockford base32 characters.

Random, not sequential, so that two people adding items in two clones do not collide.
The randomness comes in from the caller (the CLI), so the core stays reproducible.
"""

from collections.abc import Callable, Collection

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SUFFIX_LENGTH = 6

RandomBits = Callable[[int], int]
"""Returns that many random bits (the CLI passes `secrets.randbits`)."""


def new_item_id(prefix: str, taken: Collection[str], random_bits: RandomBits) -> str:
    while True:
        value = random_bits(5 * SUFFIX_LENGTH)
        suffix = "".join(CROCKFORD[(value >> (5 * i)) & 31] for i in range(SUFFIX_LENGTH))
        candidate = f"{prefix}-{suffix}"
        if candidate not in taken:
            return candidate
