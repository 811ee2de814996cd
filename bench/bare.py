"""The floor under every page: a FastAPI app with one endpoint, served the same way as Hearth.

`make bench` loads it in the same run as Hearth so that Hearth's trivial endpoint can be
read as a share of what the framework itself serves on this machine."""

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

app = FastAPI()


@app.get("/livez", response_class=PlainTextResponse)
async def livez() -> str:
    return "ok"
