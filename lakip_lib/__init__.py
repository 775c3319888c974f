"""lakip: a reproducible LAKIP report book. All logic of the book lives in this package."""
