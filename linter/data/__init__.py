"""Built-in glossary and rules, shipped inside the wheel (see pyproject.toml)."""
