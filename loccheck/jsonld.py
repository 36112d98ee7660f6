"""Read JSON-LD blocks: shopper-visible names and descriptions, offers, brands."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from loccheck import page as pm

# Nodes whose "name" is a brand, a company or a person, not shop copy to translate.
_BRAND_TYPES = frozenset(
    {"Brand", "Organization", "Corporation", "Person", "OnlineStore", "Store"}
)
_BRAND_KEYS = frozenset({"brand", "manufacturer", "author", "publisher", "seller"})
_OFFER_TYPES = frozenset({"Offer", "AggregateOffer"})
_PRICE_FIELDS = ("price", "lowPrice", "highPrice")
_MAX_DEPTH = 40


@dataclass
class JsonLdResult:
    """What one ``<script type="application/ld+json">`` block holds."""

    segments: list[pm.Segment] = field(default_factory=list)
    prices: list[pm.StructuredPrice] = field(default_factory=list)
    brands: list[str] = field(default_factory=list)
    error: str | None = None
    error_line: int | None = None


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return {kind.rsplit("/", 1)[-1]}
    if isinstance(kind, list):
        return {str(k).rsplit("/", 1)[-1] for k in kind}
    return set()


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return pm.collapse(value) or None
    return None


def _amount(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    return _text(value)


class _Reader:
    def __init__(self, line: int) -> None:
        self.line = line
        self.result = JsonLdResult()

    def visit(self, value: Any, depth: int, brand: bool, product: str | None) -> None:
        if depth > _MAX_DEPTH:
            return
        if isinstance(value, list):
            for item in value:
                self.visit(item, depth + 1, brand, product)
        elif isinstance(value, dict):
            self._node(value, depth, brand, product)

    def _node(
        self, node: dict[str, Any], depth: int, brand: bool, product: str | None
    ) -> None:
        types = _types(node)
        brand = brand or bool(types & _BRAND_TYPES)
        name = _text(node.get("name"))
        if brand:
            if name:
                self.result.brands.append(name)
        else:
            self._copy(node, types, name)
            if name and not types & _OFFER_TYPES:
                product = name
        if types & _OFFER_TYPES or "priceCurrency" in node:
            self._offer(node, product)
        for key, child in node.items():
            if key.startswith("@") and key != "@graph":
                continue
            if isinstance(child, (dict, list)):
                self.visit(child, depth + 1, brand or key in _BRAND_KEYS, product)
            elif key in _BRAND_KEYS and (text := _text(child)):
                self.result.brands.append(text)

    def _copy(self, node: dict[str, Any], types: set[str], name: str | None) -> None:
        selector = "script[type=application/ld+json]"
        label = next(iter(sorted(types)), "Thing")
        if name:
            self.result.segments.append(
                pm.Segment(pm.JSONLD_NAME, name, self.line, f"{selector} {label}.name")
            )
        description = _text(node.get("description"))
        if description:
            self.result.segments.append(
                pm.Segment(
                    pm.JSONLD_DESCRIPTION,
                    description,
                    self.line,
                    f"{selector} {label}.description",
                )
            )

    def _offer(self, node: dict[str, Any], product: str | None) -> None:
        currency = _text(node.get("priceCurrency"))
        spec = node.get("priceSpecification")
        specs = spec if isinstance(spec, list) else [spec]
        found = False
        for field_name in _PRICE_FIELDS:
            amount = _amount(node.get(field_name))
            if amount is not None:
                found = True
                self._price(field_name, amount, currency, product)
        for item in specs:
            if isinstance(item, dict) and not found:
                amount = _amount(item.get("price"))
                if amount is not None:
                    cur = _text(item.get("priceCurrency")) or currency
                    self._price("priceSpecification.price", amount, cur, product)

    def _price(
        self, field_name: str, amount: str, currency: str | None, product: str | None
    ) -> None:
        self.result.prices.append(
            pm.StructuredPrice(
                "jsonld",
                field_name,
                amount,
                currency,
                self.line,
                "script[type=application/ld+json]",
                product,
            )
        )


def read_block(text: str, line: int) -> JsonLdResult:
    """Read one JSON-LD block that starts on ``line``.

    A block that is not valid JSON yields an ``error`` and nothing else.
    """
    stripped = text.strip()
    if stripped.startswith("<!--"):
        stripped = stripped[4:]
        if stripped.rstrip().endswith("-->"):
            stripped = stripped.rstrip()[:-3]
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as exc:
        # Report the line of the page where the block breaks, not of the block.
        offset = len(text) - len(text.lstrip()) + exc.pos
        result = JsonLdResult()
        result.error = exc.msg
        result.error_line = line + text.count("\n", 0, offset)
        return result
    except (ValueError, RecursionError) as exc:
        result = JsonLdResult()
        result.error = str(exc).split("\n", 1)[0]
        return result
    reader = _Reader(line)
    reader.visit(data, 0, False, None)
    return reader.result
