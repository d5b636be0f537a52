"""`eventwire serve`: the REST API (OpenAPI at /docs) and the web pages, over the event database.

Everything the pages use is served by the app itself (``static/``), so they work with the
network cut. Reading is open; writing (``POST /api/stories``) needs ``EVENTWIRE_TOKEN``.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire import __version__
from eventwire.store import Store, open_store

STATIC = Path(__file__).parent / "static"


def create_app(db: str | Store | None = None, token: str | None = None) -> FastAPI:
    """The app over a database URL (or an open ``Store``); ``token`` defaults to $EVENTWIRE_TOKEN."""
    from eventwire.web import api, pages

    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None,
                  description="Political events coded from news stories: who did what to whom, when, where, "
                              "and on whose word.")
    app.state.store = db if isinstance(db, Store) else open_store(db)
    app.state.token = token if token is not None else os.environ.get("EVENTWIRE_TOKEN") or None
    import swagger_ui_bundle

    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:  # Swagger UI from our own static folder, not a CDN
        return get_swagger_ui_html(openapi_url="/openapi.json", title="eventwire API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api") and request.url.path != "/openapi.json"

    @app.exception_handler(StarletteHTTPException)  # FastAPI's HTTPException and the router's 404/405
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_html(request):
            return pages.page_error(request, exc.status_code, str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        if wants_html(request):
            return pages.page_error(request, 422, problems)
        return JSONResponse({"detail": problems}, status_code=422)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith("/docs"):
            response.headers.setdefault("Content-Security-Policy",
                                        "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                        "script-src 'none'; object-src 'none'; frame-ancestors 'none'")
        return response

    return app


def serve(db: str | None, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    import uvicorn

    uvicorn.run(create_app(db, token), host=host, port=port, log_level="info")
