# syntax=docker/dockerfile:1
# Hearth image: `docker build -t hearth .`, then `docker run -p 8000:8000 hearth`
# (SQLite in /app/var; mount a volume there to keep it) or `docker compose up`.
#
# The browser assets come from the npm registry, as in the Makefile; keep these two
# versions equal to HTMX_VERSION and SWAGGER_VERSION there (tests/test_deploy.py checks).
ARG HTMX_VERSION=2.0.11
ARG SWAGGER_VERSION=5.35.0

# --- Stage 1: third-party browser files (htmx, Swagger UI) from npm ---------------------
FROM node:20-slim AS assets
ARG HTMX_VERSION
ARG SWAGGER_VERSION
WORKDIR /build
RUN npm install --silent --no-audit --no-fund --ignore-scripts --prefix /build \
        "htmx.org@${HTMX_VERSION}" "swagger-ui-dist@${SWAGGER_VERSION}" \
 && mkdir -p /vendor/swagger-ui \
 && cp node_modules/htmx.org/dist/htmx.min.js /vendor/htmx.min.js \
 && cp node_modules/swagger-ui-dist/swagger-ui-bundle.js \
       node_modules/swagger-ui-dist/swagger-ui.css /vendor/swagger-ui/

# --- Stage 2: the Python environment in /opt/venv ---------------------------------------
FROM python:3.11-slim AS python
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
# Dependencies first, from pyproject.toml alone, so code changes reuse this layer.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
 && pip install -r /tmp/requirements.txt
# Hearth itself, editable: the package finds alembic.ini, alembic/ and web/static next to
# its source (hearth/migrations.py ROOT, server.py STATIC_DIR), so it runs from /app.
COPY . .
RUN pip install --no-deps -e .

# --- Stage 3: runtime --------------------------------------------------------------------
FROM python:3.11-slim AS runtime
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH
RUN groupadd --system --gid 10001 hearth \
 && useradd --system --uid 10001 --gid hearth --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin hearth
WORKDIR /app
COPY --from=python /opt/venv /opt/venv
COPY . .
COPY --from=assets /vendor/ web/static/vendor/
# The source stays root-owned and read-only; the app writes only to var/ (the default
# SQLite database and the generated secret key when HEARTH_SECRET_KEY is unset).
RUN python -m compileall -q hearth api web alembic \
 && mkdir -p var && chown hearth:hearth var
USER hearth
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["hearth", "serve", "--host", "0.0.0.0", "--port", "8000"]
