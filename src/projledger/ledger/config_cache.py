"""The validated config, kept by content in `.projledger/config-cache.json`.

Validating projledger.yaml first builds pydantic's validators for the config's models
(~20-30 ms, every command). A config validated once is kept as its dump under its blob
id and the models' code, and rebuilt from it without validating (`LedgerModel.from_dump`,
~1 ms). Anything else (another file, other models, a damaged or missing cache) is
validated again. A cache that cannot be read or written is only a slower run.
"""

from projledger.model.config import Config
from projledger.root import LedgerRoot
from projledger.store.blob_cache import MISS, BlobCache, blob_id, code_fingerprint
from projledger.store.limits import read_ledger_bytes

CACHE_FILE = "config-cache.json"
_KEY = "projledger.yaml"


def cached_config(root: LedgerRoot) -> Config:
    """The root's config, validated (a ProjledgerError naming the file when it is not)."""
    return cached_config_and_blob(root)[0]


def cached_config_and_blob(root: LedgerRoot) -> tuple[Config, str]:
    """The config and the blob id of its bytes (for caches of what depends on it). Every
    command reading a root asks for it first: a root with a linked entry or a projects/
    that is no directory is refused here, before anything is read through it."""
    unsafe = root.unsafe_layout()
    if unsafe is not None:
        from projledger.errors import ProjledgerError

        raise ProjledgerError(unsafe)
    try:
        raw = read_ledger_bytes(root.config_file)
    except OSError:
        from projledger.ledger.load import load_config

        # Says what is wrong with the file; or reads one over the size limit, uncached.
        config = load_config(root)
        return config, blob_id(root.config_file.read_bytes())
    blob = blob_id(raw)
    cache = BlobCache.in_state_dir(root, CACHE_FILE, _fingerprint())
    hit = cache.get(_KEY, blob)
    if hit is not MISS and isinstance(hit, dict):
        try:
            return Config.from_dump(hit), blob
        except (ValueError, TypeError, LookupError, AttributeError):
            pass  # a damaged entry: validate the file
    # The reader and the validation are imported only when the cache cannot answer.
    from projledger.ledger.load import config_from_bytes

    config = config_from_bytes(raw, str(root.config_file))
    cache.put(_KEY, blob, config.model_dump(mode="json"))
    cache.save()
    return config, blob


def _fingerprint() -> str:
    """The models' code: a dump is only rebuilt by the models that made it."""
    return code_fingerprint(b"config", "model/*.py")
