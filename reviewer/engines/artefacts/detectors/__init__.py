"""One module per detector family; the registry discovers them."""
