"""The one small component behind which every chat model sits, chosen by settings.

LangChain's chat models (ChatOpenAI for any OpenAI-compatible server such as vLLM or
llama.cpp, AzureChatOpenAI, ChatOllama) do the talking; this wrapper streams plain text and
says whether the model finished on its own, so a cut stream or a hit token limit is never
mistaken for a complete answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, Protocol

Provider = Literal["none", "openai-compatible", "azure-openai", "ollama"]
_FINISHED = {"stop", "end_turn", "eos"}


class ModelError(RuntimeError):
    """The model could not be reached, failed, or stopped before it finished."""


class ChatModel(Protocol):
    """Streams a reply to a system + user message pair."""

    name: str

    def stream(self, system: str, user: str) -> Iterator[str]:
        """Text pieces as they come; raises ModelError unless the model finished by itself."""
        ...


@dataclass(frozen=True)
class ModelSettings:
    provider: Provider
    base_url: str
    model: str
    api_key: str
    timeout_s: float = 30.0
    max_tokens: int = 400
    temperature: float = 0.0
    api_version: str = "2024-10-21"  # Azure OpenAI only


class LangChainChat:
    """A LangChain chat model as a ChatModel."""

    def __init__(self, model: Any, name: str) -> None:
        self.model = model
        self.name = name

    def stream(self, system: str, user: str) -> Iterator[str]:
        from langchain_core.messages import HumanMessage, SystemMessage

        finish = ""
        try:
            for chunk in self.model.stream([SystemMessage(system), HumanMessage(user)]):
                meta = chunk.response_metadata or {}
                finish = str(meta.get("finish_reason") or meta.get("done_reason") or finish)
                if isinstance(chunk.content, str) and chunk.content:
                    yield chunk.content
        except ModelError:
            raise
        except Exception as exc:  # the client's own errors differ per provider
            raise ModelError(f"the model {self.name} failed: {type(exc).__name__}: "
                             f"{str(exc)[:200]}") from exc
        if finish not in _FINISHED:
            why = "reached its token limit" if finish == "length" else "broke off"
            raise ModelError(f"the answer of {self.name} {why} before it was complete")


def build_chat_model(settings: ModelSettings) -> ChatModel | None:
    """The configured model, or None for the extractive default. Imports only what it uses,
    so the default install needs none of the providers' clients at run time."""
    if settings.provider == "none":
        return None
    common: dict[str, Any] = {"temperature": settings.temperature,
                              "timeout": settings.timeout_s, "max_retries": 1}
    if settings.provider == "ollama":
        from langchain_ollama import ChatOllama

        ollama = ChatOllama(base_url=settings.base_url, model=settings.model,
                           temperature=settings.temperature, num_predict=settings.max_tokens,
                           client_kwargs={"timeout": settings.timeout_s})
        return LangChainChat(ollama, f"ollama:{settings.model}")
    if settings.provider == "azure-openai":
        from langchain_openai import AzureChatOpenAI

        azure = AzureChatOpenAI(azure_endpoint=settings.base_url,
                                azure_deployment=settings.model,
                                api_version=settings.api_version,
                                api_key=settings.api_key,
                                max_tokens=settings.max_tokens,
                                stream_usage=False, **common)
        return LangChainChat(azure, f"azure:{settings.model}")
    from langchain_openai import ChatOpenAI

    # llama.cpp's and older vLLM servers read max_tokens, not max_completion_tokens
    model = ChatOpenAI(base_url=settings.base_url, model=settings.model,
                       api_key=settings.api_key or "none",
                       extra_body={"max_tokens": settings.max_tokens},
                       stream_usage=False, **common)
    return LangChainChat(model, f"openai:{settings.model}")
