"""Health, metrics, API docs and the OpenAPI schema."""

from __future__ import annotations

from hearth import metrics


async def test_healthz(client) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


async def test_metrics_count_requests_by_route(client, member) -> None:
    await client.get(f"/members/{member.handle}")
    await client.post("/api/v1/auth/signin", json={"email": member.email, "password": "wrong wrong wrong"})
    text = (await client.get("/metrics")).text
    assert "# TYPE hearth_http_requests_total counter" in text
    assert 'hearth_http_requests_total{method="GET",route="/members/{handle}",status="200"}' in text
    assert 'hearth_signins_total{method="password",outcome="failed"}' in text
    assert 'hearth_http_request_duration_seconds_bucket{le="+Inf",route="/members/{handle}"}' in text


def test_histogram_buckets_are_cumulative() -> None:
    h = metrics.Histogram("t_seconds", "test")
    for value in (0.0005, 0.003, 0.003, 7.0):
        h.observe(value)
    lines = dict(line.rsplit(" ", 1) for line in h.render() if not line.startswith("#"))
    assert lines['t_seconds_bucket{le="0.001"}'] == "1.0"
    assert lines['t_seconds_bucket{le="0.005"}'] == "3.0"
    assert lines['t_seconds_bucket{le="+Inf"}'] == "4.0"
    assert lines["t_seconds_count"] == "4.0"


async def test_openapi_and_docs(client) -> None:
    schema = (await client.get("/openapi.json")).json()
    assert "/api/v1/auth/signin" in schema["paths"] and "/api/v1/me/tokens" in schema["paths"]
    assert not any(path.startswith("/settings") for path in schema["paths"]), "pages leak into the API docs"
    docs = await client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
