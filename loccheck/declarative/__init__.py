"""Declarative rules: YAML files of a small, closed set of kinds.

A rule file names its ``kind`` (``existence``, ``substitution``, ``pattern``,
``token-pattern``, ``attribute``); each kind is one module in ``kinds/`` that
turns the file's matching keys into a matcher. ``loader`` validates files
against ``schemas/rule.schema.json`` and builds ``Check`` classes from them,
so YAML rules and Python checks share one registry and one metadata model.
"""
