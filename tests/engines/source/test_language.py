"""Which language the sources are in, when the file does not say: detection on the joined
sources, with close languages (es/pt/it) re-decided by lingua's full models, "" if unsure.

The strings are our own: short UI labels and a news line, as PO files of MT jobs hold.
"""

from __future__ import annotations

import pytest

from reviewer.engines.source.language import detect

SPANISH = [
    "Guardar cambios", "¿Desea eliminar este archivo?", "No se pudo conectar con el servidor.",
    "Buscar", "Contraseña olvidada", "Iniciar sesión",
    "El Gobierno aprobó ayer el nuevo presupuesto.", "Abrir documento reciente",
    "Configuración de la cuenta", "\ue000 mensajes nuevos", "Cerrar ventana",
    "La sesión ha caducado.", "Descargar informe", "Ayuda",
]  # fmt: skip
PORTUGUESE = [
    "Guardar alterações", "Deseja eliminar este ficheiro?",
    "Não foi possível ligar ao servidor.", "Pesquisar", "Esqueceu-se da palavra-passe",
    "Iniciar sessão", "O Governo aprovou ontem o novo orçamento.", "Abrir documento recente",
    "Definições da conta", "\ue000 mensagens novas", "Fechar janela", "A sessão expirou.",
    "Transferir relatório", "Ajuda",
]  # fmt: skip
ITALIAN = [
    "Salva modifiche", "Vuoi eliminare questo file?", "Impossibile connettersi al server.",
    "Cerca", "Password dimenticata", "Accedi",
    "Il Governo ha approvato ieri il nuovo bilancio.", "Apri documento recente",
    "Impostazioni dell'account", "\ue000 nuovi messaggi", "Chiudi finestra",
    "La sessione è scaduta.", "Scarica il rapporto", "Aiuto",
]  # fmt: skip


@pytest.mark.parametrize(
    ("sources", "language"), [(SPANISH, "es"), (PORTUGUESE, "pt"), (ITALIAN, "it")]
)
def test_a_catalogue_of_short_strings_is_never_taken_for_a_neighbour(
    sources: list[str], language: str
) -> None:
    """Every run of 1-5 consecutive entries, and the whole file: the right language or
    none (""). The trigram models alone took four of these runs for another language."""
    assert detect(sources) == language
    for size in range(1, 6):
        for start in range(len(sources) - size + 1):
            found = detect(sources[start : start + size])
            assert found in {language, ""}, (sources[start : start + size], found)


def test_a_near_tie_is_decided_by_the_full_models_or_left_open() -> None:
    # the trigram models put Portuguese first, 0.54 to 0.46
    assert detect(["No se pudo conectar con el servidor."]) == "es"
    # Italian "search", Spanish "near", Portuguese "fence": no guess
    assert detect(["Cerca"]) == ""
    # a clear lead needs no second opinion
    assert detect(["Ayuda", "Guardar cambios"]) == "es"
