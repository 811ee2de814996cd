from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel

from hearth import metrics, paging
from hearth.accounts import service
from hearth.accounts.models import Account, ApiToken
from hearth.accounts.schemas import (
    AccountOut,
    MemberOut,
    PasswordChange,
    ProfileUpdate,
    RolesUpdate,
    SignIn,
    SignUp,
    TokenCreate,
    TokenCreated,
    TokenOut,
)
from hearth.auth import AdminAccount, CurrentMember
from hearth.db import DbSession
from hearth.ids import Id
from hearth.paging import Cursor, Limit, Page
from hearth.ratelimit import limit_signin, limit_signup
from hearth.security import SESSION_COOKIE, clear_session_cookie, set_session_cookie

router = APIRouter(tags=["accounts"])


@router.post("/auth/signup", status_code=status.HTTP_201_CREATED, response_model=AccountOut)
async def sign_up(data: SignUp, request: Request, response: Response, db: DbSession) -> Account:
    await limit_signup(request)
    account = await service.sign_up(db, data)
    new = await service.start_session(db, account, user_agent=request.headers.get("user-agent"))
    set_session_cookie(response, new.token)
    return account


@router.post("/auth/signin", response_model=AccountOut,
             responses={401: {"description": "Wrong e-mail address or password"}})
async def sign_in(data: SignIn, request: Request, response: Response, db: DbSession) -> Account:
    await limit_signin(request, data.email)
    try:
        account = await service.authenticate(db, data)
    except Exception:
        metrics.SIGNINS.inc(method="password", outcome="failed")
        raise
    metrics.SIGNINS.inc(method="password", outcome="ok")
    new = await service.start_session(db, account, user_agent=request.headers.get("user-agent"))
    set_session_cookie(response, new.token)
    return account


@router.post("/auth/signout", status_code=status.HTTP_204_NO_CONTENT)
async def sign_out(request: Request, response: Response, db: DbSession) -> None:
    if token := request.cookies.get(SESSION_COOKIE):
        await service.end_session(db, token)
    clear_session_cookie(response)


@router.get("/me", response_model=AccountOut)
async def me(account: CurrentMember) -> Account:
    return account


@router.patch("/me", response_model=AccountOut)
async def update_me(data: ProfileUpdate, account: CurrentMember, db: DbSession) -> Account:
    return await service.update_profile(db, account, data)


@router.post("/me/password", status_code=status.HTTP_204_NO_CONTENT)
async def change_password(data: PasswordChange, request: Request, account: CurrentMember, db: DbSession) -> None:
    await service.change_password(db, account, data, keep_token=request.cookies.get(SESSION_COOKIE))


@router.get("/me/tokens", response_model=list[TokenOut])
async def list_tokens(account: CurrentMember, db: DbSession) -> list:
    return await service.list_tokens(db, account)


@router.post("/me/tokens", status_code=status.HTTP_201_CREATED, response_model=TokenCreated)
async def create_token(data: TokenCreate, account: CurrentMember, db: DbSession) -> TokenCreated:
    record, token = await service.create_token(db, account, data.name)
    return TokenCreated(**TokenOut.model_validate(record).model_dump(), token=token)


@router.delete("/me/tokens/{token_id}", response_model=TokenOut)
async def revoke_token(token_id: Id, account: CurrentMember, db: DbSession) -> ApiToken:
    return await service.revoke_token(db, account, token_id)


@router.get("/members/{handle}", response_model=MemberOut)
async def member(handle: str, db: DbSession) -> Account:
    return await service.get_by_handle(db, handle)


class AccountPage(Page[AccountOut]):
    total: int


@router.get("/admin/accounts", response_model=AccountPage)
async def list_accounts(admin: AdminAccount, db: DbSession, cursor: Cursor = None,
                        limit: Limit = paging.DEFAULT_LIMIT) -> AccountPage:
    start = paging.offset(cursor)
    rows, total = await service.list_accounts(db, offset=start, limit=limit)
    return AccountPage(items=[AccountOut.model_validate(a) for a in rows], total=total,
                       next=paging.next_offset(start, limit, total))


@router.put("/admin/accounts/{account_id}/roles", response_model=AccountOut)
async def set_roles(account_id: Id, data: RolesUpdate, admin: AdminAccount, db: DbSession) -> Account:
    return await service.set_roles(db, await service.get_account(db, account_id), set(data.roles))


class ActiveUpdate(BaseModel):
    active: bool


@router.put("/admin/accounts/{account_id}/active", response_model=AccountOut)
async def set_active(account_id: Id, data: ActiveUpdate, admin: AdminAccount, db: DbSession) -> Account:
    return await service.set_active(db, await service.get_account(db, account_id), data.active)
