"""Claims across articles: quantity claims, assertion claims, positions, promises (docs/claims.md)."""
