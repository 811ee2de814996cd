"""The deployment files: docker-compose.yml, Dockerfile, .env.example and .ci/run.

Plain synchronous checks on the files themselves; nothing here needs the app or a database.
`docker compose config` runs only where the compose plugin is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
MAKEFILE = ROOT / "Makefile"
ENV_EXAMPLE = ROOT / ".env.example"

SERVICES = {"app", "worker", "postgres", "meilisearch", "redis"}
BACKING = {"postgres", "redis", "meilisearch"}
# The only secrets docker-compose.yml may spell out: development defaults documented in
# .env.example (Meilisearch key) or private to the compose network (PostgreSQL password).
DOCUMENTED_DEFAULTS = {"hearth", "hearth-dev-meili-master-key"}
SECRET_NAME = re.compile(r"KEY|SECRET|PASSWORD|TOKEN", re.IGNORECASE)
INTERPOLATION = re.compile(r"^\$\{(?P<name>\w+)(?:(?P<op>:?[-?])(?P<rest>.*))?\}$")


def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def services() -> dict:
    return compose()["services"]


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: "" if value is None else str(value) for key, value in env.items()}


def make_variable(name: str) -> str:
    match = re.search(rf"^{name}\s*:?=\s*(\S+)\s*$", MAKEFILE.read_text(), re.MULTILINE)
    assert match, f"{name} not found in the Makefile"
    return match.group(1)


def dockerfile_arg(name: str) -> str:
    match = re.search(rf"^ARG\s+{name}=(\S+)\s*$", DOCKERFILE.read_text(), re.MULTILINE)
    assert match, f"ARG {name}=… not found in the Dockerfile"
    return match.group(1)


# --- docker-compose.yml ------------------------------------------------------------------

def test_compose_has_the_five_services_each_with_a_healthcheck() -> None:
    found = services()
    assert set(found) == SERVICES
    for name, service in found.items():
        healthcheck = service.get("healthcheck")
        assert healthcheck and healthcheck.get("test"), f"{name} has no healthcheck"
        assert not healthcheck.get("disable"), f"{name} disables its healthcheck"


@pytest.mark.parametrize("name", ["app", "worker"])
def test_app_and_worker_wait_for_healthy_backing_services(name: str) -> None:
    depends_on = services()[name]["depends_on"]
    assert isinstance(depends_on, dict), "depends_on needs the long form to carry conditions"
    for backing in BACKING:
        assert depends_on.get(backing, {}).get("condition") == "service_healthy", (name, backing)


def test_worker_starts_after_the_app_has_migrated() -> None:
    assert services()["worker"]["depends_on"]["app"]["condition"] == "service_healthy"
    assert "hearth migrate" in " ".join(services()["app"]["command"])


def test_app_and_worker_run_the_same_image() -> None:
    app, worker = services()["app"], services()["worker"]
    assert app.get("build") == worker.get("build")
    assert app.get("image") == worker.get("image")
    assert app.get("build") or app.get("image")


def test_app_and_worker_share_the_hearth_environment() -> None:
    app, worker = environment(services()["app"]), environment(services()["worker"])
    for env in (app, worker):
        assert env["HEARTH_DATABASE_URL"] == "postgresql+asyncpg://hearth:hearth@postgres:5432/hearth"
        assert env["HEARTH_REDIS_URL"] == "redis://redis:6379/0"
        assert env["HEARTH_MEILI_URL"] == "http://meilisearch:7700"
        assert "HEARTH_MEILI_KEY" in env
        # Required, never defaulted: compose refuses to start without it.
        match = INTERPOLATION.match(env["HEARTH_SECRET_KEY"])
        assert match and match["name"] == "HEARTH_SECRET_KEY" and match["op"] == ":?"
    # The worker service drains the outbox, so the web processes must not.
    assert app["HEARTH_INPROCESS_WORKER"].lower() == "false"


def test_compose_spells_out_no_secret_but_documented_defaults() -> None:
    documented = ENV_EXAMPLE.read_text()
    for name, service in services().items():
        for key, value in environment(service).items():
            if key.endswith("_URL"):
                password = urlsplit(value).password
                assert password is None or password in DOCUMENTED_DEFAULTS, (name, key)
                continue
            if not SECRET_NAME.search(key):
                continue
            match = INTERPOLATION.match(value)
            if match is None:
                literal = value
            elif match["op"] in (":-", "-"):
                literal = match["rest"]
                assert match["name"] in documented, f"{match['name']} is not in .env.example"
            else:
                continue  # required from the environment, no default
            assert literal in DOCUMENTED_DEFAULTS, f"{name}.{key} spells out an undocumented secret"


def test_compose_file_is_valid_for_docker_compose() -> None:
    docker = shutil.which("docker")
    if docker is None:
        pytest.skip("docker client not installed here")
    probe = subprocess.run([docker, "compose", "version"], capture_output=True, text=True, timeout=60)
    if probe.returncode != 0:
        pytest.skip("docker compose plugin not installed here")
    env = {**os.environ, "HEARTH_SECRET_KEY": "compose-config-check-" + "x" * 32}
    result = subprocess.run([docker, "compose", "-f", str(COMPOSE), "config", "-q"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


# --- Dockerfile --------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["HTMX_VERSION", "SWAGGER_VERSION"])
def test_dockerfile_fetches_the_makefile_asset_versions(name: str) -> None:
    assert dockerfile_arg(name) == make_variable(name)


def test_dockerfile_builds_assets_and_runs_safely() -> None:
    text = DOCKERFILE.read_text()
    assert "htmx.org@${HTMX_VERSION}" in text
    assert "swagger-ui-dist@${SWAGGER_VERSION}" in text
    assert re.search(r"^HEALTHCHECK\b.*/healthz", text, re.MULTILINE | re.DOTALL)
    users = re.findall(r"^USER\s+(\S+)", text, re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}, "the image must not run as root"
    assert re.search(r"^WORKDIR\s+/app\s*$", text, re.MULTILINE)
    assert re.search(r"^EXPOSE\s+8000\b", text, re.MULTILINE)


def test_dockerignore_keeps_local_state_out_of_the_image() -> None:
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".venv", "var", ".git", "node_modules", ".npm-cache", "web/static/vendor"} <= ignored


# --- .env.example and .ci/run ------------------------------------------------------------

def test_env_example_documents_every_setting() -> None:
    from hearth.settings import Settings

    documented = ENV_EXAMPLE.read_text()
    missing = [f"HEARTH_{field.upper()}" for field in Settings.model_fields
               if f"HEARTH_{field.upper()}=" not in documented]
    assert not missing, f".env.example lacks {missing}"


def test_ci_script_is_executable_bash() -> None:
    script = ROOT / ".ci" / "run"
    assert os.access(script, os.X_OK)
    assert script.read_text().startswith("#!/usr/bin/env bash\n")
    if shutil.which("bash"):
        assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0
