"""The bundled sample briefing and its source texts, installed as the package `briefing.data`."""
