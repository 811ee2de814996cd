"""Logging set-up. Access logs never carry query strings: OIDC codes, states and
tokens travel there."""

from __future__ import annotations

import logging
import re

_SECRET_QUERY = re.compile(r"([?&](?:code|state|token|access_token|id_token|password|crc_token)=)[^&\s\"]*", re.I)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(_SECRET_QUERY.sub(r"\1[redacted]", a) if isinstance(a, str) else a
                                for a in record.args)
        if isinstance(record.msg, str):
            record.msg = _SECRET_QUERY.sub(r"\1[redacted]", record.msg)
        return True


def configure_logging(level: str = "info") -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every outgoing URL at INFO; the OIDC round trip needs no such echo.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    for name in ("uvicorn.access", "uvicorn.error", "hearth"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecrets) for f in logger.filters):
            logger.addFilter(RedactSecrets())
